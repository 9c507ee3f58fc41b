package dev.sigc.pipeline;

import dev.sigc.ast.Expr;
import dev.sigc.ast.ExprRewriter;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.StringMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Leaf helpers for the field-touching steps: the field(s) a leaf tests, and finding leaves. */
final class Leaves {
    private Leaves() {}

    /** The fields a leaf tests: none for a keyword, two for a field reference. */
    static List<String> fields(Expr leaf) {
        if (leaf instanceof StringMatch s) {
            return s.field().map(List::of).orElse(List.of());
        }
        if (leaf instanceof FieldRefMatch r) {
            return List.of(r.field(), r.otherField());
        }
        return List.copyOf(Fields.of(leaf).keySet());
    }

    /** Whether a step with these field conditions acts on this leaf (a field reference: when on either field). */
    static boolean chosen(FieldConditions conditions, Expr leaf) {
        if (conditions.conditions().isEmpty()) {
            return true; // no condition: every leaf, with or without a field (as FieldConditions.matches says)
        }
        List<String> fields = fields(leaf);
        if (fields.isEmpty()) {
            return conditions.matches(Optional.empty());
        }
        for (int i = 0; i < fields.size(); i++) { // a loop, not a stream: it runs for every value of every rule
            if (conditions.matches(fields.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The first leaf, in condition order, that passes {@code test}. */
    static Optional<Expr> first(Expr expr, Predicate<Expr> test) {
        List<Expr> found = new ArrayList<>(1);
        expr.accept(new ExprRewriter() {
            @Override
            protected Expr leaf(Expr node) {
                if (found.isEmpty() && test.test(node)) {
                    found.add(node);
                }
                return node;
            }
        });
        return found.stream().findFirst();
    }
}
