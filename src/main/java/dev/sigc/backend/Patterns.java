package dev.sigc.backend;

import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;

/** Turns Sigma string patterns into regular expressions (RE2/PCRE/Java syntax, which agree on this subset). */
public final class Patterns {
    private Patterns() {}

    /**
     * A regex that matches exactly the values the pattern matches under {@code op}: {@code *} is
     * {@code .*}, {@code ?} is one character, literal text is quoted, and the ends are anchored where the op
     * anchors them. {@code (?s)} makes wildcards cross line breaks; {@code (?i)} is added when not cased.
     */
    public static String toRegex(SigmaString pattern, StrOp op, boolean caseSensitive) {
        StringBuilder sb = new StringBuilder(caseSensitive ? "(?s)" : "(?is)");
        if (op.anchoredStart()) {
            sb.append('^');
        }
        for (SigmaString.Part p : pattern.parts()) {
            if (p instanceof SigmaString.Text t) {
                sb.append(quote(t.text()));
            } else {
                sb.append(p == SigmaString.Wildcard.ANY_STRING ? ".*" : ".");
            }
        }
        if (op.anchoredEnd()) {
            sb.append('$');
        }
        return sb.toString();
    }

    /** Escapes every regex metacharacter with a backslash; other characters stay as they are. */
    public static String quote(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
