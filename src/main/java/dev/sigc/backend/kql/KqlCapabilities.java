package dev.sigc.backend.kql;

import static dev.sigc.backend.Capability.exact;
import static dev.sigc.backend.Capability.fallback;
import static dev.sigc.backend.Capability.unsupported;

import dev.sigc.backend.Capability;
import dev.sigc.backend.Construct;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** How the KQL backend expresses each construct (the KQL column of {@code sigc list capabilities}). */
final class KqlCapabilities {
    private KqlCapabilities() {}

    static final Map<Construct, Capability> ALL = build();

    private static Map<Construct, Capability> build() {
        Map<Construct, Capability> m = new EnumMap<>(Construct.class);
        m.put(Construct.EQUALS, exact("=~, several values as in~ (...); non-ASCII letters: see unicode-value"));
        m.put(Construct.EQUALS_EMPTY, exact("=~ \"\" (Kusto stores an absent string as \"\")"));
        m.put(Construct.CONTAINS, exact("contains"));
        m.put(Construct.STARTSWITH, exact("startswith"));
        m.put(Construct.ENDSWITH, exact("endswith"));
        m.put(Construct.VALUE_LIST, exact("or; equalities of one column as in~ (...)"));
        m.put(Construct.ALL_MODIFIER, exact("and"));
        m.put(Construct.WILDCARD_STAR, fallback("matches regex \"(?is)...\" anchored as the match asks, * as .*"));
        m.put(Construct.WILDCARD_QUESTION, fallback("matches regex \"(?is)...\", ? as . (one character)"));
        m.put(Construct.ESCAPED_WILDCARD, exact("a plain * or ? in the string literal"));
        m.put(Construct.BACKSLASH_VALUE, exact("\\\\ in the string literal"));
        m.put(Construct.QUOTE_VALUE, exact("\\\" in the string literal"));
        m.put(Construct.CONTROL_CHARS, exact("\\n \\r \\t, other controls and invisible characters as \\uXXXX"));
        m.put(Construct.UNICODE_VALUE, fallback("Kusto's case-insensitive operators fold ASCII only, so a value with"
                + " non-ASCII letters is matched by matches regex \"(?i)...\" (RE2 folds Unicode); caseless text"
                + " stays in the plain operators"));
        m.put(Construct.CASED, exact("=="));
        m.put(Construct.CASED_CONTAINS, exact("contains_cs, startswith_cs, endswith_cs"));
        m.put(Construct.CASED_WILDCARD, fallback("matches regex \"(?s)...\" (no (?i))"));
        m.put(Construct.WINDASH, exact("one comparison per dash variant, or'ed"));
        m.put(Construct.REGEX, exact("matches regex (RE2, unanchored); what RE2 lacks or reads differently is an"
                + " error"));
        m.put(Construct.REGEX_I, exact("(?i) prefix"));
        m.put(Construct.REGEX_M, exact("(?m) prefix"));
        m.put(Construct.REGEX_S, exact("(?s) prefix"));
        m.put(Construct.REGEX_ANCHORED, exact("^ and $ as RE2 reads them ($ is the end of the value)"));
        m.put(Construct.REGEX_LOOKAROUND, unsupported("RE2 has no lookahead or lookbehind"));
        m.put(Construct.CIDR_V4, exact("ipv4_is_in_range()"));
        m.put(Construct.CIDR_V6, exact("ipv6_is_in_range(); for a range covering ::ffff:0:0/96 only values with a"
                + " colon (an IPv4 address is in no IPv6 network)"));
        m.put(Construct.NUMBER, exact("== on a numeric column"));
        m.put(Construct.NUMBER_AS_STRING, exact("== \"80\" on a string column"));
        m.put(Construct.GT, exact(">, coalesce(..., false) under not"));
        m.put(Construct.GTE, exact(">=, coalesce(..., false) under not"));
        m.put(Construct.LT, exact("<, coalesce(..., false) under not"));
        m.put(Construct.LTE, exact("<=, coalesce(..., false) under not"));
        m.put(Construct.NEQ, exact("not(=~)"));
        m.put(Construct.NEQ_NUMBER, exact("not(==)"));
        m.put(Construct.EXISTS, exact("isnotempty() on strings, isnotnull() otherwise"));
        m.put(Construct.NOT_EXISTS, exact("isempty() on strings, isnull() otherwise"));
        m.put(Construct.NULL, exact("isempty() on strings (never null in Kusto), isnull() otherwise"));
        m.put(Construct.NOT_NULL, exact("not(isempty()) / not(isnull())"));
        m.put(Construct.FIELDREF, exact("isnotempty(G) and tolower(F) == tolower(G) (=~ folds ASCII only); cased: =="));
        m.put(Construct.FIELDREF_CONTAINS, exact("isnotempty(G) and tolower(F) contains_cs tolower(G)"));
        m.put(Construct.FIELDREF_STARTSWITH, exact("isnotempty(G) and tolower(F) startswith_cs tolower(G)"));
        m.put(Construct.FIELDREF_ENDSWITH, exact("isnotempty(G) and tolower(F) endswith_cs tolower(G)"));
        m.put(Construct.BASE64, exact("contains of the encoded text"));
        m.put(Construct.BASE64OFFSET, exact("contains of each of the three offsets, or'ed"));
        m.put(Construct.WIDE_BASE64OFFSET, exact("contains of each of the three offsets, or'ed"));
        m.put(Construct.UTF16LE_BASE64, exact("contains of the encoded text"));
        m.put(Construct.UTF16BE_BASE64, exact("contains of the encoded text"));
        m.put(Construct.UTF16_BASE64, exact("contains of the encoded text"));
        m.put(Construct.EXPAND, exact("the pipeline's values, or'ed"));
        m.put(Construct.MINUTE, exact("datetime_part(\"minute\", Timestamp)"));
        m.put(Construct.HOUR, exact("datetime_part(\"hour\", Timestamp)"));
        m.put(Construct.DAY, exact("datetime_part(\"day\", Timestamp)"));
        m.put(Construct.WEEK, exact("datetime_part(\"week_of_year\", Timestamp), the ISO 8601 week"));
        m.put(Construct.MONTH, exact("datetime_part(\"month\", Timestamp)"));
        m.put(Construct.YEAR, exact("datetime_part(\"year\", Timestamp)"));
        m.put(Construct.KEYWORD, unsupported("where * contains searches every column, but Kusto does not document how"
                + " columns that are not strings (datetime, long, dynamic) take part, so a keyword could miss"));
        m.put(Construct.KEYWORD_ALL, unsupported("as keyword search"));
        m.put(Construct.NOT, exact("not(...)"));
        m.put(Construct.ONE_OF, exact("or"));
        m.put(Construct.ALL_OF, exact("and"));
        m.put(Construct.ALL_OF_THEM, exact("and"));
        m.put(Construct.PRECEDENCE, exact("not() > and > or, parentheses where needed"));
        m.put(Construct.CONDITION_LIST, exact("or"));
        return Collections.unmodifiableMap(m);
    }
}
