package dev.sigc.backend.spl;

import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.backend.Patterns;
import dev.sigc.diag.SigcException;

/**
 * PCRE text for SPL's {@code match()} and {@code regex}. Every result is safe for {@link SplStrings#quote}:
 * characters that may not appear raw in the query are written as {@code \x{hh}}, which PCRE reads as that
 * character (outside and inside a class).
 */
final class SplRegex {
    private SplRegex() {}

    /**
     * An exact regex for a Sigma pattern under {@code op}. Unlike {@link Patterns#toRegex} the end anchor is
     * {@code \z}: in PCRE {@code $} also matches before a final newline, which would widen EQUALS/ENDS_WITH.
     */
    static String ofPattern(StringMatch node) {
        return prefix(node.caseSensitive()) + body(node);
    }

    /** The options every pattern regex starts with: {@code (?s)} so wildcards cross line breaks, plus {@code i}. */
    static String prefix(boolean caseSensitive) {
        return caseSensitive ? "(?s)" : "(?is)";
    }

    /** {@link #ofPattern} without its leading options: anchors, quoted text and wildcards only, no groups. */
    static String body(StringMatch node) {
        SigmaString pattern = node.pattern();
        StrOp op = node.op();
        StringBuilder sb = new StringBuilder();
        if (op.anchoredStart()) {
            sb.append('^');
        }
        for (SigmaString.Part p : pattern.parts()) {
            if (p instanceof SigmaString.Text t) {
                appendHexEscaped(sb, Patterns.quote(t.text()), node);
            } else {
                sb.append(p == SigmaString.Wildcard.ANY_STRING ? ".*" : ".");
            }
        }
        if (op.anchoredEnd()) {
            sb.append("\\z");
        }
        return sb.toString();
    }

    /** The rule's regex with its flags as a leading inline group, e.g. {@code (?i)}. */
    static String of(RegexMatch node) {
        StringBuilder sb = new StringBuilder();
        if (!node.flags().isEmpty()) {
            sb.append("(?");
            for (RegexFlag f : RegexFlag.values()) {
                if (node.has(f)) {
                    sb.append(f.letter());
                }
            }
            sb.append(')');
        }
        return sb.append(sanitise(node)).toString();
    }

    /**
     * The pattern with each unwritable character replaced by {@code \x{hh}}; an escaped one ({@code \} then
     * the character) stands for the character itself, so the pair is replaced. Inside {@code \Q...\E} an
     * escape would be read literally, so an unwritable character there is an error.
     */
    private static String sanitise(RegexMatch node) {
        String re = node.pattern();
        StringBuilder sb = new StringBuilder(re.length() + 8);
        boolean quoted = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            char next = i + 1 < re.length() ? re.charAt(i + 1) : 0;
            if (quoted && c == '\\' && next == 'E') {
                quoted = false;
                sb.append("\\E");
                i++;
            } else if (quoted) {
                i = appendPlain(sb, re, i, node, true);
            } else if (c != '\\' || i + 1 == re.length()) {
                i = appendPlain(sb, re, i, node, false);
            } else if (next == 'Q') {
                quoted = true;
                sb.append("\\Q");
                i++;
            } else if (next == 'c') {
                // \cX takes X as it is, so X must be writable raw
                sb.append("\\c");
                i++;
                if (i + 1 < re.length()) {
                    i = appendPlain(sb, re, i + 1, node, true);
                }
            } else if (SplStrings.needsHexEscape(next) && !Character.isSurrogate(next)) {
                hex(sb, next); // an escaped control character or backtick stands for itself
                i++;
            } else {
                sb.append('\\');
                i = appendPlain(sb, re, i + 1, node, false);
            }
        }
        return sb.toString();
    }

    /** Appends the character (or surrogate pair) at {@code i}; returns the index of its last char. */
    private static int appendPlain(StringBuilder sb, String re, int i, RegexMatch node, boolean mustBeRaw) {
        char c = re.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < re.length() && Character.isLowSurrogate(re.charAt(i + 1))) {
            sb.append(c).append(re.charAt(i + 1));
            return i + 1;
        }
        if (!SplStrings.needsHexEscape(c)) {
            sb.append(c);
            return i;
        }
        if (mustBeRaw || Character.isSurrogate(c)) {
            throw new SigcException("unsupported-regex", node.span(), "spl: the regular expression holds a control"
                    + " character, backtick or lone surrogate (U+" + String.format("%04X", (int) c) + ") where it"
                    + " cannot be written as \\x{..} (inside \\Q...\\E or after \\c, or unpaired); write it as an"
                    + " escape such as \\n or \\x{0a} in the rule");
        }
        hex(sb, c);
        return i;
    }

    private static void appendHexEscaped(StringBuilder sb, String literalRegex, StringMatch node) {
        for (int i = 0; i < literalRegex.length(); i++) {
            char c = literalRegex.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < literalRegex.length()
                    && Character.isLowSurrogate(literalRegex.charAt(i + 1))) {
                sb.append(c).append(literalRegex.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                throw new SigcException("unsupported-value", node.span(), "spl: the value holds a lone UTF-16"
                        + " surrogate (U+" + String.format("%04X", (int) c) + "), which no query text can carry");
            } else if (SplStrings.needsHexEscape(c)) {
                hex(sb, c);
            } else {
                sb.append(c);
            }
        }
    }

    private static void hex(StringBuilder sb, char c) {
        sb.append(String.format("\\x{%02x}", (int) c));
    }
}
