package dev.sigc.ast;

import dev.sigc.diag.Span;
import java.util.Objects;

/** {@code field|exists: true/false}. */
public record ExistsMatch(String field, boolean exists, Span span) implements Expr {
    public ExistsMatch {
        Objects.requireNonNull(field, "field");
    }

    public ExistsMatch withField(String newField) {
        return new ExistsMatch(newField, exists, span);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitExists(this);
    }
}
