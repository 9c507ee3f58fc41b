package dev.sigc.eval;

import dev.sigc.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules selected for testing with their planned cases, the number of fixture files read, and every problem
 * found while reading rules and fixtures (an error here fails the run).
 */
public record RuleTestSuite(List<TestedRule> rules, int fixtures, List<Diagnostic> diagnostics) {
    public RuleTestSuite {
        rules = List.copyOf(rules);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * The rules lacking a true-positive or a false-positive fixture, in rule order. A false positive counts
     * only when a fixture lists the rule as {@code false}: an event that merely does not reach the rule's
     * condition documents nothing about it.
     */
    public List<CoverageGap> coverageGaps() {
        List<CoverageGap> gaps = new ArrayList<>();
        for (TestedRule r : rules) {
            boolean tp = r.truePositives() == 0;
            boolean fp = r.falsePositives() == 0;
            if (tp || fp) {
                gaps.add(new CoverageGap(r, tp, fp));
            }
        }
        return gaps;
    }
}
