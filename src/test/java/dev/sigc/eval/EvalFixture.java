package dev.sigc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigc.ast.Expr;
import dev.sigc.compile.RuleCompiler;
import dev.sigc.rule.LoadResult;
import dev.sigc.rule.RuleLoader;

/**
 * Reads like the feature: {@code detection("CommandLine|contains: foo").matches("{...}")}. A one-line
 * detection is an item of a selection named {@code sel}; text with a {@code condition:} line is the whole
 * detection section.
 */
record EvalFixture(Expr condition, Evaluator evaluator) {
    static EvalFixture detection(String detection) {
        String body = detection.contains("condition:") ? detection.indent(4)
                : "    sel:\n" + detection.indent(8) + "    condition: sel\n";
        String yaml = "title: t\nlogsource:\n    category: process_creation\ndetection:\n" + body;
        LoadResult lr = new RuleLoader().load("rule.yml", yaml);
        if (lr.hasErrors()) {
            throw new AssertionError(lr.diagnostics().toString());
        }
        Expr e = new RuleCompiler().compile(lr.rules().get(0)).condition();
        return new EvalFixture(e, Evaluator.of(e));
    }

    EvalFixture matches(String... events) {
        for (String event : events) {
            assertEquals(true, verdict(event), () -> "should match " + event + "\n" + explain(event));
        }
        return this;
    }

    EvalFixture misses(String... events) {
        for (String event : events) {
            assertEquals(false, verdict(event), () -> "should not match " + event + "\n" + explain(event));
        }
        return this;
    }

    boolean verdict(String event) {
        return evaluator.matches((Json.Obj) JsonParser.parse(event));
    }

    String explain(String event) {
        return evaluator.explain((Json.Obj) JsonParser.parse(event)).render("");
    }
}
