package dev.sigc;

import dev.sigc.ast.Expr;
import dev.sigc.diag.Span;
import dev.sigc.pipeline.FieldType;
import dev.sigc.pipeline.MappedRule;
import dev.sigc.rule.Detection;
import dev.sigc.rule.LogSource;
import dev.sigc.rule.SigmaRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builders for tests that need a rule or a mapped rule without going through YAML. */
public final class TestRules {
    private TestRules() {}

    public static SigmaRule rule(String title) {
        LogSource ls = new LogSource(Optional.of("process_creation"), Optional.of("windows"), Optional.empty(),
                Optional.empty(), Span.NONE);
        Detection det = new Detection(Map.of(), List.of(), Span.NONE);
        return new SigmaRule("test.yml", Span.NONE, title, Optional.of("00000000-0000-4000-8000-000000000000"),
                Optional.empty(), List.of(), Optional.of("test"), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), Optional.empty(), Optional.empty(), ls, det, List.of(), List.of(), Optional.of("high"),
                List.of(), List.of(), Map.of(), Map.of());
    }

    public static MappedRule mapped(Expr condition, Map<String, String> state, Map<String, FieldType> types) {
        return new MappedRule(rule("Test rule"), condition, state, types);
    }
}
