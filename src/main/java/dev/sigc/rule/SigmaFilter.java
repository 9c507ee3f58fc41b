package dev.sigc.rule;

import dev.sigc.diag.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sigma meta-filter document: a detection (selection and condition) ANDed with the condition of every
 * rule it names by id or name, for rules with the same logsource.
 */
public record SigmaFilter(String file, Span span, String title, Optional<String> id, LogSource logsource,
                          List<String> rules, Span rulesSpan, Detection detection) {
    public SigmaFilter {
        Objects.requireNonNull(file, "file");
        rules = List.copyOf(rules);
    }
}
