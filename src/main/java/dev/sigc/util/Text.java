package dev.sigc.util;

/** Small text helpers shared by messages. */
public final class Text {
    private Text() {}

    /** Levenshtein distance, for "did you mean" suggestions. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The closest candidate within a small edit distance, if any (case-insensitive). */
    public static java.util.Optional<String> closest(String name, Iterable<String> candidates) {
        String best = null;
        int limit = Math.max(2, name.length() / 3);
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String c : candidates) {
            if (Math.abs(c.length() - name.length()) > limit) {
                continue; // the distance is at least the length difference
            }
            int d = distance(lower, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= limit ? java.util.Optional.of(best)
                : java.util.Optional.empty();
    }
}
