package dev.sigc.eval;

import dev.sigc.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/** A tested rule's cases, or the error that kept it from being tested (e.g. a field the target lacks). */
public record RuleOutcome(TestedRule rule, List<CaseResult> cases, Optional<Diagnostic> error) {
    public RuleOutcome {
        cases = List.copyOf(cases);
    }

    public long failed() {
        return cases.stream().filter(c -> !c.passed()).count();
    }

    public long passed() {
        return cases.size() - failed();
    }

    public boolean ok() {
        return error.isEmpty() && failed() == 0;
    }
}
