package dev.sigc.eval;

import dev.sigc.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a rule-test run: per rule, its cases; the number of fixture files; every diagnostic
 * (rule and fixture errors, coverage warnings), in the order found. {@code target} is the target whose
 * pipeline-mapped rules were tested, or empty for the rules as written.
 */
public record TestReport(Optional<String> target, List<RuleOutcome> rules, int fixtures, List<Diagnostic> diagnostics) {
    public TestReport {
        rules = List.copyOf(rules);
        diagnostics = List.copyOf(diagnostics);
    }

    public long cases() {
        return rules.stream().mapToLong(r -> r.cases().size()).sum();
    }

    public long failed() {
        return rules.stream().mapToLong(RuleOutcome::failed).sum();
    }

    public long passed() {
        return cases() - failed();
    }

    public long errors() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    public long warnings() {
        return diagnostics.size() - errors();
    }

    /** No failed case and no error; warnings allowed. */
    public boolean ok() {
        return failed() == 0 && errors() == 0;
    }

    /** {@code 19 rules, 62 fixtures, 840 cases: 840 passed, 0 failed}, plus errors and warnings when any. */
    public String summary() {
        return rules.size() + " rule" + (rules.size() == 1 ? "" : "s") + ", " + fixtures + " fixture"
                + (fixtures == 1 ? "" : "s") + ", " + cases() + " case" + (cases() == 1 ? "" : "s")
                + target.map(t -> " on " + t).orElse("") + ": " + passed() + " passed, " + failed() + " failed"
                + (errors() > 0 ? ", " + errors() + " error" + (errors() == 1 ? "" : "s") : "")
                + (warnings() > 0 ? ", " + warnings() + " warning" + (warnings() == 1 ? "" : "s") : "");
    }
}
