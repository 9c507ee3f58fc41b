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

    /**
     * Whether {@code name} matches {@code pattern}, where {@code *} stands for any run of characters (none
     * included) and every other character for itself, case-sensitively: the identifier patterns of {@code 1 of
     * selection_*}. Linear backtracking to the last star; no regex to compile per pattern.
     */
    public static boolean globMatches(String pattern, String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = n;
            } else if (p < pattern.length() && pattern.charAt(p) == name.charAt(n)) {
                p++;
                n++;
            } else if (star >= 0) {
                p = star + 1;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** The closest candidate within a small edit distance, if any (case-insensitive). */
    public static java.util.Optional<String> closest(String name, Iterable<String> candidates) {
        String best = null;
        int limit = Math.max(2, name.length() / 3);
        int bestDistance = limit + 1;
        String lower = lower(name);
        // Called for every unknown field of every rule against schemas of hundreds of names: the rows are
        // allocated once per call, and a candidate whose length alone puts it past the best so far is skipped
        // (the distance is at least the length difference, so it could not win).
        int[] prev = new int[0];
        int[] cur = new int[0];
        for (String c : candidates) {
            if (Math.abs(c.length() - name.length()) > limit) {
                continue;
            }
            String lc = lower(c);
            if (Math.abs(lc.length() - lower.length()) > bestDistance - 1) {
                continue;
            }
            if (prev.length < lc.length() + 1) {
                prev = new int[lc.length() + 1];
                cur = new int[lc.length() + 1];
            }
            int d = boundedDistance(lower, lc, bestDistance - 1, prev, cur);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** {@code toLowerCase(Locale.ROOT)}, without a copy when there is nothing to lower. */
    private static String lower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80 || (ch >= 'A' && ch <= 'Z')) {
                return s.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return s;
    }

    /** Levenshtein distance if it is at most {@code max}, else {@code max + 1} (stops as soon as it must exceed). */
    static int boundedDistance(String a, String b, int max) {
        return boundedDistance(a, b, max, new int[b.length() + 1], new int[b.length() + 1]);
    }

    /** As above, with two rows of at least {@code b.length() + 1} to work in. */
    private static int boundedDistance(String a, String b, int max, int[] prev, int[] cur) {
        if (max < 0) {
            return 0 == a.compareTo(b) ? 0 : 1;
        }
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
