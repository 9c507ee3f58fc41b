package dev.sigc.rule;

import dev.sigc.diag.Span;

/**
 * Maps an offset in a scalar's value (after YAML unquoting and folding) to the position of that character
 * in the file, so that errors inside an embedded language (the condition) point into the file.
 */
public final class PositionMap {
    private final String file;
    private final int[] lines;
    private final int[] columns;

    PositionMap(String file, int[] lines, int[] columns) {
        this.file = file;
        this.lines = lines.clone();
        this.columns = columns.clone();
    }

    /** Every character at the same line, successive columns from {@code start}. */
    public static PositionMap straight(Span start, int length) {
        int[] l = new int[length + 1];
        int[] c = new int[length + 1];
        for (int i = 0; i <= length; i++) {
            l[i] = start.line();
            c[i] = start.column() + i;
        }
        return new PositionMap(start.file(), l, c);
    }

    /** Position of the character at {@code offset}; offsets past the end give the position after the last one. */
    public Span at(int offset) {
        if (lines.length == 0) {
            return Span.NONE;
        }
        int i = Math.max(0, Math.min(offset, lines.length - 1));
        return new Span(file, lines[i], columns[i]);
    }
}
