package dev.sigc.backend.spl;

import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one escaper for SPL: double-quoted string literals (search terms, {@code regex} arguments and eval
 * strings share the rule that {@code \\} is a backslash and {@code \"} a quote) and field names.
 *
 * <p>A literal never holds a raw control character (the query is one line, and SPL has no escape for them),
 * a backtick (SPL expands {@code `macro`} text) or a lone UTF-16 surrogate. Callers route values holding
 * those to a regular expression, where {@link SplRegex} spells them as {@code \x{hh}}.
 */
final class SplStrings {
    /** A bare search field; {@link #isSearchField} checks it without a regex, and a test checks they agree. */
    static final Pattern SEARCH_FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern EVAL_BARE_FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Words the search command reads as operators or directives. */
    private static final Set<String> SEARCH_RESERVED = Set.of("and", "or", "not", "xor", "in", "term", "case");
    /** Words an eval expression reads as operators or constants. */
    private static final Set<String> EVAL_RESERVED = Set.of("and", "or", "not", "xor", "like", "in", "true", "false",
            "null");

    private SplStrings() {}

    /** {@code "text"} with backslashes and quotes escaped. The text must satisfy {@link #isLiteralSafe}. */
    static String quote(String text) {
        if (!isLiteralSafe(text)) {
            throw new IllegalArgumentException("not writable as an SPL literal: " + text);
        }
        StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '"') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** True when every character of the text can stand for itself inside an SPL string literal. */
    static boolean isLiteralSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (needsHexEscape(c)) {
                return false;
            }
        }
        return true;
    }

    /** A character that must never appear raw in the query: controls, DEL, backtick, a lone surrogate. */
    static boolean needsHexEscape(char c) {
        return c < 0x20 || c == 0x7f || c == '`' || Character.isSurrogate(c);
    }

    /** A field name the search command reads as a field when written bare ({@code name=value}). */
    static boolean isSearchField(String name) {
        if (name.isEmpty()) {
            return false;
        }
        // SEARCH_FIELD as a loop: every field of every rule is asked
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!(letter || (i > 0 && ((c >= '0' && c <= '9') || c == '.')))) {
                return false;
            }
        }
        return !SEARCH_RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The field as an eval operand: bare when it is a plain identifier, else in single quotes. A name that
     * single quotes cannot hold (a quote, a backslash or an unwritable character) is an error.
     */
    static String evalField(String name, Span span) {
        if (EVAL_BARE_FIELD.matcher(name).matches() && !EVAL_RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            return name;
        }
        if (name.isEmpty() || name.indexOf('\'') >= 0 || name.indexOf('\\') >= 0 || !isLiteralSafe(name)) {
            throw new SigcException("unsupported-field-name", span, "spl: field name '" + printable(name)
                    + "' cannot be written in an SPL eval expression (empty, or holds a quote, backslash, backtick"
                    + " or control character); rename the field in the pipeline");
        }
        return "'" + name + "'";
    }

    /** The text with unwritable characters shown as Unicode escapes, for messages. */
    static String printable(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : c);
        }
        return sb.toString();
    }
}
