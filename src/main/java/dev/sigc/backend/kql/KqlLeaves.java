package dev.sigc.backend.kql;

import dev.sigc.ast.And;
import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.Cidr;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.ExprVisitor;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.Not;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.Or;
import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.backend.Patterns;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.pipeline.FieldType;
import dev.sigc.pipeline.MappedRule;

/**
 * Renders one leaf as a KQL predicate that needs no parentheses around it.
 *
 * <p>A Kusto predicate can be null: an ordering comparison with a null number, {@code toreal} of a
 * non-number, {@code ipv4_is_in_range} of a non-address. {@code where} drops a null row, which is right
 * for a positive test, but {@code not(null)} is null too, while in Sigma a negated test on a missing value
 * holds. So when {@code guarded} (the leaf sits under a {@code not}), such predicates are written
 * {@code coalesce(p, false)}, which makes them two-valued. String columns are never null in Kusto, and
 * {@code ==} with a null operand is false, so those need no guard.
 */
final class KqlLeaves implements ExprVisitor<String> {
    /** The IPv4-mapped block {@code ::ffff:0:0/96}. */
    private static final byte[] IPV4_MAPPED = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0};

    private final MappedRule rule;
    private final boolean guarded;

    KqlLeaves(MappedRule rule, boolean guarded) {
        this.rule = rule;
        this.guarded = guarded;
    }

    /** {@code predicate}, made false instead of null where this leaf needs it. */
    String guard(String predicate) {
        return guarded ? "coalesce(" + predicate + ", false)" : predicate;
    }

    @Override
    public String visitString(StringMatch m) {
        String field = m.field().orElseThrow(() -> new SigcException("unsupported-keyword", m.span(),
                "kql: keyword (field-less) search is not supported: Kusto's 'where * contains' does not document how"
                        + " columns that are not strings take part, so it could miss; match a field instead, e.g."
                        + " CommandLine|contains"));
        var equality = KqlEquality.of(m, rule);
        if (equality.isPresent()) {
            return equality.get().render();
        }
        FieldType type = rule.typeOf(field);
        String operand = KqlField.text(field, rule);
        if (m.isPlain() && m.pattern().isEmpty() && m.op() != StrOp.EQUALS) {
            // a lone '*': any value. Kusto stores an absent string as "", so "any value" is "not empty".
            return (KqlEquality.isStringColumn(type) ? "isnotempty(" : "isnotnull(") + KqlField.read(field, rule) + ")";
        }
        if (m.isPlain() && (m.caseSensitive() || KqlCase.asciiFoldSuffices(m.pattern()))) {
            String op = switch (m.op()) {
                case EQUALS -> m.caseSensitive() ? "==" : "=~";
                case CONTAINS -> m.caseSensitive() ? "contains_cs" : "contains";
                case STARTS_WITH -> m.caseSensitive() ? "startswith_cs" : "startswith";
                case ENDS_WITH -> m.caseSensitive() ? "endswith_cs" : "endswith";
            };
            return operand + " " + op + " " + literal(m.pattern().plainText(), m.span());
        }
        // inner wildcards, or a case-insensitive value that Kusto's ASCII-only folding would compare wrongly
        return operand + " matches regex " + literal(Patterns.toRegex(m.pattern(), m.op(), m.caseSensitive()), m.span());
    }

    @Override
    public String visitRegex(RegexMatch r) {
        StringBuilder flags = new StringBuilder();
        for (RegexFlag f : RegexFlag.values()) {
            if (r.has(f)) {
                flags.append(f.letter());
            }
        }
        String pattern = KqlRegex.toRe2(r.pattern(), r.span());
        String prefix = flags.length() == 0 ? "" : "(?" + flags + ")";
        return stringOperand(r.field()) + " matches regex " + literal(prefix + pattern, r.span());
    }

    @Override
    public String visitCidr(CidrMatch c) {
        FieldType type = rule.typeOf(c.field());
        if (!KqlEquality.isStringColumn(type) && type != FieldType.DYNAMIC) {
            throw wrongType(c.span(), c.field(), type, "a CIDR match needs a string column holding IP addresses");
        }
        String fn = c.cidr().v6() ? "ipv6_is_in_range" : "ipv4_is_in_range";
        String operand = stringOperand(c.field());
        String test = guard(fn + "(" + operand + ", " + KqlEscaper.quote(c.cidr().text()) + ")");
        if (c.cidr().v6() && coversIpv4Mapped(c.cidr())) {
            // Kusto's IPv6 functions read an IPv4 address as ::ffff:a.b.c.d; in Sigma an IPv4 address is
            // in no IPv6 network, so only values written as IPv6 (with a colon) may match.
            return group(operand + " contains \":\" and " + test);
        }
        return test;
    }

    /** True when the IPv6 network and {@code ::ffff:0:0/96} share an address. */
    static boolean coversIpv4Mapped(Cidr cidr) {
        byte[] net = cidr.networkBytes();
        if (net.length == 4) {
            return true; // the JDK reads an IPv4-mapped IPv6 address as the IPv4 address itself
        }
        int bits = Math.min(cidr.prefix(), 96);
        for (int bit = 0; bit < bits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((net[bit / 8] & mask) != (IPV4_MAPPED[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String visitNumber(NumberMatch n) {
        var equality = KqlEquality.of(n, rule);
        if (equality.isPresent()) {
            return equality.get().render();
        }
        FieldType type = rule.typeOf(n.field());
        String op = n.op().symbol();
        boolean member = KqlField.isMember(n.field(), rule);
        if (type == FieldType.NUMBER && !member) {
            if (!KqlNumbers.isLiteral(n.value())) {
                throw new SigcException("number-out-of-range", n.span(),
                        "kql: " + n.text() + " is outside the range of Kusto's long/real literals");
            }
            String cmp = KqlField.read(n.field(), rule) + " " + op + " " + n.text();
            return n.op() == CompareOp.EQ ? cmp : guard(cmp);
        }
        // a member of a dynamic column is compared by its text, as a string column is
        if (KqlEquality.isStringColumn(type) || type == FieldType.DYNAMIC || (member && type == FieldType.NUMBER)) {
            if (!KqlNumbers.isExactDouble(n.value())) {
                throw new SigcException("inexact-number", n.span(), "kql: comparing the text column " + n.field()
                        + " with " + n.text() + " converts it with toreal(), and a real cannot hold " + n.text()
                        + " exactly; map the field to a numeric column or use a value a double holds exactly");
            }
            String cmp = "toreal(" + (member ? KqlField.text(n.field(), rule) : KqlField.read(n.field(), rule)) + ") "
                    + op + " " + n.text();
            return n.op() == CompareOp.EQ ? cmp : guard(cmp);
        }
        throw wrongType(n.span(), n.field(), type, "a numeric comparison needs a number or string column");
    }

    @Override
    public String visitBool(BoolMatch b) {
        FieldType type = rule.typeOf(b.field());
        String f = KqlField.read(b.field(), rule);
        if (type == FieldType.BOOL) {
            return f + " == " + b.value();
        }
        if (type == FieldType.DYNAMIC) {
            return guard(f + " == " + b.value());
        }
        if (KqlEquality.isStringColumn(type)) {
            return f + " =~ " + KqlEscaper.quote(String.valueOf(b.value()));
        }
        throw wrongType(b.span(), b.field(), type, "a boolean match needs a bool, dynamic or string column");
    }

    @Override
    public String visitNull(NullMatch n) {
        return empty(n.field(), true);
    }

    /**
     * {@code field|fieldref: other}: the two columns of the same row compared with a column on the right of
     * the operator. Case-insensitive matches lower-case both sides with {@code tolower()} (Kusto's own
     * case-insensitive operators fold ASCII only, see {@link KqlCase}) and compare case-sensitively. Kusto
     * stores an absent string as "", and a test on a missing field is false, so the other field must not be
     * empty (else two empty columns would be "equal" and every value would "contain" an empty one).
     */
    @Override
    public String visitFieldRef(FieldRefMatch r) {
        String left = stringOperand(r.field());
        String right = stringOperand(r.otherField());
        if (!r.caseSensitive()) {
            left = "tolower(" + left + ")";
            right = "tolower(" + right + ")";
        }
        String op = switch (r.op()) {
            case EQUALS -> "==";
            case CONTAINS -> "contains_cs";
            case STARTS_WITH -> "startswith_cs";
            case ENDS_WITH -> "endswith_cs";
        };
        return group("isnotempty(" + KqlField.read(r.otherField(), rule) + ") and " + left + " " + op + " " + right);
    }

    /**
     * {@code field|hour: 3} and the like, with {@code datetime_part()}; its {@code week_of_year} part is the
     * ISO 8601 week. No time-zone conversion: the column is read as stored (UTC in Defender and Sentinel).
     */
    @Override
    public String visitTimePart(TimePartMatch t) {
        FieldType type = rule.typeOf(t.field());
        if (type != FieldType.DATETIME) {
            throw wrongType(t.span(), t.field(), type, "the " + t.unit().modifier() + " modifier needs a datetime column");
        }
        String part = switch (t.unit()) {
            case MINUTE -> "minute";
            case HOUR -> "hour";
            case DAY -> "day";
            case WEEK -> "week_of_year";
            case MONTH -> "month";
            case YEAR -> "year";
        };
        String cmp = "datetime_part(" + KqlEscaper.quote(part) + ", " + KqlField.read(t.field(), rule) + ") "
                + t.op().symbol() + " " + t.value();
        // a null datetime gives a null part: '==' with null is false, an ordering comparison is null
        return t.op() == CompareOp.EQ ? cmp : guard(cmp);
    }

    /**
     * A conjunction written as one leaf, in parentheses so that it is an atom anywhere ({@link KqlRenderer}
     * writes {@code not(a and b)} for its negation). No other leaf starts with a parenthesis.
     */
    private static String group(String conjunction) {
        return "(" + conjunction + ")";
    }

    @Override
    public String visitExists(ExistsMatch e) {
        return empty(e.field(), !e.exists());
    }

    /** Kusto string columns are never null (an absent value is ""), so strings test emptiness. */
    private String empty(String field, boolean isEmpty) {
        boolean string = KqlEquality.isStringColumn(rule.typeOf(field));
        String fn = string ? (isEmpty ? "isempty" : "isnotempty") : (isEmpty ? "isnull" : "isnotnull");
        return fn + "(" + KqlField.read(field, rule) + ")";
    }

    @Override
    public String visitAnd(And node) {
        throw new IllegalStateException("And is not a leaf");
    }

    @Override
    public String visitOr(Or node) {
        throw new IllegalStateException("Or is not a leaf");
    }

    @Override
    public String visitNot(Not node) {
        throw new IllegalStateException("Not is not a leaf");
    }

    /** The column as it is for string columns, else its string form ({@code tostring}); see {@link KqlField}. */
    private String stringOperand(String field) {
        return KqlField.text(field, rule);
    }

    private static String literal(String value, Span span) {
        if (!KqlEscaper.isEncodable(value)) {
            throw new SigcException("unsupported-value", span,
                    "kql: the value contains an unpaired UTF-16 surrogate, which is not text; remove it");
        }
        return KqlEscaper.quote(value);
    }

    private static SigcException wrongType(Span span, String field, FieldType type, String need) {
        return new SigcException("unsupported-field-type", span,
                "kql: field " + field + " has type " + type.name().toLowerCase(java.util.Locale.ROOT) + "; " + need);
    }
}
