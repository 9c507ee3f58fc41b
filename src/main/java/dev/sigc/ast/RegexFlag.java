package dev.sigc.ast;

/** Sigma's {@code re} sub-modifiers. */
public enum RegexFlag {
    /** {@code i}: case-insensitive. */
    IGNORE_CASE('i'),
    /** {@code m}: {@code ^} and {@code $} match at line breaks. */
    MULTILINE('m'),
    /** {@code s}: {@code .} matches a line break too. */
    DOTALL('s');

    private final char letter;

    RegexFlag(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }
}
