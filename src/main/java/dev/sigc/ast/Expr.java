package dev.sigc.ast;

import dev.sigc.diag.Span;

/**
 * The intermediate representation between Sigma and every target. Backends see only this: no YAML, no
 * modifiers. Each leaf says exactly what it matches (kind, case sensitivity, value type) and where in the
 * rule file it came from.
 */
public sealed interface Expr
        permits And, Or, Not, StringMatch, RegexMatch, CidrMatch, NumberMatch, BoolMatch, NullMatch, ExistsMatch,
        FieldRefMatch, TimePartMatch {

    Span span();

    <R> R accept(ExprVisitor<R> visitor);
}
