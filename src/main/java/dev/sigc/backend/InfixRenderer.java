package dev.sigc.backend;

import dev.sigc.ast.And;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Not;
import dev.sigc.ast.Or;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders And/Or/Not with the fewest parentheses the target's precedence allows (plus, where the grammar
 * asks for it, parentheses that only help the reader). Leaves and value lists are the subclass's business.
 */
public abstract class InfixRenderer {
    private static final int ATOM = Integer.MAX_VALUE;

    protected final BoolGrammar grammar;

    protected InfixRenderer(BoolGrammar grammar) {
        this.grammar = grammar;
    }

    public final String render(Expr expr) {
        return render(expr, 0, null);
    }

    /** Renders a leaf (anything but And/Or/Not) as an atom the target can combine without parentheses. */
    protected abstract String leaf(Expr leaf);

    /**
     * Renders some terms of an Or as one atom (e.g. {@code F in~ ("a", "b")}), or returns the terms
     * unchanged. The default keeps every term separate. Each returned element is either an {@link Expr}
     * or a {@link String} already rendered as an atom.
     */
    protected List<Object> groupOr(List<Expr> terms) {
        return new ArrayList<>(terms);
    }

    /** Same as {@link #groupOr} for the terms of an And. */
    protected List<Object> groupAnd(List<Expr> terms) {
        return new ArrayList<>(terms);
    }

    /**
     * Spells a negation of an already rendered term. {@code group} says the term is an And/Or rendered
     * without its own parentheses. The default is {@code notPrefix} before the term, parenthesised when it
     * is a group; a target whose negation is a function (KQL {@code not(...)}) overrides this.
     */
    protected String negate(String term, boolean group) {
        return grammar.notPrefix() + (group ? "(" + term + ")" : term);
    }

    private String render(Expr expr, int parentPrecedence, Class<?> parentKind) {
        if (expr instanceof And a) {
            return infix(groupAnd(a.terms()), grammar.and(), grammar.andPrecedence(), And.class, parentPrecedence, parentKind);
        }
        if (expr instanceof Or o) {
            return infix(groupOr(o.terms()), grammar.or(), grammar.orPrecedence(), Or.class, parentPrecedence, parentKind);
        }
        if (expr instanceof Not n) {
            Expr t = n.term();
            boolean group = t instanceof And || t instanceof Or;
            return negate(group ? render(t, 0, null) : render(t, ATOM, Not.class), group);
        }
        return leaf(expr);
    }

    /** Joins terms with the connective, in parenthesised groups of at most maxChain terms where the grammar caps chains. */
    private String chain(List<String> terms, String joiner) {
        int max = grammar.maxChain();
        if (max <= 1 || terms.size() <= max) {
            return String.join(joiner, terms);
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < terms.size(); i += max) {
            groups.add("(" + String.join(joiner, terms.subList(i, Math.min(terms.size(), i + max))) + ")");
        }
        return chain(groups, joiner);
    }

    private String infix(List<Object> parts, String op, int precedence, Class<?> kind, int parentPrecedence,
                         Class<?> parentKind) {
        List<String> rendered = new ArrayList<>(parts.size());
        for (Object p : parts) {
            rendered.add(p instanceof String s ? s : render((Expr) p, precedence, kind));
        }
        String text = rendered.size() == 1 ? rendered.get(0) : chain(rendered, " " + op + " ");
        if (rendered.size() == 1) {
            return text;
        }
        boolean needed = precedence < parentPrecedence || (precedence == parentPrecedence && parentKind != kind);
        boolean clarify = grammar.clarifyMixed() && parentKind != null && parentKind != kind && parentKind != Not.class;
        return needed || clarify ? "(" + text + ")" : text;
    }
}
