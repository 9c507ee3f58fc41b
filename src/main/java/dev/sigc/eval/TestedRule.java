package dev.sigc.eval;

import dev.sigc.compile.CompiledRule;
import dev.sigc.convert.RuleFile;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule under test with the fixture events that reach it (its logsource takes theirs) and the verdict each
 * expects. {@code name} is {@code <pack>/<file without extension>}, with {@code #<n>} for the n-th rule of
 * a file holding several. {@code testsDir} is where its fixtures live, if anywhere.
 */
public record TestedRule(RuleFile file, CompiledRule rule, String name, Optional<String> testsDir, List<Case> cases) {

    /** One planned check: {@code explicit} when the fixture lists the rule, else the rule must not match. */
    public record Case(Fixture fixture, boolean expected, boolean explicit) {}

    public TestedRule {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rule, "rule");
        cases = List.copyOf(cases);
    }

    /** Fixtures that list this rule as matching. */
    public long truePositives() {
        return cases.stream().filter(c -> c.explicit() && c.expected()).count();
    }

    /** Fixtures that list this rule as not matching: a documented false positive it must stay quiet on. */
    public long falsePositives() {
        return cases.stream().filter(c -> c.explicit() && !c.expected()).count();
    }
}
