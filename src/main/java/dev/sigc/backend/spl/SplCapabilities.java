package dev.sigc.backend.spl;

import static dev.sigc.backend.Capability.exact;
import static dev.sigc.backend.Capability.fallback;
import static dev.sigc.backend.Capability.unsupported;

import dev.sigc.backend.Capability;
import dev.sigc.backend.Construct;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How SPL says each construct. "exact" is the search command's own term (or SPL's own regex command);
 * "fallback" is an exact equivalent in a later {@code | where} stage, with outer-wildcard search terms that
 * narrow the events first where the value allows.
 */
final class SplCapabilities {
    private SplCapabilities() {}

    private static final String WHERE_MATCH = "outer-wildcard search terms for its literal runs, then";

    static final Map<Construct, Capability> TABLE;

    static {
        Map<Construct, Capability> m = new EnumMap<>(Construct.class);
        m.put(Construct.EQUALS, exact("F=\"v\" (the search command compares field values case-insensitively)"));
        m.put(Construct.EQUALS_EMPTY, exact("F=\"\""));
        m.put(Construct.CONTAINS, exact("F=\"*v*\""));
        m.put(Construct.STARTSWITH, exact("F=\"v*\""));
        m.put(Construct.ENDSWITH, exact("F=\"*v\""));
        m.put(Construct.VALUE_LIST, exact("F IN (\"a\", \"b*\")"));
        m.put(Construct.ALL_MODIFIER, exact("one search term per value, joined with AND"));
        m.put(Construct.WILDCARD_STAR, fallback(WHERE_MATCH + " | where match(F, \"(?is)^a.*b\\z\"); Splunk"
                + " documents inconsistent results for a * inside a search term"));
        m.put(Construct.WILDCARD_QUESTION, fallback(WHERE_MATCH + " | where match() with . for exactly one"
                + " character (search terms have no one-character wildcard)"));
        m.put(Construct.ESCAPED_WILDCARD, fallback("a literal ? stays in the search term; a literal * cannot be"
                + " escaped there, so " + WHERE_MATCH + " | where match() with \\*"));
        m.put(Construct.BACKSLASH_VALUE, exact("\\\\ in the quoted value"));
        m.put(Construct.QUOTE_VALUE, exact("\\\" in the quoted value"));
        m.put(Construct.CONTROL_CHARS, fallback("SPL strings have no escape for them: " + WHERE_MATCH
                + " | where match() with \\x{0a}"));
        m.put(Construct.UNICODE_VALUE, exact("UTF-8 text in the quoted value; case folding of non-ASCII letters is"
                + " Splunk's"));
        m.put(Construct.CASED, fallback("F=\"v\" narrows, then | where F==\"v\""));
        m.put(Construct.CASED_CONTAINS, fallback("F=\"*v*\" narrows, then | where match(F, \"(?s)v\")"));
        m.put(Construct.CASED_WILDCARD, fallback(WHERE_MATCH + " | where match(F, \"(?s)^a.*b\\z\")"));
        m.put(Construct.WINDASH, exact("one search term per dash variant"));
        m.put(Construct.REGEX, exact("| regex F=\"re\" (PCRE, matches anywhere); inside OR/NOT: match() in"
                + " | where"));
        m.put(Construct.REGEX_I, exact("(?i)"));
        m.put(Construct.REGEX_M, exact("(?m)"));
        m.put(Construct.REGEX_S, exact("(?s)"));
        m.put(Construct.REGEX_ANCHORED, exact("PCRE ^ and $ as written"));
        m.put(Construct.REGEX_LOOKAROUND, exact("PCRE has lookahead and lookbehind"));
        m.put(Construct.CIDR_V4, exact("F=\"10.0.0.0/8\" (search-time CIDR match); cidrmatch() in | where"));
        m.put(Construct.CIDR_V6, exact("F=\"fd00::/8\"; the search command and cidrmatch() both match IPv6"
                + " networks"));
        m.put(Construct.NUMBER, exact("F=80 on a numeric field"));
        m.put(Construct.NUMBER_AS_STRING, exact("F=\"80\" on a text field"));
        m.put(Construct.GT, exact("F>5"));
        m.put(Construct.GTE, exact("F>=5"));
        m.put(Construct.LT, exact("F<5"));
        m.put(Construct.LTE, exact("F<=5"));
        m.put(Construct.NEQ, exact("NOT F=\"v\" (true when F is missing, as in Sigma)"));
        m.put(Construct.NEQ_NUMBER, exact("NOT F=80"));
        m.put(Construct.EXISTS, exact("F=*"));
        m.put(Construct.NOT_EXISTS, exact("NOT F=*"));
        m.put(Construct.NULL, exact("NOT F=*"));
        m.put(Construct.NOT_NULL, exact("F=*"));
        m.put(Construct.FIELDREF, fallback("| where lower(F)==lower(G); cased: F.\"\"==G.\"\" (compared as text)"));
        m.put(Construct.FIELDREF_CONTAINS, unsupported("eval has no substring search that takes its pattern from a"
                + " field: like() and match() would read G's %, _ or regex characters as pattern syntax"));
        m.put(Construct.FIELDREF_STARTSWITH, fallback("| where lower(substr(F, 1, len(G)))==lower(G)"));
        m.put(Construct.FIELDREF_ENDSWITH, fallback("| where lower(substr(F, max(1, len(F)-len(G)+1)))==lower(G)"
                + " after len(F)>=len(G)"));
        m.put(Construct.BASE64, exact("the encoded value as a search term"));
        m.put(Construct.BASE64OFFSET, exact("the three encodings as F IN (\"*a*\", \"*b*\", \"*c*\")"));
        m.put(Construct.WIDE_BASE64OFFSET, exact("as base64offset, of the UTF-16LE bytes"));
        m.put(Construct.UTF16LE_BASE64, exact("the encoded value as a search term"));
        m.put(Construct.UTF16BE_BASE64, exact("the encoded value as a search term"));
        m.put(Construct.UTF16_BASE64, exact("the encoded value (with byte order mark) as a search term"));
        m.put(Construct.EXPAND, exact("the pipeline's values as F IN (...)"));
        String utc = " (UTC; strftime() would use the searching user's time zone)";
        m.put(Construct.MINUTE, fallback("| where floor(_time/60)-60*floor(_time/3600)==m" + utc));
        m.put(Construct.HOUR, fallback("| where floor(_time/3600)-24*floor(_time/86400)==h" + utc));
        m.put(Construct.DAY, fallback("civil date from floor(_time/86400) in | eval _sigc_* stages, then | where"
                + utc));
        m.put(Construct.WEEK, fallback("ISO week of the week's Thursday in | eval _sigc_* stages, then | where"
                + utc));
        m.put(Construct.MONTH, fallback("civil date from floor(_time/86400) in | eval _sigc_* stages, then"
                + " | where" + utc));
        m.put(Construct.YEAR, fallback("| where _time compared with 1 January of the year in epoch seconds, UTC"));
        String keyword = "a bare search term matches indexed tokens (split at breakers), not a substring of the"
                + " event; a regex over _raw would see Sysmon's XML, matching its markup and missing XML-escaped"
                + " values (&amp;, &lt;)";
        m.put(Construct.KEYWORD, unsupported(keyword));
        m.put(Construct.KEYWORD_ALL, unsupported(keyword));
        m.put(Construct.NOT, exact("NOT"));
        m.put(Construct.ONE_OF, exact("OR of the selections"));
        m.put(Construct.ALL_OF, exact("AND of the selections"));
        m.put(Construct.ALL_OF_THEM, exact("AND of the selections"));
        m.put(Construct.PRECEDENCE, exact("parentheses wherever SPL's OR-binds-tighter-than-AND differs"));
        m.put(Construct.CONDITION_LIST, exact("OR of the conditions"));
        TABLE = Collections.unmodifiableMap(m);
    }
}
