package dev.sigc.rule;

import dev.sigc.diag.Span;
import java.util.Objects;

/** One condition string of a rule and where each of its characters sits in the file. */
public record ConditionText(String text, PositionMap positions) {
    public ConditionText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(positions, "positions");
    }

    public Span span() {
        return positions.at(0);
    }
}
