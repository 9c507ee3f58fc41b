package dev.sigc.ast;

import dev.sigc.diag.Span;
import java.util.Objects;

/** The field holds the boolean {@code value} (a YAML {@code true}/{@code false} in the rule). */
public record BoolMatch(String field, boolean value, Span span) implements Expr {
    public BoolMatch {
        Objects.requireNonNull(field, "field");
    }

    public BoolMatch withField(String newField) {
        return new BoolMatch(newField, value, span);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitBool(this);
    }
}
