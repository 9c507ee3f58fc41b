package dev.sigc.rule;

import dev.sigc.diag.Span;
import java.util.Objects;

/** A modifier name as written after {@code |} in a detection key, with its own position. */
public record Modifier(String name, Span span) {
    public Modifier {
        Objects.requireNonNull(name, "name");
    }
}
