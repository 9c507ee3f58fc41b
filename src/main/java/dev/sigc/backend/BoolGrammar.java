package dev.sigc.backend;

/**
 * How a target spells the boolean connectives and how tightly they bind (a higher number binds tighter).
 * SPL is the odd one: OR binds tighter than AND there. {@code clarifyMixed} adds parentheses around a
 * nested group of the other connective even where precedence makes them unnecessary, for readers who
 * know another language's rules.
 */
public record BoolGrammar(String and, String or, String notPrefix, int andPrecedence, int orPrecedence,
                          boolean clarifyMixed) {
    /** KQL and EQL: {@code not} > {@code and} > {@code or}. */
    public static BoolGrammar cStyle(String and, String or, String notPrefix) {
        return new BoolGrammar(and, or, notPrefix, 2, 1, false);
    }
}
