package dev.sigc.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares an output with its reviewed golden file. A golden is rewritten only with
 * {@code -Dsigc.golden.update=true}; on a mismatch the actual output is kept under
 * {@code target/golden-actual/} and the failure shows a line diff.
 */
final class Golden {
    static final Path ROOT = Path.of("golden");
    static final Path ACTUAL = Path.of("target", "golden-actual");

    private Golden() {}

    static boolean updating() {
        return Boolean.parseBoolean(System.getProperty("sigc.golden.update", "false"));
    }

    static void check(Path golden, String actual) throws IOException {
        if (updating()) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            save(golden, actual);
            throw new AssertionError("no golden file " + golden + " (actual output saved under " + ACTUAL
                    + "; review it, then run with -Dsigc.golden.update=true)");
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            save(golden, actual);
            throw new AssertionError("output differs from " + golden + ":\n" + diff(expected, actual));
        }
    }

    private static void save(Path golden, String actual) throws IOException {
        Path p = ACTUAL.resolve(ROOT.relativize(golden));
        Files.createDirectories(p.getParent());
        Files.writeString(p, actual, StandardCharsets.UTF_8);
    }

    /** A plain line diff: lines only in the golden with '-', only in the output with '+'. */
    static String diff(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                sb.append("  ").append(a.get(i)).append('\n');
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                sb.append("+ ").append(b.get(j++)).append('\n');
            } else {
                sb.append("- ").append(a.get(i++)).append('\n');
            }
        }
        if (!expected.endsWith("\n") || !actual.endsWith("\n")) {
            sb.append("(final newline: golden ").append(expected.endsWith("\n")).append(", output ")
                    .append(actual.endsWith("\n")).append(")\n");
        }
        return sb.toString();
    }
}
