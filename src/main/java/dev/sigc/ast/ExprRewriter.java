package dev.sigc.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * A rewrite that walks And/Or/Not and gives each leaf to {@link #leaf}; it returns the same instance
 * for every subtree where nothing changed (rewrites never mutate). Override the visit method of a leaf
 * kind, or {@link #leaf} for all of them.
 */
public abstract class ExprRewriter implements ExprVisitor<Expr> {
    protected Expr leaf(Expr node) {
        return node;
    }

    private List<Expr> all(List<Expr> terms) {
        List<Expr> out = new ArrayList<>(terms.size());
        boolean changed = false;
        for (Expr t : terms) {
            Expr r = t.accept(this);
            changed |= r != t;
            out.add(r);
        }
        return changed ? out : terms;
    }

    @Override
    public Expr visitAnd(And node) {
        List<Expr> terms = all(node.terms());
        return terms == node.terms() ? node : Exprs.and(terms, node.span());
    }

    @Override
    public Expr visitOr(Or node) {
        List<Expr> terms = all(node.terms());
        return terms == node.terms() ? node : Exprs.or(terms, node.span());
    }

    @Override
    public Expr visitNot(Not node) {
        Expr t = node.term().accept(this);
        return t == node.term() ? node : new Not(t, node.span());
    }

    @Override
    public Expr visitString(StringMatch node) {
        return leaf(node);
    }

    @Override
    public Expr visitRegex(RegexMatch node) {
        return leaf(node);
    }

    @Override
    public Expr visitCidr(CidrMatch node) {
        return leaf(node);
    }

    @Override
    public Expr visitNumber(NumberMatch node) {
        return leaf(node);
    }

    @Override
    public Expr visitBool(BoolMatch node) {
        return leaf(node);
    }

    @Override
    public Expr visitNull(NullMatch node) {
        return leaf(node);
    }

    @Override
    public Expr visitExists(ExistsMatch node) {
        return leaf(node);
    }

    @Override
    public Expr visitFieldRef(FieldRefMatch node) {
        return leaf(node);
    }

    @Override
    public Expr visitTimePart(TimePartMatch node) {
        return leaf(node);
    }
}
