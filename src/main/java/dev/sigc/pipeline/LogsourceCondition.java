package dev.sigc.pipeline;

import dev.sigc.rule.LogSource;
import java.util.Optional;

/**
 * {@code type: logsource} rule condition: each attribute given must equal the rule's (case-insensitive);
 * an attribute given as YAML null requires the rule to have none. Attributes left out match anything.
 */
record LogsourceCondition(Optional<Optional<String>> category, Optional<Optional<String>> product,
                          Optional<Optional<String>> service) {
    boolean matches(LogSource ls) {
        return same(category, ls.category()) && same(product, ls.product()) && same(service, ls.service());
    }

    private static boolean same(Optional<Optional<String>> wanted, Optional<String> actual) {
        if (wanted.isEmpty()) {
            return true;
        }
        return wanted.get().map(w -> actual.map(a -> a.equalsIgnoreCase(w)).orElse(false)).orElse(actual.isEmpty());
    }
}
