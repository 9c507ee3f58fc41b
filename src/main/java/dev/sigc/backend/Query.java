package dev.sigc.backend;

import java.util.Objects;

/** A rendered query for one rule on one target: the text, with no trailing newline. */
public record Query(String text) {
    public Query {
        Objects.requireNonNull(text, "text");
    }
}
