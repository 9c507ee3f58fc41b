package dev.sigc.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@link HashesFields#isHashValue} is a loop for speed; it must accept exactly what the documented pattern does. */
class HashesFieldsValueTest {
    private static final Pattern ALGO_EQUALS_HEX = Pattern.compile("([A-Za-z0-9]*)=([0-9A-Fa-f]*)");

    @Test
    void agreesWithTheAlgoEqualsHexPattern() {
        String alphabet = "=aAfFgGzZ09,-_ \u00e9\u0660";
        Random random = new Random(4711);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            assertEquals(ALGO_EQUALS_HEX.matcher(text).matches(), HashesFields.isHashValue(text, text.indexOf('=')), text);
        }
        for (String text : new String[] {"MD5=0123abcdEF", "=", "SHA256=", "=ab", "MD5==ab", "MD5", "md5=xyz", "SHA1=ab,MD5=cd"}) {
            assertEquals(ALGO_EQUALS_HEX.matcher(text).matches(), HashesFields.isHashValue(text, text.indexOf('=')), text);
        }
    }
}
