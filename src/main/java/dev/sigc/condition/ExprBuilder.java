package dev.sigc.condition;

import dev.sigc.ast.Expr;
import dev.sigc.ast.Exprs;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.rule.ConditionText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.sigc.util.Text;

/** Parse tree to {@link Expr}: identifiers resolved, `x of y` expanded, and/or chains flattened. */
final class ExprBuilder extends SigmaConditionBaseVisitor<Expr> {
    private final ConditionText condition;
    private final Map<String, Expr> identifiers;

    ExprBuilder(ConditionText condition, Map<String, Expr> identifiers) {
        this.condition = condition;
        this.identifiers = identifiers;
    }

    private Span at(org.antlr.v4.runtime.Token token) {
        return condition.positions().at(token.getStartIndex());
    }

    @Override
    public Expr visitParenExpr(SigmaConditionParser.ParenExprContext ctx) {
        return visit(ctx.expr());
    }

    @Override
    public Expr visitIdentifierExpr(SigmaConditionParser.IdentifierExprContext ctx) {
        String name = ctx.IDENTIFIER().getText();
        Span span = at(ctx.IDENTIFIER().getSymbol());
        if (name.contains("*")) {
            throw new SigcException("condition-syntax", span,
                    "pattern '" + name + "' needs a quantifier: write '1 of " + name + "' or 'all of " + name + "'");
        }
        Expr e = identifiers.get(name);
        if (e == null) {
            throw new SigcException("unknown-identifier", span, "condition names '" + name
                    + "', which is not a search identifier of this rule" + suggestion(name));
        }
        return e;
    }

    @Override
    public Expr visitOfExpr(SigmaConditionParser.OfExprContext ctx) {
        boolean all = ctx.quantifier().ALL() != null;
        boolean them = ctx.target().THEM() != null;
        String pattern = them ? "them" : ctx.target().IDENTIFIER().getText();
        Span span = at(ctx.getStart());
        List<String> names = ConditionParser.matching(pattern, identifiers, them);
        if (names.isEmpty()) {
            throw new SigcException("unknown-identifier", at(ctx.target().getStart()), them
                    ? "'them' refers to no search identifier (names starting with '_' are left out)"
                    : "'" + pattern + "' matches no search identifier of this rule" + suggestion(pattern));
        }
        List<Expr> terms = new ArrayList<>();
        for (String n : names) {
            terms.add(identifiers.get(n));
        }
        return ConditionParser.combine(all, terms, span);
    }

    @Override
    public Expr visitNotExpr(SigmaConditionParser.NotExprContext ctx) {
        return Exprs.not(visit(ctx.expr()), at(ctx.NOT().getSymbol()));
    }

    @Override
    public Expr visitAndExpr(SigmaConditionParser.AndExprContext ctx) {
        return Exprs.and(List.of(visit(ctx.expr(0)), visit(ctx.expr(1))), at(ctx.AND().getSymbol()));
    }

    @Override
    public Expr visitOrExpr(SigmaConditionParser.OrExprContext ctx) {
        return Exprs.or(List.of(visit(ctx.expr(0)), visit(ctx.expr(1))), at(ctx.OR().getSymbol()));
    }

    private String suggestion(String name) {
        return Text.closest(name.replace("*", ""), identifiers.keySet()).map(s -> " (did you mean '" + s + "'?)")
                .orElse("; defined: " + String.join(", ", identifiers.keySet()));
    }
}
