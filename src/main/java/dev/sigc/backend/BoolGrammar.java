package dev.sigc.backend;

/**
 * How a target spells the boolean connectives and how tightly they bind (a higher number binds tighter).
 * SPL is the odd one: OR binds tighter than AND there. {@code clarifyMixed} adds parentheses around a
 * nested group of the other connective even where precedence makes them unnecessary, for readers who
 * know another language's rules. {@code maxChain} (0: no limit) caps how many terms one flat chain of the
 * same connective may have; longer chains are written as parenthesised groups, which means the same (and
 * and or are associative) but keeps a parser's nesting shallow (Kusto refuses chains of a few hundred).
 */
public record BoolGrammar(String and, String or, String notPrefix, int andPrecedence, int orPrecedence,
                          boolean clarifyMixed, int maxChain) {
    public BoolGrammar(String and, String or, String notPrefix, int andPrecedence, int orPrecedence,
                       boolean clarifyMixed) {
        this(and, or, notPrefix, andPrecedence, orPrecedence, clarifyMixed, 0);
    }

    /** KQL and EQL: {@code not} > {@code and} > {@code or}. */
    public static BoolGrammar cStyle(String and, String or, String notPrefix) {
        return new BoolGrammar(and, or, notPrefix, 2, 1, false);
    }

    public BoolGrammar withMaxChain(int max) {
        return new BoolGrammar(and, or, notPrefix, andPrecedence, orPrecedence, clarifyMixed, max);
    }
}
