package dev.sigc.ast;

import dev.sigc.diag.Span;
import java.util.Objects;

/**
 * {@code field|hour: 3} and the like: a part of the field's timestamp compared with a number. Weeks are ISO
 * weeks; the specification does no time-zone conversion, and neither does sigc (the value is read as stored).
 */
public record TimePartMatch(String field, TimeUnit unit, CompareOp op, int value, Span span) implements Expr {
    public TimePartMatch {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(op, "op");
    }

    public TimePartMatch withField(String newField) {
        return new TimePartMatch(newField, unit, op, value, span);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitTimePart(this);
    }
}
