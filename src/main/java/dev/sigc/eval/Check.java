package dev.sigc.eval;

import dev.sigc.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A condition compiled for evaluation: one node per {@link Expr} node, with everything that can be
 * prepared once (patterns, networks, numbers) prepared by {@link CheckCompiler}. Immutable and thread-safe;
 * the per-event state lives in {@link Event}.
 */
sealed interface Check permits Check.All, Check.Any, Check.Negation, Check.Field, Check.FieldPair, Check.Keyword,
        Check.Presence {
    /** Most deciding terms shown under one {@code and}/{@code or} in an explanation. */
    int MAX_SHOWN = 10;
    /** Longest value shown in an explanation before it is shortened in the middle. */
    int MAX_VALUE = 240;

    Expr node();

    boolean test(Event e);

    Explanation explain(Event e);

    record All(Expr node, List<Check> terms) implements Check {
        @Override
        public boolean test(Event e) {
            for (Check t : terms) {
                if (!t.test(e)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Explanation explain(Event e) {
            boolean result = test(e);
            return group(node, result, terms, e, t -> !result ? !t.test(e) : true);
        }
    }

    record Any(Expr node, List<Check> terms) implements Check {
        @Override
        public boolean test(Event e) {
            for (Check t : terms) {
                if (t.test(e)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Explanation explain(Event e) {
            boolean result = test(e);
            return group(node, result, terms, e, t -> result ? t.test(e) : true);
        }
    }

    record Negation(Expr node, Check term) implements Check {
        @Override
        public boolean test(Event e) {
            return !term.test(e);
        }

        @Override
        public Explanation explain(Event e) {
            return new Explanation(node.span(), ExprText.of(node), test(e), Optional.empty(), List.of(term.explain(e)), 0);
        }
    }

    /** A test on the values of a field: true when any value passes. */
    record Field(Expr node, String field, Predicate<Json> accepts) implements Check {
        @Override
        public boolean test(Event e) {
            for (Json v : e.values(field)) {
                if (accepts.test(v)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Explanation explain(Event e) {
            List<Json> values = e.values(field);
            Optional<Json> hit = values.stream().filter(accepts).findFirst();
            String detail = hit.map(v -> field + " = " + Values.show(v, MAX_VALUE)).orElseGet(() -> describe(field, values));
            return new Explanation(node.span(), ExprText.of(node), hit.isPresent(), Optional.of(detail), List.of(), 0);
        }
    }

    /** A comparison of two fields of the event: true when any pair of their values passes. */
    record FieldPair(Expr node, String field, String other, java.util.function.BiPredicate<Json, Json> accepts)
            implements Check {
        @Override
        public boolean test(Event e) {
            for (Json a : e.values(field)) {
                for (Json b : e.values(other)) {
                    if (accepts.test(a, b)) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        public Explanation explain(Event e) {
            return new Explanation(node.span(), ExprText.of(node), test(e),
                    Optional.of(describe(field, e.values(field)) + "; " + describe(other, e.values(other))), List.of(), 0);
        }
    }

    /** A keyword: true when any string value anywhere in the event passes. */
    record Keyword(Expr node, Predicate<String> accepts) implements Check {
        @Override
        public boolean test(Event e) {
            for (String s : e.allStrings()) {
                if (accepts.test(s)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Explanation explain(Event e) {
            Optional<String> hit = e.allStrings().stream().filter(accepts).findFirst();
            String detail = hit.map(s -> "found in " + Values.show(new Json.Str(s), MAX_VALUE))
                    .orElse("in none of the event's " + e.allStrings().size() + " string values");
            return new Explanation(node.span(), ExprText.of(node), hit.isPresent(), Optional.of(detail), List.of(), 0);
        }
    }

    /**
     * Whether a field has a value: {@code wantValue} for {@code exists: true}, not for {@code null} and
     * {@code exists: false}. JSON null, and an array of nothing but nulls, is no value.
     */
    record Presence(Expr node, String field, boolean wantValue) implements Check {
        @Override
        public boolean test(Event e) {
            boolean has = e.values(field).stream().anyMatch(v -> !(v instanceof Json.Null));
            return has == wantValue;
        }

        @Override
        public Explanation explain(Event e) {
            return new Explanation(node.span(), ExprText.of(node), test(e),
                    Optional.of(describe(field, e.values(field))), List.of(), 0);
        }
    }

    private static String describe(String field, List<Json> values) {
        if (values.isEmpty()) {
            return field + " is absent";
        }
        if (values.size() == 1) {
            return field + " = " + Values.show(values.get(0), MAX_VALUE);
        }
        return field + " = " + Values.show(new Json.Arr(values), MAX_VALUE);
    }

    private static Explanation group(Expr node, boolean result, List<Check> terms, Event e, Predicate<Check> deciding) {
        List<Explanation> shown = new ArrayList<>();
        int omitted = 0;
        for (Check t : terms) {
            if (!deciding.test(t)) {
                continue;
            }
            if (shown.size() < MAX_SHOWN) {
                shown.add(t.explain(e));
            } else {
                omitted++;
            }
        }
        return new Explanation(node.span(), ExprText.of(node), result, Optional.empty(), shown, omitted);
    }
}
