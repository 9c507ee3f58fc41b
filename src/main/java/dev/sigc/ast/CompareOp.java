package dev.sigc.ast;

public enum CompareOp {
    EQ("=="), LT("<"), LTE("<="), GT(">"), GTE(">=");

    private final String symbol;

    CompareOp(String symbol) {
        this.symbol = symbol;
    }

    /** The C-family spelling, shared by KQL, EQL and SPL eval expressions. */
    public String symbol() {
        return symbol;
    }
}
