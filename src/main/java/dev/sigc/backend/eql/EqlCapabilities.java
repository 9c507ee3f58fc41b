package dev.sigc.backend.eql;

import static dev.sigc.backend.Capability.exact;
import static dev.sigc.backend.Capability.fallback;
import static dev.sigc.backend.Capability.unsupported;

import dev.sigc.backend.Capability;
import dev.sigc.backend.Construct;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How the EQL backend renders each construct. The switch is exhaustive, so a new {@link Construct} does not
 * compile until it is rated here; CapabilityTest checks each rating against the conformance rule.
 */
final class EqlCapabilities {
    static final Map<Construct, Capability> ALL;

    static {
        EnumMap<Construct, Capability> map = new EnumMap<>(Construct.class);
        for (Construct c : Construct.values()) {
            map.put(c, rate(c));
        }
        ALL = Collections.unmodifiableMap(map);
    }

    private EqlCapabilities() {}

    private static Capability rate(Construct c) {
        return switch (c) {
            case EQUALS -> exact("`F : \"v\"` (case-insensitive term); `F in~ (\"v\")` when v holds a literal * or ?");
            case EQUALS_EMPTY -> exact("`F : \"\"`");
            case CONTAINS -> exact("`F like~ \"*v*\"`");
            case STARTSWITH -> exact("`F like~ \"v*\"`");
            case ENDSWITH -> exact("`F like~ \"*v\"`");
            case VALUE_LIST -> exact("one `in~ (...)` / `like~ (...)` list per field and operator");
            case ALL_MODIFIER -> exact("`and` of the values");
            case WILDCARD_STAR -> exact("EQL's own `*` in `like~`");
            case WILDCARD_QUESTION -> exact("EQL's own `?` (exactly one character) in `like~`");
            case ESCAPED_WILDCARD -> fallback("exact with `in~`/`==`; elsewhere an anchored Lucene regex "
                    + "(`regex~`), since a like pattern cannot escape * or ?");
            case BACKSLASH_VALUE -> exact("`\\\\` in the string literal");
            case QUOTE_VALUE -> exact("`\\\"` in the string literal");
            case CONTROL_CHARS -> exact("`\\n`, `\\r`, `\\t` and `\\u{..}` escapes");
            case UNICODE_VALUE -> exact("`\\u{..}` escapes; `like~`/`:` fold case per code point");
            case CASED -> exact("`F == \"v\"`");
            case CASED_CONTAINS -> exact("`F like \"*v*\"`");
            case CASED_WILDCARD -> exact("`F like \"a*b\"` (never `==`, which has no wildcards)");
            case WINDASH -> exact("`like~` list of the five dash variants");
            case REGEX -> fallback("`regex` with the pattern translated to a whole-value Lucene regex "
                    + "(open ends become `.*`); features Lucene lacks are errors");
            case REGEX_I -> fallback("`regex~` (only with i); non-ASCII letters and class ranges get explicit case variants");
            case REGEX_M -> fallback("`^`/`$` become `(.*\\n)?` / `(\\n.*)?`");
            case REGEX_S -> fallback("`.` stays `.` (Lucene's matches line breaks); without s it is `[^\\n]`");
            case REGEX_ANCHORED -> fallback("`^`/`$` at the ends drop the `.*` there (Lucene has no anchors; "
                    + "`^`/`$` would be literals)");
            case REGEX_LOOKAROUND -> unsupported("Lucene regular expressions have no lookaround");
            case CIDR_V4 -> exact("`cidrMatch(F, \"net\")`");
            case CIDR_V6 -> exact("`cidrMatch(F, \"net\")` (IPv4 and IPv6)");
            case NUMBER -> exact("`F == n`");
            case NUMBER_AS_STRING -> exact("`F : \"n\"` on a text field");
            case GT -> exact("`F > n`");
            case GTE -> exact("`F >= n`");
            case LT -> exact("`F < n`");
            case LTE -> exact("`F <= n`");
            case NEQ -> exact("`not F : \"v\"` (matches a missing field)");
            case NEQ_NUMBER -> exact("`not F == n` (matches a missing field)");
            case EXISTS -> exact("`F != null`");
            case NOT_EXISTS -> exact("`F == null`");
            case NULL -> exact("`F == null` (missing or null; \"\" is a value)");
            case NOT_NULL -> exact("`not F == null`");
            case FIELDREF -> fallback("`startsWith~(F, G) and startsWith~(G, F)` (EQL rejects `F == G`), "
                    + "with `F != null and G != null` guards so that `not` matches a missing field; keyword fields only");
            case FIELDREF_CONTAINS -> fallback("`indexOf~(F, G) >= 0` (`stringContains` is false for an empty G), "
                    + "guarded like fieldref");
            case FIELDREF_STARTSWITH -> exact("`startsWith~(F, G)` (a script), guarded like fieldref");
            case FIELDREF_ENDSWITH -> exact("`endsWith~(F, G)` (a script), guarded like fieldref");
            case BASE64 -> exact("`like~` of the encoded value");
            case BASE64OFFSET -> exact("`like~` list of the three offsets");
            case WIDE_BASE64OFFSET -> exact("`like~` list of the three offsets of the UTF-16LE text");
            case UTF16LE_BASE64 -> exact("`like~` of the encoded value");
            case UTF16BE_BASE64 -> exact("`like~` of the encoded value");
            case UTF16_BASE64 -> exact("`like~` of the encoded value (with BOM)");
            case EXPAND -> exact("values from the pipeline, as a value list");
            case MINUTE, HOUR, DAY, WEEK, MONTH, YEAR -> unsupported("EQL has no date functions, and its arithmetic "
                    + "functions take only numeric fields, so no part of @timestamp can be computed");
            case KEYWORD, KEYWORD_ALL -> unsupported("EQL has no field-less search (full text lives outside the "
                    + "EQL query, in the search API's Query DSL filter, and is analysed, not exact)");
            case NOT -> exact("`not`");
            case ONE_OF -> exact("`or`");
            case ALL_OF -> exact("`and`");
            case ALL_OF_THEM -> exact("`and`");
            case PRECEDENCE -> exact("`not` > `and` > `or`, parentheses only where needed");
            case CONDITION_LIST -> exact("`or` of the conditions");
        };
    }
}
