package dev.sigc.eval;

import dev.sigc.diag.Span;
import dev.sigc.rule.LogSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule-test scenario: an event (in Sigma field names), the logsource it belongs to, and the verdicts
 * expected from named rules. {@code name} is the file name without {@code .json}; {@code file} the path as
 * given, for messages.
 *
 * <p>Every rule of the pack whose logsource takes the event is checked against it: a listed rule must give
 * the listed verdict, any other rule must not match. Listing a rule as {@code false} documents a false
 * positive the rule is meant to avoid (an exclusion, a near miss) and counts towards its coverage.
 */
public record Fixture(String file, String name, String description, Optional<String> category,
                      Optional<String> product, Optional<String> service, Json.Obj event,
                      List<Expectation> expectations, Span span) {

    /** {@code rule} is a rule file's name without extension, or a rule id. */
    public record Expectation(String rule, boolean match, Span span) {
        public Expectation {
            Objects.requireNonNull(rule, "rule");
        }
    }

    public Fixture {
        Objects.requireNonNull(event, "event");
        expectations = List.copyOf(expectations);
    }

    /** Whether a rule with this logsource would see the event: every attribute the rule names is the event's. */
    public boolean reachedBy(LogSource ls) {
        return same(ls.category(), category) && same(ls.product(), product) && same(ls.service(), service);
    }

    private static boolean same(Optional<String> ruleWants, Optional<String> eventHas) {
        return ruleWants.isEmpty() || eventHas.map(e -> e.equalsIgnoreCase(ruleWants.get())).orElse(false);
    }

    /** {@code category=process_creation product=linux}, for messages. */
    public String describeLogsource() {
        StringBuilder sb = new StringBuilder();
        category.ifPresent(v -> sb.append("category=").append(v));
        product.ifPresent(v -> sb.append(sb.length() > 0 ? " " : "").append("product=").append(v));
        service.ifPresent(v -> sb.append(sb.length() > 0 ? " " : "").append("service=").append(v));
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
