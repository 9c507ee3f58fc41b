package dev.sigc.pipeline;

import dev.sigc.ast.And;
import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.ExprVisitor;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.Not;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.Or;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.StringMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renames fields. A field mapped to several target fields becomes an OR of the leaf over each of them.
 * Returns the same instance for a subtree where nothing changed.
 */
final class FieldRenamer implements ExprVisitor<Expr> {
    private final Map<String, List<String>> mapping;

    FieldRenamer(Map<String, List<String>> mapping) {
        this.mapping = mapping;
    }

    private Expr leaf(Expr node, String field, Function<String, Expr> with) {
        List<String> targets = mapping.get(field);
        if (targets == null || (targets.size() == 1 && targets.get(0).equals(field))) {
            return node;
        }
        List<Expr> copies = new ArrayList<>(targets.size());
        for (String t : targets) {
            copies.add(with.apply(t));
        }
        return Exprs.or(copies, node.span());
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
        return node.field().map(f -> leaf(node, f, node::withField)).orElse(node);
    }

    @Override
    public Expr visitRegex(RegexMatch node) {
        return leaf(node, node.field(), node::withField);
    }

    @Override
    public Expr visitCidr(CidrMatch node) {
        return leaf(node, node.field(), node::withField);
    }

    @Override
    public Expr visitNumber(NumberMatch node) {
        return leaf(node, node.field(), node::withField);
    }

    @Override
    public Expr visitBool(BoolMatch node) {
        return leaf(node, node.field(), node::withField);
    }

    @Override
    public Expr visitNull(NullMatch node) {
        return leaf(node, node.field(), node::withField);
    }

    @Override
    public Expr visitExists(ExistsMatch node) {
        return leaf(node, node.field(), node::withField);
    }
}
