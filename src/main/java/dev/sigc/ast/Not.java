package dev.sigc.ast;

import dev.sigc.diag.Span;
import java.util.Objects;

public record Not(Expr term, Span span) implements Expr {
    public Not {
        Objects.requireNonNull(term, "term");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitNot(this);
    }
}
