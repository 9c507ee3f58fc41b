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
        int bestDistance = limit + 1;
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String c : candidates) {
            if (Math.abs(c.length() - name.length()) > limit) {
                continue; // the distance is at least the length difference
            }
            int d = boundedDistance(lower, c.toLowerCase(java.util.Locale.ROOT), bestDistance - 1);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** Levenshtein distance if it is at most {@code max}, else {@code max + 1} (stops as soon as it must exceed). */
    static int boundedDistance(String a, String b, int max) {
        if (max < 0) {
            return 0 == a.compareTo(b) ? 0 : 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], max + 1);
    }
}
