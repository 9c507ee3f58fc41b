package dev.sigc.backend.kql;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that turns values and names into KQL text.
 *
 * <p>String literals are double-quoted. The escapes Kusto documents ({@code \\ \" \n \r \t}) are used for
 * those characters; every other control character, and the invisible or layout-changing characters
 * (C1 controls, zero-width and bidirectional formatting characters, unusual spaces, line and paragraph
 * separators, private use, tag characters), become {@code \}{@code uXXXX}, an escape of Kusto's lexical
 * grammar ({@code Kusto.Language} {@code LexicalGrammar.Escape}). All other characters, including
 * non-ASCII letters, emoji and {@code |}, stand for themselves. So a literal never spans lines, never
 * hides a character from a reviewer, and denotes exactly the given string.
 */
public final class KqlEscaper {
    private KqlEscaper() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Words that Kusto.Language ({@code KustoFacts.CanBeIdentifier}, 12.x) does not accept as a bare name,
     * restricted to those that look like plain identifiers; a name in this set is bracketed.
     */
    private static final Set<String> RESERVED = Set.of(
            "__contextual_datatable", "__crossCluster", "__crossDB", "__executeAndCache", "__id", "__isFuzzy",
            "__noWithSource", "__packedColumn", "__projectAway", "__sourceColumnIndex", "accumulate", "and",
            "anomalychart", "areachart", "as", "asc", "bagexpansion", "barchart", "between", "bin_legacy",
            "boolean", "by", "byte", "cachingpolicy", "callout", "cancel", "card", "char", "columnchart",
            "contains", "contains_cs", "containscs", "cycles", "dataexport", "datascope", "datatable", "date",
            "datetime", "decimal", "decodeblocks", "desc", "double", "dynamic", "earliest", "encodingpolicy",
            "endswith", "endswith_cs", "expandoutput", "extent_tags_retention", "external_data", "externaldata",
            "find", "first", "flags", "float", "force_remote", "harddelete", "hardretention", "has", "has_all",
            "has_any", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs", "hotcache", "in", "int",
            "int16", "int32", "int64", "int8", "invoke", "isfuzzy", "journal", "kind", "ladderchart", "last",
            "latest", "like", "likecs", "linechart", "long", "materialize", "mdm", "missing", "nooptimization",
            "notcontains", "notcontainscs", "notlike", "notlikecs", "of", "or", "others", "pathformat", "piechart",
            "pivotchart", "print", "project", "queries", "query_results", "real", "relaxed",
            "restricted_view_access", "row_level_security", "rowstore", "rowstore_references", "rowstore_sealinfo",
            "rowstorepolicy", "rowstores", "sample", "scatterchart", "seal", "seals", "search", "set", "shards",
            "simple", "softdelete", "softretention", "sql", "stackedareachart", "startswith", "startswith_cs",
            "statistics", "storedqueryresultcontainers", "string", "tablepurge", "time", "timechart", "timeline",
            "timepivot", "timespan", "title", "to", "toscalar", "totable", "treemap", "uint", "uint16", "uint32",
            "uint64", "uint8", "ulong", "union", "uniqueid", "unrestrictedviewers", "verbose", "viewers", "views",
            "where", "with_itemindex", "with_match_id", "with_source", "with_step_name", "withsource",
            "writeaheadlog",
            // boolean literals, in every spelling the lexer accepts, and "null" for good measure
            "true", "false", "True", "False", "TRUE", "FALSE", "null");

    /** {@code value} as a double-quoted KQL string literal; throws on an unpaired surrogate (not text). */
    public static String quote(String value) {
        return quote(value, '"');
    }

    /**
     * A column or table name: as is when it is a plain identifier that Kusto does not reserve, otherwise
     * bracketed as {@code ['name']}.
     */
    public static String identifier(String name) {
        if (PLAIN_IDENTIFIER.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return "[" + quote(name, '\'') + "]";
    }

    /** True when {@code value} is well-formed UTF-16 (no unpaired surrogate), i.e. can be quoted. */
    public static boolean isEncodable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String quote(String value, char quote) {
        if (!isEncodable(value)) {
            throw new IllegalArgumentException("kql: value has an unpaired surrogate and is not text");
        }
        StringBuilder sb = new StringBuilder(value.length() + 2);
        sb.append(quote);
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (cp == quote) {
                        sb.append('\\').append(quote);
                    } else if (hidden(cp)) {
                        for (char unit : Character.toChars(cp)) {
                            sb.append("\\u").append(HEX[(unit >> 12) & 0xf]).append(HEX[(unit >> 8) & 0xf])
                                    .append(HEX[(unit >> 4) & 0xf]).append(HEX[unit & 0xf]);
                        }
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        }
        return sb.append(quote).toString();
    }

    /** Characters written as escapes: controls and characters a reader cannot see. A fixed list, not JDK tables. */
    static boolean hidden(int cp) {
        return cp < 0x20
                || (cp >= 0x7f && cp <= 0xa0)        // DEL, C1 controls, no-break space
                || cp == 0xad                         // soft hyphen
                || cp == 0x34f                        // combining grapheme joiner
                || cp == 0x61c                        // Arabic letter mark
                || cp == 0x115f || cp == 0x1160       // Hangul fillers
                || cp == 0x17b4 || cp == 0x17b5       // Khmer inherent vowels
                || (cp >= 0x180b && cp <= 0x180f)     // Mongolian selectors and vowel separator
                || (cp >= 0x2000 && cp <= 0x200f)     // spaces, zero-width characters, LRM/RLM
                || (cp >= 0x2028 && cp <= 0x202f)     // line/paragraph separators, bidi embeddings
                || (cp >= 0x205f && cp <= 0x206f)     // math space, invisible operators, bidi isolates
                || cp == 0x3000 || cp == 0x3164 || cp == 0xffa0
                || (cp >= 0xe000 && cp <= 0xf8ff)     // private use
                || (cp >= 0xfe00 && cp <= 0xfe0f)     // variation selectors
                || cp == 0xfeff                       // BOM / zero-width no-break space
                || (cp >= 0xfff0 && cp <= 0xffff)     // specials
                || (cp >= 0xe0000 && cp <= 0xe0fff)   // tags, variation selectors supplement
                || cp >= 0xf0000;                     // supplementary private use
    }
}
