package dev.sigc.rule;

import dev.sigc.diag.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code field|modifier...: value(s)} entry, or a keyword list ({@code field} empty). Several values
 * mean OR unless the {@code all} modifier is given.
 */
public record DetectionItem(Optional<String> field, List<Modifier> modifiers, List<SigmaValue> values, Span span) {
    public DetectionItem {
        Objects.requireNonNull(field, "field");
        modifiers = List.copyOf(modifiers);
        values = List.copyOf(values);
    }
}
