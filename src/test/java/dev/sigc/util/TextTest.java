package dev.sigc.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void closestIsCaseInsensitiveAndWithinAFewEdits() {
        assertEquals(Optional.of("contains"), Text.closest("contians", List.of("startswith", "contains", "endswith")));
        assertEquals(Optional.of("CommandLine"), Text.closest("commandline", List.of("Image", "CommandLine")));
        assertEquals(Optional.empty(), Text.closest("xyz", List.of("CommandLine")));
    }

    @Test
    void boundedDistanceAgreesWithTheFullOneUpToItsBound() {
        Random r = new Random(1);
        for (int n = 0; n < 2000; n++) {
            String a = word(r);
            String b = word(r);
            int max = r.nextInt(5);
            int full = Text.distance(a, b);
            assertEquals(Math.min(full, max + 1), Text.boundedDistance(a, b, max), a + " / " + b + " / " + max);
        }
    }

    @Test
    void globMatchesAgreesWithTheEquivalentRegex() {
        Random r = new Random(7);
        String alphabet = "ab_*";
        for (int n = 0; n < 20000; n++) {
            String pattern = random(r, alphabet, 6);
            String name = random(r, "ab_", 7);
            StringBuilder re = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                re.append(c == '*' ? ".*" : java.util.regex.Pattern.quote(String.valueOf(c)));
            }
            assertEquals(name.matches(re.toString()), Text.globMatches(pattern, name), pattern + " / " + name);
        }
        assertEquals(true, Text.globMatches("selection_*", "selection_"));
        assertEquals(false, Text.globMatches("selection_*", "Selection_a"));
        assertEquals(true, Text.globMatches("*", ""));
        assertEquals(false, Text.globMatches("", "a"));
    }

    private static String random(Random r, String alphabet, int maxLength) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(maxLength + 1); i > 0; i--) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String word(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            sb.append((char) ('a' + r.nextInt(4)));
        }
        return sb.toString();
    }
}
