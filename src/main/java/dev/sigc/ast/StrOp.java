package dev.sigc.ast;

/**
 * Where a string pattern must sit in the field's value. A pattern may still hold inner wildcards
 * ({@code *}, {@code ?}); the op only says whether the ends are anchored.
 */
public enum StrOp {
    /** The whole value matches the pattern. */
    EQUALS,
    /** The value starts with the pattern. */
    STARTS_WITH,
    /** The value ends with the pattern. */
    ENDS_WITH,
    /** The pattern occurs anywhere in the value. */
    CONTAINS;

    public boolean anchoredStart() {
        return this == EQUALS || this == STARTS_WITH;
    }

    public boolean anchoredEnd() {
        return this == EQUALS || this == ENDS_WITH;
    }

    public static StrOp of(boolean anchoredStart, boolean anchoredEnd) {
        if (anchoredStart && anchoredEnd) {
            return EQUALS;
        }
        if (anchoredStart) {
            return STARTS_WITH;
        }
        return anchoredEnd ? ENDS_WITH : CONTAINS;
    }
}
