package dev.sigc.rule;

import dev.sigc.diag.Span;

/**
 * Maps an offset in a scalar's value (after YAML unquoting and folding) to the position of that character
 * in the file, so that errors inside an embedded language (the condition) point into the file.
 *
 * <p>Most scalars (plain field|modifier keys and conditions on one line) stand in the file exactly as their
 * value: such a map is just its first position, and the i-th character is i columns further. Others keep a
 * line and a column per character.
 */
public final class PositionMap {
    private final String file;
    private final int[] lines;   // null for a straight map
    private final int[] columns;
    private final int line;      // a straight map's first position and length
    private final int column;
    private final int length;

    /** Takes ownership of the arrays (one entry per character, and one for the position after the last). */
    PositionMap(String file, int[] lines, int[] columns) {
        this.file = file;
        this.lines = lines;
        this.columns = columns;
        this.line = 0;
        this.column = 0;
        this.length = lines.length - 1;
    }

    private PositionMap(String file, int line, int column, int length) {
        this.file = file;
        this.lines = null;
        this.columns = null;
        this.line = line;
        this.column = column;
        this.length = length;
    }

    /** Every character at the same line, successive columns from {@code start}. */
    public static PositionMap straight(Span start, int length) {
        return new PositionMap(start.file(), start.line(), start.column(), length);
    }

    /** True for the compact form of a scalar that stands in the file as its value; for tests. */
    boolean isStraight() {
        return lines == null;
    }

    /** Position of the character at {@code offset}; offsets past the end give the position after the last one. */
    public Span at(int offset) {
        if (length < 0) {
            return Span.NONE;
        }
        int i = Math.max(0, Math.min(offset, length));
        return lines == null ? new Span(file, line, column + i) : new Span(file, lines[i], columns[i]);
    }
}
