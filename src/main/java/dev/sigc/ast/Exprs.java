package dev.sigc.ast;

import dev.sigc.diag.Span;
import java.util.ArrayList;
import java.util.List;

/** Smart constructors that keep trees flat: no And directly in And, no Or directly in Or, no one-term groups. */
public final class Exprs {
    private Exprs() {}

    public static Expr and(List<Expr> terms, Span span) {
        List<Expr> flat = new ArrayList<>();
        for (Expr t : terms) {
            if (t instanceof And a) {
                flat.addAll(a.terms());
            } else {
                flat.add(t);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new And(flat, span);
    }

    public static Expr or(List<Expr> terms, Span span) {
        List<Expr> flat = new ArrayList<>();
        for (Expr t : terms) {
            if (t instanceof Or o) {
                flat.addAll(o.terms());
            } else {
                flat.add(t);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new Or(flat, span);
    }

    public static Expr not(Expr term, Span span) {
        return new Not(term, span);
    }
}
