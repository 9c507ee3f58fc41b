package dev.sigc.ast;

import dev.sigc.diag.Span;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A regular expression that must match somewhere in the value (unanchored, as the Sigma specification
 * clarifies); anchor with {@code ^}/{@code $} in the pattern. Flags are kept in enum order.
 */
public record RegexMatch(String field, String pattern, Set<RegexFlag> flags, Span span) implements Expr {
    public RegexMatch {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(pattern, "pattern");
        flags = flags.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    public boolean has(RegexFlag flag) {
        return flags.contains(flag);
    }

    public RegexMatch withField(String newField) {
        return new RegexMatch(newField, pattern, flags, span);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitRegex(this);
    }
}
