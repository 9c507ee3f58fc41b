package dev.sigc.eval;

import dev.sigc.ast.And;
import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.ExprVisitor;
import dev.sigc.ast.Not;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.Or;
import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;

/**
 * How one node of a condition reads in an explanation: {@code CommandLine contains 'latest/meta-data'},
 * {@code Image matches /[/\\]python$/i}, {@code DestinationIp in 169.254.169.254/32}. Values are shown in
 * Sigma spelling ({@code *}, {@code ?} wildcards, backslash escapes) inside YAML single quotes.
 */
final class ExprText implements ExprVisitor<String> {
    static final ExprText INSTANCE = new ExprText();

    private ExprText() {}

    static String of(Expr e) {
        return e.accept(INSTANCE);
    }

    @Override
    public String visitAnd(And node) {
        return "all of (" + node.terms().size() + " terms)";
    }

    @Override
    public String visitOr(Or node) {
        return "any of (" + node.terms().size() + " terms)";
    }

    @Override
    public String visitNot(Not node) {
        return "not";
    }

    @Override
    public String visitString(StringMatch node) {
        String verb = switch (node.op()) {
            case EQUALS -> "equals";
            case STARTS_WITH -> "startswith";
            case ENDS_WITH -> "endswith";
            case CONTAINS -> "contains";
        };
        String value = quote(node.pattern().toSigma()) + (node.caseSensitive() ? " (cased)" : "");
        if (node.field().isEmpty()) {
            return "keyword " + (node.op() == StrOp.CONTAINS ? "" : verb + " ") + value;
        }
        return node.field().get() + " " + verb + " " + value;
    }

    @Override
    public String visitRegex(RegexMatch node) {
        StringBuilder flags = new StringBuilder();
        for (RegexFlag f : RegexFlag.values()) {
            if (node.has(f)) {
                flags.append(f.letter());
            }
        }
        return node.field() + " matches /" + node.pattern() + "/" + flags;
    }

    @Override
    public String visitCidr(CidrMatch node) {
        return node.field() + " in " + node.cidr().text();
    }

    @Override
    public String visitNumber(NumberMatch node) {
        return node.field() + " " + node.op().symbol() + " " + node.text();
    }

    @Override
    public String visitBool(BoolMatch node) {
        return node.field() + " == " + node.value();
    }

    @Override
    public String visitNull(NullMatch node) {
        return node.field() + " is null";
    }

    @Override
    public String visitExists(ExistsMatch node) {
        return node.field() + (node.exists() ? " exists" : " does not exist");
    }

    @Override
    public String visitFieldRef(FieldRefMatch node) {
        String op = switch (node.op()) {
            case EQUALS -> "equals";
            case STARTS_WITH -> "starts with";
            case ENDS_WITH -> "ends with";
            case CONTAINS -> "contains";
        };
        return node.field() + " " + op + " field " + node.otherField() + (node.caseSensitive() ? " (cased)" : "");
    }

    @Override
    public String visitTimePart(TimePartMatch node) {
        return node.unit().modifier() + " of " + node.field() + " " + node.op().symbol() + " " + node.value();
    }

    /** YAML single-quoted: a quote is doubled. */
    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
