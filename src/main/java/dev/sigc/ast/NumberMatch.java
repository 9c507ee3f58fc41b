package dev.sigc.ast;

import dev.sigc.diag.Span;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A numeric comparison with a value that was a YAML number in the rule. {@code text} is the canonical
 * decimal spelling used by every target.
 */
public record NumberMatch(String field, CompareOp op, BigDecimal value, Span span) implements Expr {
    public NumberMatch {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
    }

    public String text() {
        return value.toPlainString();
    }

    public boolean isIntegral() {
        return value.stripTrailingZeros().scale() <= 0;
    }

    public NumberMatch withField(String newField) {
        return new NumberMatch(newField, op, value, span);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitNumber(this);
    }
}
