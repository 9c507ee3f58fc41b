package dev.sigc.backend.kql;

import dev.sigc.ast.And;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Not;
import dev.sigc.ast.Or;
import dev.sigc.backend.BoolGrammar;
import dev.sigc.backend.InfixRenderer;
import dev.sigc.pipeline.MappedRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * And/Or/Not for KQL ({@code not} > {@code and} > {@code or}); {@code not()} is a function, so its argument
 * is always parenthesised. Equalities of one column within an Or become one {@code in~}/{@code in} list.
 * Leaves under a {@code not} are rendered null-safe (see {@link KqlLeaves}).
 */
final class KqlRenderer extends InfixRenderer {
    /** Kusto.Language refuses a chain of a few hundred and/or terms (KS245, syntax depth): groups of 64 bind fine. */
    private static final BoolGrammar GRAMMAR = BoolGrammar.cStyle("and", "or", "not").withMaxChain(64);

    private final MappedRule rule;
    private final KqlLeaves leaves;
    private final KqlLeaves guardedLeaves;
    /** Leaves (by identity) with a Not above them somewhere in the condition. */
    private final Set<Expr> negated = Collections.newSetFromMap(new IdentityHashMap<>());

    KqlRenderer(MappedRule rule) {
        super(GRAMMAR);
        this.rule = rule;
        this.leaves = new KqlLeaves(rule, false);
        this.guardedLeaves = new KqlLeaves(rule, true);
        collectNegated(rule.condition(), false);
    }

    private void collectNegated(Expr e, boolean underNot) {
        if (e instanceof And a) {
            a.terms().forEach(t -> collectNegated(t, underNot));
        } else if (e instanceof Or o) {
            o.terms().forEach(t -> collectNegated(t, underNot));
        } else if (e instanceof Not n) {
            collectNegated(n.term(), true);
        } else if (underNot) {
            negated.add(e);
        }
    }

    private KqlLeaves leavesFor(Expr leaf) {
        return negated.contains(leaf) ? guardedLeaves : leaves;
    }

    /**
     * The whole condition; a condition that is one leaf written as a parenthesised conjunction (see
     * {@code KqlLeaves.group}) loses the parentheses it needs only inside a larger expression.
     */
    String renderWhere(Expr condition) {
        String text = render(condition);
        boolean leaf = !(condition instanceof And || condition instanceof Or || condition instanceof Not);
        return leaf && text.startsWith("(") ? text.substring(1, text.length() - 1) : text;
    }

    @Override
    protected String leaf(Expr leaf) {
        return leaf.accept(leavesFor(leaf));
    }

    @Override
    protected String negate(String term, boolean group) {
        // a leaf that is a parenthesised conjunction (see KqlLeaves.group) already supplies not()'s parentheses
        return !group && term.startsWith("(") ? "not" + term : "not(" + term + ")";
    }

    @Override
    protected List<Object> groupOr(List<Expr> terms) {
        record Key(String field, KqlEquality.Kind kind) {}
        Map<Key, List<KqlEquality>> groups = new LinkedHashMap<>();
        List<Optional<KqlEquality>> equalities = new ArrayList<>(terms.size());
        for (Expr t : terms) {
            Optional<KqlEquality> eq = KqlEquality.of(t, rule);
            equalities.add(eq);
            eq.ifPresent(e -> groups.computeIfAbsent(new Key(e.field(), e.kind()), k -> new ArrayList<>()).add(e));
        }
        List<Object> out = new ArrayList<>(terms.size());
        for (int i = 0; i < terms.size(); i++) {
            Optional<KqlEquality> eq = equalities.get(i);
            if (eq.isEmpty()) {
                out.add(terms.get(i));
                continue;
            }
            Key key = new Key(eq.get().field(), eq.get().kind());
            List<KqlEquality> group = groups.get(key);
            if (group.size() < 2) {
                out.add(terms.get(i));
            } else if (group.get(0) == eq.get()) {
                String list = KqlEquality.renderList(group);
                out.add(eq.get().kind() == KqlEquality.Kind.NUMBER ? leavesFor(terms.get(i)).guard(list) : list);
            }
        }
        return out;
    }
}
