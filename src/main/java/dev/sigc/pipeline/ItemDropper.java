package dev.sigc.pipeline;

import dev.sigc.ast.And;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.Not;
import dev.sigc.ast.Or;
import dev.sigc.diag.SigcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code drop_detection_item}: the chosen items are taken as true on the target (the target's data already
 * guarantees them, e.g. an event id its table implies), so they leave the condition:
 * <ul>
 *   <li>an {@code and} loses them (an {@code and} that loses every term is dropped in turn);</li>
 *   <li>an {@code or} is dropped when every term is (e.g. the values of one dropped item); an {@code or} that
 *       would lose only some terms is an error, since the rule would then match every event that side
 *       matched, or, read the other way, fewer events than it says;</li>
 *   <li>a {@code not} over a dropped term, and a condition dropped as a whole, are errors: the rule would match
 *       nothing, or every event.</li>
 * </ul>
 * Returns the same instance where nothing changed.
 */
final class ItemDropper {
    private final Predicate<Expr> drops;
    private final String what;

    ItemDropper(Predicate<Expr> drops, String what) {
        this.drops = drops;
        this.what = what;
    }

    Expr apply(Expr root) {
        return visit(root).orElseThrow(() -> error(root, " drops every item of this rule's condition, so the rule "
                + "would match every event; drop fewer fields, or leave this logsource out with rule_conditions"));
    }

    /** Empty when the node is dropped. */
    private Optional<Expr> visit(Expr node) {
        if (node instanceof And a) {
            List<Expr> kept = new ArrayList<>();
            boolean changed = false;
            for (Expr t : a.terms()) {
                Optional<Expr> r = visit(t);
                changed |= r.isEmpty() || r.get() != t;
                r.ifPresent(kept::add);
            }
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(changed ? Exprs.and(kept, a.span()) : a);
        }
        if (node instanceof Or o) {
            List<Expr> kept = new ArrayList<>();
            boolean changed = false;
            for (Expr t : o.terms()) {
                Optional<Expr> r = visit(t);
                changed |= r.isEmpty() || r.get() != t;
                r.ifPresent(kept::add);
            }
            if (kept.isEmpty()) {
                return Optional.empty();
            }
            if (kept.size() < o.terms().size()) {
                throw error(o, " would drop one side of an 'or' and keep the other; the rule would then match "
                        + "differently from what it says. Drop the field on every side, or not at all");
            }
            return Optional.of(changed ? Exprs.or(kept, o.span()) : o);
        }
        if (node instanceof Not n) {
            Optional<Expr> r = visit(n.term());
            if (r.isEmpty()) {
                throw error(n, " drops everything under a 'not', so the rule would match nothing; "
                        + "drop fewer fields");
            }
            return Optional.of(r.get() == n.term() ? n : new Not(r.get(), n.span()));
        }
        return drops.test(node) ? Optional.empty() : Optional.of(node);
    }

    private SigcException error(Expr under, String message) {
        Expr at = Leaves.first(under, drops).orElse(under);
        return new SigcException("dropped-item", at.span(), what + message);
    }
}
