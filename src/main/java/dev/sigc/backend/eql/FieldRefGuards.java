package dev.sigc.backend.eql;

import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.ExprRewriter;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.StrOp;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares field references for EQL, which compares two fields only through string functions run as a
 * script ({@code startsWith~(F, G)}, ...). A script gives null when either field is missing, and
 * Elasticsearch negates a script inside the script, where {@code not null} is still null: {@code not}
 * would then miss the events that lack a field, which Sigma's {@code not} matches. So each reference
 * becomes {@code F != null and G != null and <test>}: the guards are exists queries, and the negation of
 * that conjunction is a {@code must_not}, true when either field is missing.
 *
 * <p>Equality, for which EQL has no two-field function ({@code F == G} is rejected), becomes a mutual
 * prefix: {@code startsWith(F, G) and startsWith(G, F)} holds exactly when the values are equal (after
 * lower-casing both under {@code ~}).
 */
final class FieldRefGuards extends ExprRewriter {
    static final FieldRefGuards INSTANCE = new FieldRefGuards();

    private FieldRefGuards() {}

    static Expr apply(Expr condition) {
        return condition.accept(INSTANCE);
    }

    @Override
    public Expr visitFieldRef(FieldRefMatch node) {
        List<Expr> terms = new ArrayList<>(4);
        terms.add(new ExistsMatch(node.field(), true, node.span()));
        terms.add(new ExistsMatch(node.otherField(), true, node.span()));
        if (node.op() == StrOp.EQUALS) {
            terms.add(new FieldRefMatch(node.field(), StrOp.STARTS_WITH, node.otherField(), node.caseSensitive(), node.span()));
            terms.add(new FieldRefMatch(node.otherField(), StrOp.STARTS_WITH, node.field(), node.caseSensitive(), node.span()));
        } else {
            terms.add(node);
        }
        return Exprs.and(terms, node.span());
    }
}
