package dev.sigc.compile;

import dev.sigc.ast.Expr;
import dev.sigc.diag.Span;
import dev.sigc.rule.SigmaRule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rule whose detection is one {@link Expr} in Sigma field names. {@code fieldSpans} gives, for each
 * field the detection uses, where its first key stands, so later stages can point at it.
 */
public record CompiledRule(SigmaRule rule, Expr condition, Map<String, Span> fieldSpans) {
    public CompiledRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(condition, "condition");
        fieldSpans = Collections.unmodifiableMap(new LinkedHashMap<>(fieldSpans));
    }

    public Span spanOf(String field) {
        return fieldSpans.getOrDefault(field, rule.detection().span());
    }
}
