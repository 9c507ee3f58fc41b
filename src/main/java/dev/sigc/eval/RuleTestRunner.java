package dev.sigc.eval;

import dev.sigc.convert.Converter;
import dev.sigc.diag.Diagnostic;
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.EventShape;
import dev.sigc.pipeline.MappedRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Runs planned rule tests: each rule's condition against each fixture event that reaches it. With a target,
 * the rule is first run through the target's pipelines and the event carried over to the target's field
 * names ({@link EventTranslator}), so the test also shows that mapping kept the rule's meaning.
 */
public final class RuleTestRunner {
    private RuleTestRunner() {}

    public static TestReport run(RuleTestSuite suite, Optional<Converter.Target> target) {
        List<Diagnostic> diags = new ArrayList<>(suite.diagnostics());
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (TestedRule r : suite.rules()) {
            Evaluator evaluator;
            UnaryOperator<Json.Obj> carry = UnaryOperator.identity();
            if (target.isPresent()) {
                MappedRule mapped;
                try {
                    mapped = target.get().runner().apply(r.rule());
                } catch (SigcException e) {
                    diags.add(e.diagnostic());
                    outcomes.add(new RuleOutcome(r, List.of(), Optional.of(e.diagnostic())));
                    continue;
                }
                EventShape shape = target.get().runner().eventShape(r.rule());
                if (!shape.unfollowed().isEmpty()) {
                    Diagnostic d = Diagnostic.error("untestable-mapping", r.rule().rule().detection().span(),
                            target.get().backend().id() + ": rule tests cannot carry events through "
                            + String.join(", ", shape.unfollowed()) + ", which changes this rule's items or values; "
                            + "test this rule without -t");
                    diags.add(d);
                    outcomes.add(new RuleOutcome(r, List.of(), Optional.of(d)));
                    continue;
                }
                evaluator = Evaluator.of(mapped.condition());
                carry = e -> EventTranslator.translate(e, shape);
            } else {
                evaluator = Evaluator.of(r.rule().condition());
            }
            List<CaseResult> cases = new ArrayList<>();
            for (TestedRule.Case c : r.cases()) {
                Json.Obj event = carry.apply(c.fixture().event());
                boolean actual = evaluator.matches(event);
                Optional<Explanation> why = actual == c.expected() ? Optional.empty() : Optional.of(evaluator.explain(event));
                cases.add(new CaseResult(c.fixture(), c.expected(), actual, c.explicit(), event, why));
            }
            outcomes.add(new RuleOutcome(r, cases, Optional.empty()));
        }
        for (CoverageGap gap : suite.coverageGaps()) {
            diags.add(gap.toDiagnostic());
        }
        return new TestReport(target.map(t -> t.backend().id()), outcomes, suite.fixtures(), diags);
    }
}
