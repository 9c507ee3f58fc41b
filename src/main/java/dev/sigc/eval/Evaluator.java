package dev.sigc.eval;

import dev.sigc.ast.Expr;

/**
 * Decides whether a condition matches an event, with Sigma's meaning; the reference the backends' queries
 * are tested against. Built once per condition (patterns compiled here), then used for any number of
 * events; immutable and thread-safe.
 *
 * <p>Semantics, beyond {@link Values} (how typed values meet event values) and {@link Event} (how a field
 * name finds values):
 * <ul>
 *   <li>Strings compare case-insensitively (Unicode simple case folding) unless {@code cased}; {@code *} is
 *       any run of characters including line breaks, {@code ?} exactly one.</li>
 *   <li>A regex must match somewhere in the value (unanchored), read as RE2 reads it ({@link RegexDialect}).</li>
 *   <li>A keyword (a value without a field) matches when any string value anywhere in the event contains it.</li>
 *   <li>A field with several values (an array) matches when any value does.</li>
 *   <li>A test on an absent field is false, so its {@code not} is true. {@code field: null} is true when the
 *       field is absent or null (not when it is an empty string); {@code exists: true} is its negation.</li>
 * </ul>
 * Modifiers that the compiler expands ({@code windash}, {@code all}, {@code contains} ...) reach this class
 * as plain nodes; modifiers it does not compile yet ({@code fieldref}, {@code base64}, ...) never do.
 */
public final class Evaluator {
    private final Expr condition;
    private final Check check;

    private Evaluator(Expr condition) {
        this.condition = condition;
        this.check = condition.accept(CheckCompiler.INSTANCE);
    }

    public static Evaluator of(Expr condition) {
        return new Evaluator(condition);
    }

    public Expr condition() {
        return condition;
    }

    public boolean matches(Json.Obj event) {
        return check.test(new Event(event));
    }

    /** The verdict with the parts of the condition that decided it. */
    public Explanation explain(Json.Obj event) {
        return check.explain(new Event(event));
    }
}
