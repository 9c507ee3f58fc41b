package dev.sigc.backend.spl;

import dev.sigc.ast.And;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.Not;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.Or;
import java.util.ArrayList;
import java.util.List;

/** Rewrites of negations. Both keep Sigma's two-valued meaning; neither mutates its input. */
final class SplNegation {
    private SplNegation() {}

    /**
     * Removes double negations and negated presence tests ({@code not exists} is {@code not exists}, spelt
     * positively), so that {@code NOT} in the output only ever stands before a value test or a group.
     * Returns the same instance when nothing changed.
     */
    static Expr simplify(Expr e) {
        if (e instanceof And a) {
            List<Expr> terms = map(a.terms(), SplNegation::simplify);
            return terms.equals(a.terms()) ? a : Exprs.and(terms, a.span());
        }
        if (e instanceof Or o) {
            List<Expr> terms = map(o.terms(), SplNegation::simplify);
            return terms.equals(o.terms()) ? o : Exprs.or(terms, o.span());
        }
        if (e instanceof Not n) {
            Expr t = n.term();
            if (t instanceof Not inner) {
                return simplify(inner.term());
            }
            if (t instanceof ExistsMatch x) {
                return new ExistsMatch(x.field(), !x.exists(), x.span());
            }
            if (t instanceof NullMatch x) {
                return new ExistsMatch(x.field(), true, x.span());
            }
            Expr s = simplify(t);
            return s == t ? n : new Not(s, n.span());
        }
        return e;
    }

    /**
     * Negation normal form: {@code NOT} pushed down to the value tests (De Morgan), presence tests flipped.
     * Needed for eval, where a test on a missing field is null and {@code NOT null} is not true, whereas in
     * Sigma a negated test on a missing field holds; the eval renderer guards each negated test itself.
     */
    static Expr nnf(Expr e, boolean negate) {
        if (e instanceof And a) {
            List<Expr> terms = map(a.terms(), t -> nnf(t, negate));
            return negate ? Exprs.or(terms, a.span()) : Exprs.and(terms, a.span());
        }
        if (e instanceof Or o) {
            List<Expr> terms = map(o.terms(), t -> nnf(t, negate));
            return negate ? Exprs.and(terms, o.span()) : Exprs.or(terms, o.span());
        }
        if (e instanceof Not n) {
            return nnf(n.term(), !negate);
        }
        if (!negate) {
            return e;
        }
        if (e instanceof ExistsMatch x) {
            return new ExistsMatch(x.field(), !x.exists(), x.span());
        }
        if (e instanceof NullMatch x) {
            return new ExistsMatch(x.field(), true, x.span());
        }
        return new Not(e, e.span());
    }

    private static List<Expr> map(List<Expr> in, java.util.function.UnaryOperator<Expr> f) {
        List<Expr> out = new ArrayList<>(in.size());
        for (Expr t : in) {
            out.add(f.apply(t));
        }
        return out;
    }
}
