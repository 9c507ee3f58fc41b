package dev.sigc.testing;

import java.util.ArrayList;
import java.util.List;

/** Exhaustive small inputs, for checking a hand-written scanner against the pattern it replaces. */
public final class AllStrings {
    private AllStrings() {}

    /** Every string of at most {@code max} characters over {@code alphabet}, the empty string included. */
    public static List<String> upTo(String alphabet, int max) {
        List<String> out = new ArrayList<>(List.of(""));
        List<String> last = List.of("");
        for (int n = 1; n <= max; n++) {
            List<String> next = new ArrayList<>();
            for (String s : last) {
                for (char c : alphabet.toCharArray()) {
                    next.add(s + c);
                }
            }
            out.addAll(next);
            last = next;
        }
        return out;
    }
}
