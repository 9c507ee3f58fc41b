package dev.sigc.ast;

import dev.sigc.diag.Span;
import java.util.List;

/** Conjunction of at least two terms; never directly nested in another {@code And} (see {@link Exprs}). */
public record And(List<Expr> terms, Span span) implements Expr {
    public And {
        terms = List.copyOf(terms);
        if (terms.size() < 2) {
            throw new IllegalArgumentException("And needs at least two terms");
        }
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitAnd(this);
    }
}
