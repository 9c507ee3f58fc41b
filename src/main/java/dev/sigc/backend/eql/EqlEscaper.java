package dev.sigc.backend.eql;

import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that turns values and names into EQL tokens (Elasticsearch EQL, {@code EqlBase.g4}).
 *
 * <p>String literals are double-quoted; the only escapes emitted are the documented ones: {@code \"},
 * {@code \\}, {@code \n}, {@code \r}, {@code \t} and {@code &#92;u{X..X}} (2-8 hex digits, a Unicode code
 * point). Everything outside printable ASCII is written as {@code &#92;u{..}}, so the query is pure ASCII and
 * Elasticsearch's {@code unquoteString} gives back exactly the value. A lone UTF-16 surrogate has no code
 * point EQL accepts, so it is an error.
 *
 * <p>Field names are dotted identifiers ({@code [A-Za-z_@][A-Za-z0-9_]*} per segment, not a keyword);
 * anything else is enclosed in backticks with a backtick doubled.
 */
final class EqlEscaper {
    /** The plain name segment; {@link #isPlainSegment} checks it without a regex, and a test checks they agree. */
    static final Pattern SEGMENT = Pattern.compile("[A-Za-z_@][A-Za-z0-9_]*");

    /** Lexer keywords of current and older EQL grammars; a field segment spelled like one must be quoted. */
    private static final Set<String> KEYWORDS = Set.of("and", "any", "by", "false", "fork", "in", "join", "like",
            "maxspan", "not", "null", "of", "or", "regex", "runs", "sample", "sequence", "true", "until", "where",
            "with");

    private EqlEscaper() {}

    /** A double-quoted EQL string literal that denotes exactly {@code value}. */
    static String string(String value, Span span) {
        if (isPrintableAsIs(value)) {
            return '"' + value + '"'; // the usual value: nothing to escape
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (cp >= 0x20 && cp < 0x7f) {
                        sb.append((char) cp);
                    } else if (Character.isSurrogate((char) cp) && cp <= 0xffff) {
                        throw new SigcException("unsupported-value", span,
                                "eql: the value contains an unpaired UTF-16 surrogate (U+" + hex(cp)
                                        + "), which no EQL string can hold; fix the rule's text encoding");
                    } else {
                        sb.append("\\u{").append(hex(cp)).append('}');
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Printable ASCII without a quote or backslash: {@link #string} writes each character as itself. */
    private static boolean isPrintableAsIs(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** A field reference: the dotted name as is when every segment is a plain identifier, else backticked. */
    static String field(String name, Span span) {
        if (name.isEmpty()) {
            throw new SigcException("invalid-field", span, "eql: empty field name; check the pipeline's field mapping");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new SigcException("invalid-field", span, "eql: field name " + describe(name)
                        + " contains a control character; EQL field names must be on one line");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(++i)))) {
                throw new SigcException("invalid-field", span, "eql: field name " + describe(name)
                        + " contains an unpaired UTF-16 surrogate, which no query text can hold");
            }
        }
        return isPlainPath(name) ? name : "`" + name.replace("`", "``") + "`";
    }

    /** The event category before {@code where}: {@code any}, a plain identifier, or a quoted string. */
    static String category(String category, Span span) {
        if (category.equals("any") || isPlainSegment(category)) {
            return category;
        }
        if (category.isEmpty()) {
            throw new SigcException("unmapped-logsource", span,
                    "eql: the pipeline set an empty event category; set state 'category' to a category or 'any'");
        }
        return string(category, span);
    }

    private static boolean isPlainPath(String name) {
        int from = 0;
        for (int dot = name.indexOf('.'); ; dot = name.indexOf('.', from)) { // split("\\.", -1) without a regex
            if (!isPlainSegment(name.substring(from, dot < 0 ? name.length() : dot))) {
                return false;
            }
            if (dot < 0) {
                return true;
            }
            from = dot + 1;
        }
    }

    /** {@link #SEGMENT} and not a keyword; a loop, because every field of every rule is asked. */
    static boolean isPlainSegment(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            boolean ok = i == 0 ? letter || c == '@' : letter || (c >= '0' && c <= '9');
            if (!ok) {
                return false;
            }
        }
        return !KEYWORDS.contains(segment.toLowerCase(Locale.ROOT));
    }

    /** The name for a message: printable ASCII as is, anything else as {@code \\u{..}}; never throws. */
    private static String describe(String name) {
        StringBuilder sb = new StringBuilder("'");
        name.chars().forEach(c -> {
            if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else {
                sb.append("\\u{").append(hex(c)).append('}');
            }
        });
        return sb.append('\'').toString();
    }

    /** Lower-case hex, at least two digits (EQL accepts 2-8). */
    private static String hex(int cp) {
        String h = Integer.toHexString(cp);
        return h.length() < 2 ? "0" + h : h;
    }
}
