package dev.sigc.backend.eql;

import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.LeafVisitor;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.backend.Unsupported;
import dev.sigc.backend.eql.EqlTerm.Fixed;
import dev.sigc.backend.eql.EqlTerm.ListOp;
import dev.sigc.backend.eql.EqlTerm.Listable;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.pipeline.FieldType;
import dev.sigc.pipeline.MappedRule;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Compiles one leaf to EQL. String matches pick the most direct exact operator:
 * <ul>
 *   <li>case-insensitive equality: {@code F : "v"}, or {@code F in~ ("v")} when v holds {@code *}/{@code ?}
 *       (which {@code :} would treat as wildcards); case-sensitive: {@code F == "v"} (never wildcards);</li>
 *   <li>prefix/suffix/substring and inner wildcards: {@code like} / {@code like~} with EQL's own
 *       {@code *}/{@code ?} wildcards, which are exactly Sigma's;</li>
 *   <li>when the literal text holds {@code *} or {@code ?} (a like pattern cannot escape them) or U+0001
 *       (Elasticsearch's internal like escape character): an anchored Lucene regex.</li>
 * </ul>
 */
final class LeafCompiler implements LeafVisitor<EqlTerm> {
    private final MappedRule rule;

    LeafCompiler(MappedRule rule) {
        this.rule = rule;
    }

    @Override
    public EqlTerm visitString(StringMatch node) {
        Span span = node.span();
        String name = node.field().orElseThrow(() -> new SigcException("unsupported-keyword", span,
                "eql: keyword (field-less) search is not supported; EQL has no exact full-text search,"
                        + " match a named field instead"));
        String field = EqlEscaper.field(name, span);
        SigmaString pattern = node.pattern();
        boolean plainEquals = pattern.isPlain() && node.op() == StrOp.EQUALS;
        FieldType type = rule.typeOf(name);
        if (type == FieldType.NUMBER) {
            String text = plainEquals ? pattern.plainText() : "";
            if (!text.matches("-?[0-9]+")) {
                throw new SigcException("type-mismatch", span, "eql: field '" + name
                        + "' is numeric, but the rule matches it against the string pattern '" + pattern.toSigma()
                        + "'; only an exact integer can be compared with a number field");
            }
            return new Listable(field, ListOp.EQ_NUM, new BigInteger(text).toString());
        }
        if (type == FieldType.IP) {
            if (!plainEquals) {
                throw new SigcException("type-mismatch", span, "eql: field '" + name
                        + "' is an IP field; it can be matched only with an exact address or the cidr modifier, not '"
                        + pattern.toSigma() + "'");
            }
            if (dev.sigc.ast.Cidr.parse(pattern.plainText()).filter(c -> c.prefix() == (c.v6() ? 128 : 32)).isEmpty()) {
                // Elasticsearch rejects a non-address term on an ip field when the query runs
                throw new SigcException("type-mismatch", span, "eql: field '" + name + "' is an IP field and '"
                        + pattern.plainText() + "' is not an IP address, so Elasticsearch would reject the query");
            }
            return new Listable(field, ListOp.EQ_STR, EqlEscaper.string(pattern.plainText(), span));
        }
        if (type == FieldType.BOOL) {
            String text = plainEquals ? pattern.plainText().toLowerCase(Locale.ROOT) : "";
            if (!text.equals("true") && !text.equals("false")) {
                throw new SigcException("type-mismatch", span, "eql: field '" + name
                        + "' is boolean; it can be matched only with true or false, not '" + pattern.toSigma() + "'");
            }
            return new Fixed(field + " == " + text);
        }
        boolean ci = !node.caseSensitive();
        if (plainEquals) {
            return new Listable(field, ci ? ListOp.IEQ : ListOp.EQ_STR, EqlEscaper.string(pattern.plainText(), span));
        }
        if (likeSafe(pattern)) {
            return new Listable(field, ci ? ListOp.ILIKE : ListOp.LIKE,
                    EqlEscaper.string(likePattern(pattern, node.op()), span));
        }
        return new Listable(field, ci ? ListOp.IREGEX : ListOp.REGEX,
                EqlEscaper.string(LuceneRegex.fromPattern(pattern, node.op(), ci), span));
    }

    @Override
    public EqlTerm visitRegex(RegexMatch node) {
        RegexTranslator.Translation t = RegexTranslator.translate(node);
        return new Listable(EqlEscaper.field(node.field(), node.span()),
                t.ignoreCase() ? ListOp.IREGEX : ListOp.REGEX, EqlEscaper.string(t.regex(), node.span()));
    }

    @Override
    public EqlTerm visitCidr(CidrMatch node) {
        FieldType known = rule.fieldTypes().get(node.field());
        if (known != null && known != FieldType.IP) {
            // cidrMatch needs an ip-typed field; on a keyword field EQL refuses the query when it runs
            throw new SigcException("type-mismatch", node.span(), "eql: cidrMatch needs an IP field, but '"
                    + node.field() + "' is not one in the ECS schema; map the rule's field to an ip field");
        }
        return new Listable(EqlEscaper.field(node.field(), node.span()), ListOp.CIDR,
                EqlEscaper.string(node.cidr().text(), node.span()));
    }

    @Override
    public EqlTerm visitNumber(NumberMatch node) {
        String field = EqlEscaper.field(node.field(), node.span());
        if (node.op() != CompareOp.EQ) {
            return new Fixed(field + " " + node.op().symbol() + " " + node.text());
        }
        if (rule.typeOf(node.field()) == FieldType.STRING) {
            return new Listable(field, ListOp.IEQ, EqlEscaper.string(node.text(), node.span()));
        }
        return new Listable(field, ListOp.EQ_NUM, node.text());
    }

    @Override
    public EqlTerm visitBool(BoolMatch node) {
        return new Fixed(EqlEscaper.field(node.field(), node.span()) + " == " + node.value());
    }

    @Override
    public EqlTerm visitNull(NullMatch node) {
        return new Fixed(EqlEscaper.field(node.field(), node.span()) + " == null");
    }

    /**
     * EQL cannot compare a field with another field ({@code F == G} and {@code F : G} are rejected by
     * Elasticsearch: "Comparisons against fields are not (currently) supported"), but its string functions
     * take two fields and run as a script: {@code startsWith~(F, G)}, {@code endsWith~(F, G)}, and
     * {@code indexOf~(F, G) >= 0} for containment, because {@code stringContains} is false for an empty G.
     * {@code ~} compares both values lower-cased. Equality and the missing-field guards are added before
     * rendering by {@link FieldRefGuards}.
     */
    @Override
    public EqlTerm visitFieldRef(FieldRefMatch node) {
        Span span = node.span();
        for (String name : new String[] {node.field(), node.otherField()}) {
            FieldType type = rule.typeOf(name);
            if (type != FieldType.STRING) {
                throw new SigcException("type-mismatch", span, "eql: field '" + name + "' is "
                        + type.name().toLowerCase(Locale.ROOT) + "; EQL compares two fields only with string functions"
                        + " (startsWith, endsWith, indexOf), which need keyword fields");
            }
        }
        String args = "(" + EqlEscaper.field(node.field(), span) + ", " + EqlEscaper.field(node.otherField(), span) + ")";
        String ci = node.caseSensitive() ? "" : "~";
        return new Fixed(switch (node.op()) {
            case STARTS_WITH -> "startsWith" + ci + args;
            case ENDS_WITH -> "endsWith" + ci + args;
            case CONTAINS -> "indexOf" + ci + args + " >= 0";
            case EQUALS -> throw new IllegalStateException("fieldref equality is rewritten by FieldRefGuards: " + node);
        });
    }

    /**
     * EQL has no date functions, and its arithmetic functions ({@code modulo}, {@code divide}, ...) take only
     * numeric fields, so no part of a date field can be computed in a query.
     */
    @Override
    public EqlTerm visitTimePart(TimePartMatch node) {
        throw Unsupported.of("eql", node, "a time-part comparison (" + node.unit().modifier()
                + "; EQL has no date functions)");
    }

    @Override
    public EqlTerm visitExists(ExistsMatch node) {
        return new Fixed(EqlEscaper.field(node.field(), node.span()) + (node.exists() ? " != null" : " == null"));
    }

    /**
     * A like pattern cannot hold a literal {@code *} or {@code ?} (no escape exists), and Elasticsearch
     * uses U+0001 as its internal escape when it turns the pattern into a SQL-style LIKE.
     */
    private static boolean likeSafe(SigmaString pattern) {
        for (SigmaString.Part part : pattern.parts()) {
            if (part instanceof SigmaString.Text t
                    && (t.text().indexOf('*') >= 0 || t.text().indexOf('?') >= 0 || t.text().indexOf('\u0001') >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** EQL wildcard pattern: {@code *} any run, {@code ?} one character, opened where {@code op} is not anchored. */
    private static String likePattern(SigmaString pattern, StrOp op) {
        StringBuilder sb = new StringBuilder();
        if (!op.anchoredStart()) {
            sb.append('*');
        }
        for (SigmaString.Part part : pattern.parts()) {
            if (part instanceof SigmaString.Text t) {
                sb.append(t.text());
            } else if (part == SigmaString.Wildcard.ANY_STRING) {
                star(sb);
            } else {
                sb.append('?');
            }
        }
        if (!op.anchoredEnd()) {
            star(sb);
        }
        return sb.toString();
    }

    /** Every * here is a wildcard (literal text has none), so a run of them is one. */
    private static void star(StringBuilder sb) {
        if (sb.length() == 0 || sb.charAt(sb.length() - 1) != '*') {
            sb.append('*');
        }
    }
}
