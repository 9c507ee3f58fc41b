package dev.sigc.ast;

import dev.sigc.diag.Span;
import java.util.List;

/** Disjunction of at least two terms; never directly nested in another {@code Or} (see {@link Exprs}). */
public record Or(List<Expr> terms, Span span) implements Expr {
    public Or {
        terms = List.copyOf(terms);
        if (terms.size() < 2) {
            throw new IllegalArgumentException("Or needs at least two terms");
        }
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitOr(this);
    }
}
