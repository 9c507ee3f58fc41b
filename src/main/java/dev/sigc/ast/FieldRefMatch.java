package dev.sigc.ast;

import dev.sigc.diag.Span;
import java.util.Objects;

/**
 * {@code field|fieldref: other} — compares two fields of the same event. {@code op} says where the other
 * field's value must sit in this one (EQUALS for plain {@code fieldref}). Case-insensitive unless cased.
 */
public record FieldRefMatch(String field, StrOp op, String otherField, boolean caseSensitive, Span span) implements Expr {
    public FieldRefMatch {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(otherField, "otherField");
    }

    public FieldRefMatch withField(String newField) {
        return new FieldRefMatch(newField, op, otherField, caseSensitive, span);
    }

    public FieldRefMatch withOtherField(String newOther) {
        return new FieldRefMatch(field, op, newOther, caseSensitive, span);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitFieldRef(this);
    }
}
