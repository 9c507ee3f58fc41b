package dev.sigc.backend;

import java.util.Locale;

/**
 * The Sigma constructs a target is rated on ({@code sigc list capabilities}). Each has a conformance rule
 * in {@code sigma-rules/conformance/} whose {@code conformance:} attribute names it; the test suite checks
 * that a target rated {@link Support#UNSUPPORTED} rejects that rule and any other rating converts it.
 */
public enum Construct {
    EQUALS("string equals (case-insensitive)"),
    EQUALS_EMPTY("equals the empty string"),
    CONTAINS("contains"),
    STARTSWITH("startswith"),
    ENDSWITH("endswith"),
    VALUE_LIST("list of values (OR)"),
    ALL_MODIFIER("contains|all (AND of values)"),
    WILDCARD_STAR("* inside a value"),
    WILDCARD_QUESTION("? inside a value (exactly one character)"),
    ESCAPED_WILDCARD("\\* and \\? as literal characters"),
    BACKSLASH_VALUE("backslashes in values"),
    QUOTE_VALUE("quotes in values"),
    CONTROL_CHARS("control characters (newline, tab) in values"),
    UNICODE_VALUE("non-ASCII text in values"),
    CASED("cased (case-sensitive) equals"),
    CASED_CONTAINS("cased with contains/startswith/endswith"),
    CASED_WILDCARD("cased with wildcards"),
    WINDASH("windash (all five dash characters)"),
    REGEX("re"),
    REGEX_I("re|i"),
    REGEX_M("re|m"),
    REGEX_S("re|s"),
    REGEX_ANCHORED("re with ^ and $ anchors"),
    REGEX_LOOKAROUND("re with lookaround"),
    CIDR_V4("cidr (IPv4)"),
    CIDR_V6("cidr (IPv6)"),
    NUMBER("number equals"),
    NUMBER_AS_STRING("number compared with a text field"),
    GT("gt"),
    GTE("gte"),
    LT("lt"),
    LTE("lte"),
    NEQ("neq (string)"),
    NEQ_NUMBER("neq (number)"),
    EXISTS("exists: true"),
    NOT_EXISTS("exists: false"),
    NULL("field: null"),
    NOT_NULL("field|neq: null"),
    FIELDREF("fieldref"),
    FIELDREF_CONTAINS("fieldref|contains"),
    FIELDREF_STARTSWITH("fieldref|startswith"),
    FIELDREF_ENDSWITH("fieldref|endswith"),
    BASE64("base64"),
    BASE64OFFSET("base64offset|contains"),
    WIDE_BASE64OFFSET("wide|base64offset|contains"),
    UTF16LE_BASE64("utf16le|base64"),
    UTF16BE_BASE64("utf16be|base64"),
    UTF16_BASE64("utf16|base64"),
    EXPAND("expand with pipeline placeholders"),
    MINUTE("minute"),
    HOUR("hour"),
    DAY("day"),
    WEEK("week"),
    MONTH("month"),
    YEAR("year"),
    KEYWORD("keyword (field-less) search"),
    KEYWORD_ALL("keywords with |all"),
    NOT("not"),
    ONE_OF("1 of pattern*"),
    ALL_OF("all of pattern*"),
    ALL_OF_THEM("all of them"),
    PRECEDENCE("mixed and/or/not with parentheses"),
    CONDITION_LIST("condition given as a list");

    private final String description;

    Construct(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The id used in conformance rules and the capability table: {@code regex-i}, {@code cidr-v6}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<Construct> byId(String id) {
        for (Construct c : values()) {
            if (c.id().equals(id)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
