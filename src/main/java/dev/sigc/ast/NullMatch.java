package dev.sigc.ast;

import dev.sigc.diag.Span;
import java.util.Objects;

/** {@code field: null} — the field has no value (absent, null, or, where a target cannot tell, empty). */
public record NullMatch(String field, Span span) implements Expr {
    public NullMatch {
        Objects.requireNonNull(field, "field");
    }

    public NullMatch withField(String newField) {
        return new NullMatch(newField, span);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitNull(this);
    }
}
