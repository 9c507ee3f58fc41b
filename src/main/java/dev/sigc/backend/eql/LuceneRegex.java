package dev.sigc.backend.eql;

import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import java.util.TreeSet;

/**
 * Pieces of Lucene regular-expression syntax, the language of EQL's {@code regex} / {@code regex~}
 * (Elasticsearch runs them as {@code regexp} queries with all optional syntax enabled).
 *
 * <p>What matters for exactness:
 * <ul>
 *   <li>A Lucene regex always matches the whole value: there are no anchors, {@code ^} and {@code $} are
 *       plain characters.</li>
 *   <li>{@code .} is any code point, line breaks included.</li>
 *   <li>Reserved characters ({@code . ? + * | { } [ ] ( ) " \ # @ & < > ~}) must be escaped with a
 *       backslash, also inside character classes. A backslash before a letter other than
 *       {@code d D s S w W} is an error, so only non-alphanumeric characters are ever escaped.</li>
 *   <li>There is no {@code \n}/{@code \t} escape: control characters are written as themselves (the EQL
 *       string literal escapes them).</li>
 *   <li>{@code regex~} folds ASCII letters only, and only for single characters, not for ranges.
 *       Non-ASCII letters therefore get their case variants spelled out, and ranges are widened here.</li>
 * </ul>
 */
final class LuceneRegex {
    /** Characters that are operators outside a class (plus ^ and $, escaped for readers used to PCRE). */
    private static final String RESERVED = ".?+*|{}[]()\"\\#@&<>~^$";

    private LuceneRegex() {}

    /**
     * A Lucene regex matching exactly what the Sigma pattern matches under {@code op}: literal text
     * quoted, {@code *} as {@code .*}, {@code ?} as {@code .}, unanchored ends opened with {@code .*}.
     * When {@code caseInsensitive} the caller uses {@code regex~}; non-ASCII letters get explicit variants.
     */
    static String fromPattern(SigmaString pattern, StrOp op, boolean caseInsensitive) {
        StringBuilder sb = new StringBuilder();
        if (!op.anchoredStart()) {
            sb.append(".*");
        }
        for (SigmaString.Part part : pattern.parts()) {
            if (part instanceof SigmaString.Text t) {
                t.text().codePoints().forEach(cp -> appendLiteral(sb, cp, caseInsensitive));
            } else {
                sb.append(part == SigmaString.Wildcard.ANY_STRING ? ".*" : ".");
            }
        }
        if (!op.anchoredEnd()) {
            sb.append(".*");
        }
        return sb.length() == 0 ? RegexTranslator.EMPTY : sb.toString();
    }

    /** Appends one literal code point outside a class: escaped if reserved, case variants if needed. */
    static void appendLiteral(StringBuilder sb, int cp, boolean caseInsensitive) {
        TreeSet<Integer> extra = caseInsensitive ? nonAsciiVariants(cp) : new TreeSet<>();
        if (extra.isEmpty()) {
            appendChar(sb, cp, false);
            return;
        }
        sb.append('[');
        appendChar(sb, cp, true);
        extra.forEach(v -> appendChar(sb, v, true));
        sb.append(']');
    }

    /** Appends a code point as a Lucene char expression; {@code inClass} escapes all ASCII punctuation. */
    static void appendChar(StringBuilder sb, int cp, boolean inClass) {
        boolean punct = cp > 0x20 && cp < 0x7f && !Character.isLetterOrDigit(cp);
        if (inClass ? punct : (cp < 0x80 && RESERVED.indexOf(cp) >= 0)) {
            sb.append('\\');
        }
        sb.appendCodePoint(cp);
    }

    /**
     * The case variants of {@code cp} that Lucene's ASCII-only folding would miss: empty for a character
     * without case or when the character and all its variants are ASCII.
     */
    static TreeSet<Integer> nonAsciiVariants(int cp) {
        TreeSet<Integer> variants = new TreeSet<>();
        variants.add(Character.toLowerCase(cp));
        variants.add(Character.toUpperCase(cp));
        variants.add(Character.toTitleCase(cp));
        variants.remove(cp);
        boolean allAscii = cp < 0x80 && variants.stream().allMatch(v -> v < 0x80);
        return allAscii ? new TreeSet<>() : variants;
    }

    /** True when some code point in {@code [from, to]} outside ASCII has a case variant. */
    static boolean rangeHasNonAsciiCase(int from, int to) {
        for (int cp = Math.max(from, 0x80); cp <= to; cp++) {
            if (!nonAsciiVariants(cp).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
