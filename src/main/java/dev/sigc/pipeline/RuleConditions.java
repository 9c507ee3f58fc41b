package dev.sigc.pipeline;

import dev.sigc.rule.LogSource;
import java.util.List;

/**
 * When a transformation applies to a rule: its {@code rule_conditions} (logsource conditions), combined with
 * {@code rule_cond_op} ({@code or}, sigc's default and what the bundled pipelines rely on, or {@code and}) and
 * negated with {@code rule_cond_not}. No conditions: every rule.
 */
record RuleConditions(List<LogsourceCondition> conditions, boolean and, boolean negate) {
    static final RuleConditions ALWAYS = new RuleConditions(List.of(), false, false);

    RuleConditions {
        conditions = List.copyOf(conditions);
    }

    boolean matches(LogSource ls) {
        if (conditions.isEmpty()) {
            return !negate;
        }
        boolean r = and ? conditions.stream().allMatch(c -> c.matches(ls)) : conditions.stream().anyMatch(c -> c.matches(ls));
        return r != negate;
    }
}
