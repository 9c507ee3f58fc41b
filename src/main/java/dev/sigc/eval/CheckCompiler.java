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
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StringMatch;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns an {@link Expr} into a {@link Check} tree, preparing each leaf once: a Sigma string becomes one
 * {@link Pattern}, a regex is compiled with RE2's reading ({@link RegexDialect}), a network's bytes are
 * taken. Nothing is compiled per event.
 */
final class CheckCompiler implements ExprVisitor<Check> {
    static final CheckCompiler INSTANCE = new CheckCompiler();

    private CheckCompiler() {}

    @Override
    public Check visitAnd(And node) {
        return new Check.All(node, terms(node.terms()));
    }

    @Override
    public Check visitOr(Or node) {
        return new Check.Any(node, terms(node.terms()));
    }

    private List<Check> terms(List<Expr> terms) {
        return terms.stream().map(t -> t.accept(this)).toList();
    }

    @Override
    public Check visitNot(Not node) {
        return new Check.Negation(node, node.term().accept(this));
    }

    @Override
    public Check visitString(StringMatch node) {
        if (node.pattern().hasPlaceholders()) {
            throw new dev.sigc.diag.SigcException("unresolved-placeholder", node.span(), "an 'expand' placeholder cannot be "
                    + "evaluated on the rule itself; test the rule mapped by a pipeline that defines it (-t, -p)");
        }
        Pattern p = pattern(node);
        if (node.field().isEmpty()) {
            return new Check.Keyword(node, s -> p.matcher(s).find());
        }
        return new Check.Field(node, node.field().get(), v -> Values.text(v).map(s -> p.matcher(s).find()).orElse(false));
    }

    /**
     * The one pattern for a Sigma string under its op. {@code *} and {@code ?} cross line breaks
     * ({@code DOTALL}); {@code ?} is one code point. Without {@code cased}, letters compare by Unicode simple
     * case folding ({@code CASE_INSENSITIVE | UNICODE_CASE}), so {@code 'İ'} and {@code 'K'} (Kelvin sign)
     * fold as Java folds them, for plain values and wildcard values alike.
     */
    static Pattern pattern(StringMatch node) {
        StringBuilder sb = new StringBuilder();
        if (node.op().anchoredStart()) {
            sb.append("\\A");
        }
        for (SigmaString.Part part : node.pattern().parts()) {
            if (part instanceof SigmaString.Text t) {
                sb.append(Pattern.quote(t.text()));
            } else {
                sb.append(part == SigmaString.Wildcard.ANY_STRING ? ".*" : ".");
            }
        }
        if (node.op().anchoredEnd()) {
            sb.append("\\z");
        }
        int flags = Pattern.DOTALL | (node.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(sb.toString(), flags);
    }

    @Override
    public Check visitRegex(RegexMatch node) {
        Pattern p = RegexDialect.compile(node);
        return new Check.Field(node, node.field(), v -> Values.text(v).map(s -> p.matcher(s).find()).orElse(false));
    }

    @Override
    public Check visitCidr(CidrMatch node) {
        byte[] network = node.cidr().networkBytes();
        return new Check.Field(node, node.field(),
                v -> Values.ip(v).map(a -> Values.inNetwork(a, node.cidr(), network)).orElse(false));
    }

    @Override
    public Check visitNumber(NumberMatch node) {
        BigDecimal expected = node.value();
        return new Check.Field(node, node.field(),
                v -> Values.number(v).map(n -> Values.compare(n, node.op(), expected)).orElse(false));
    }

    @Override
    public Check visitBool(BoolMatch node) {
        return new Check.Field(node, node.field(), v -> Values.bool(v).map(b -> b == node.value()).orElse(false));
    }

    @Override
    public Check visitNull(NullMatch node) {
        return new Check.Presence(node, node.field(), false);
    }

    @Override
    public Check visitExists(ExistsMatch node) {
        return new Check.Presence(node, node.field(), node.exists());
    }

    @Override
    public Check visitFieldRef(FieldRefMatch node) {
        return new Check.FieldPair(node, node.field(), node.otherField(), (a, b) -> Values.text(a).flatMap(x ->
                Values.text(b).map(y -> Values.relate(x, y, node.op(), node.caseSensitive()))).orElse(false));
    }

    @Override
    public Check visitTimePart(TimePartMatch node) {
        BigDecimal expected = BigDecimal.valueOf(node.value());
        return new Check.Field(node, node.field(), v -> Values.timestamp(v)
                .map(t -> Values.compare(BigDecimal.valueOf(Values.part(t, node.unit())), node.op(), expected)).orElse(false));
    }
}
