package dev.sigc.pipeline;

import dev.sigc.ast.Expr;
import dev.sigc.rule.SigmaRule;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A rule after a target's pipeline: the condition in the target's field names, the target state the
 * pipeline set (e.g. {@code table} for KQL, {@code category} for EQL), and the types of the target fields.
 * It never holds an {@code expand} placeholder: backends can rely on string patterns being text and wildcards.
 */
public record MappedRule(SigmaRule rule, Expr condition, Map<String, String> state, Map<String, FieldType> fieldTypes) {
    public MappedRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(condition, "condition");
        if (Placeholders.unresolved(condition).isPresent()) {
            throw new IllegalArgumentException("a mapped rule must not hold placeholders");
        }
        state = java.util.Collections.unmodifiableMap(new TreeMap<>(state));
        fieldTypes = java.util.Collections.unmodifiableMap(new TreeMap<>(fieldTypes));
    }

    public Optional<String> state(String key) {
        return Optional.ofNullable(state.get(key));
    }

    /** The type of a target field; {@link FieldType#STRING} when the schema does not say. */
    public FieldType typeOf(String field) {
        return fieldTypes.getOrDefault(field, FieldType.STRING);
    }
}
