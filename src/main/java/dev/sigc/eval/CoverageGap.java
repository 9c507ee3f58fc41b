package dev.sigc.eval;

import dev.sigc.diag.Diagnostic;

/** A rule lacking a true-positive fixture, a false-positive fixture, or both. */
public record CoverageGap(TestedRule rule, boolean missingTruePositive, boolean missingFalsePositive) {

    /** A warning at the rule, one line, naming what is missing and where it would go. */
    public Diagnostic toDiagnostic() {
        String what = missingTruePositive && missingFalsePositive ? "no true-positive and no false-positive fixture"
                : missingTruePositive ? "no true-positive fixture" : "no false-positive fixture";
        String stem = rule.rule().rule().baseName();
        String where = rule.testsDir().map(d -> " in " + d + "/ (a fixture listing \"" + stem + "\": "
                + (missingTruePositive ? "true" : "false") + ")").orElse(" (no tests/ folder beside it or above it)");
        return Diagnostic.warning("test-coverage", rule.rule().rule().span(), "rule '" + stem + "' has " + what + where);
    }
}
