package dev.sigc.diag;

import java.util.Objects;

/** A 1-based position in a source file. {@link #NONE} stands for "no position" (never {@code null}). */
public record Span(String file, int line, int column) {
    public static final Span NONE = new Span("", 0, 0);

    public Span {
        Objects.requireNonNull(file, "file");
    }

    public boolean isKnown() {
        return line > 0;
    }

    /** The same file and line, {@code delta} columns further to the right. */
    public Span shift(int delta) {
        return isKnown() ? new Span(file, line, column + delta) : this;
    }

    @Override
    public String toString() {
        if (!isKnown()) {
            return file.isEmpty() ? "<unknown>" : file;
        }
        return file + ":" + line + ":" + column;
    }
}
