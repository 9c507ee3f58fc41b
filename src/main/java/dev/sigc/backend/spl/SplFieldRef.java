package dev.sigc.backend.spl;

import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.StrOp;
import dev.sigc.backend.Unsupported;

/**
 * {@code fieldref}: two fields of one event compared as text, in eval syntax ({@code F} and {@code G} are eval
 * operands). Case-insensitive: both sides through {@code lower()}. Cased: {@code G.""}, since eval's {@code .}
 * reads its operands as strings, so that values that look like numbers ({@code 1.0} and {@code 1}) are not
 * compared as numbers. A prefix or suffix of F is cut with {@code substr}/{@code len}, which count
 * characters; an empty G is a prefix and suffix of anything, but F must be present. The suffix start is kept
 * at 1 or more with {@code max}, where the length test already makes the result false, so no {@code substr}
 * call relies on an undocumented start below 1.
 *
 * <p>{@code contains} is unsupported: eval has no substring search, and {@code like()} or {@code match()} would
 * read G's {@code %}, {@code _} or regex characters as pattern syntax.
 */
final class SplFieldRef {
    private SplFieldRef() {}

    /** The positive test, parenthesised when it is more than one comparison. */
    static String test(FieldRefMatch node, String f, String g) {
        boolean cs = node.caseSensitive();
        String other = text(g, cs);
        return switch (node.op()) {
            case EQUALS -> text(f, cs) + "==" + other;
            case STARTS_WITH -> "(isnotnull(" + f + ") AND (len(" + g + ")==0 OR "
                    + cut("substr(" + f + ", 1, len(" + g + "))", cs) + "==" + other + "))";
            case ENDS_WITH -> "(isnotnull(" + f + ") AND (len(" + g + ")==0 OR (len(" + f + ")>=len(" + g + ") AND "
                    + cut("substr(" + f + ", max(1, len(" + f + ")-len(" + g + ")+1))", cs) + "==" + other + ")))";
            case CONTAINS -> throw Unsupported.of("spl", node, "fieldref|contains (eval has no substring search"
                    + " that takes its pattern from a field)");
        };
    }

    /** Whether {@link #test} is a single comparison (which needs parentheses after NOT). */
    static boolean isComparison(FieldRefMatch node) {
        return node.op() == StrOp.EQUALS;
    }

    /** A field's value as text to compare. */
    private static String text(String field, boolean caseSensitive) {
        return caseSensitive ? field + ".\"\"" : "lower(" + field + ")";
    }

    /** A substring (already text) to compare. */
    private static String cut(String substr, boolean caseSensitive) {
        return caseSensitive ? substr : "lower(" + substr + ")";
    }
}
