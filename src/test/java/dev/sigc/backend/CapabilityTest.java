package dev.sigc.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sigc.convert.Converter;
import dev.sigc.convert.RuleFiles;
import dev.sigc.diag.Diagnostic;
import dev.sigc.pipeline.PipelineLoader;
import dev.sigc.rule.RuleLoader;
import dev.sigc.rule.SigmaRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The capability table is generated from each backend's {@link Backend#capabilities()}; this test keeps it
 * honest: every construct is rated by every target, has exactly one conformance rule, and a target rejects
 * that rule exactly when it rates the construct unsupported.
 */
class CapabilityTest {
    private static final Path PACK = Path.of("sigma-rules/conformance");

    private static Map<Construct, Path> conformanceRules() {
        Map<Construct, Path> out = new TreeMap<>();
        RuleLoader loader = new RuleLoader();
        for (var f : RuleFiles.find(List.of(PACK))) {
            for (SigmaRule r : loader.load(f.path()).rules()) {
                Object id = r.custom().get("conformance");
                Construct c = Construct.byId(String.valueOf(id))
                        .orElseThrow(() -> new AssertionError(f.path() + ": unknown construct '" + id + "'"));
                Path prev = out.put(c, f.path());
                assertTrue(prev == null, c + " has two conformance rules: " + prev + ", " + f.path());
            }
        }
        return out;
    }

    @Test
    void everyConstructHasOneConformanceRule() {
        Set<Construct> missing = EnumSet.allOf(Construct.class);
        missing.removeAll(conformanceRules().keySet());
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyTargetRatesEveryConstruct() {
        for (Backend b : Backends.all()) {
            Set<Construct> missing = EnumSet.allOf(Construct.class);
            missing.removeAll(b.capabilities().keySet());
            assertEquals(Set.of(), missing, b.id() + " does not rate these constructs");
        }
    }

    @TestFactory
    List<DynamicTest> ratingsAgreeWithTheConformanceSuite() {
        List<DynamicTest> tests = new ArrayList<>();
        Map<Construct, Path> rules = conformanceRules();
        var pipeline = PipelineLoader.file(Path.of("src/test/resources/conformance-pipeline.yml"));
        for (Backend b : Backends.all()) {
            for (Map.Entry<Construct, Path> e : rules.entrySet()) {
                tests.add(dynamicTest(b.id() + " " + e.getKey().id(), () -> {
                    Converter.Result r = new Converter().convert(RuleFiles.find(List.of(e.getValue())),
                            List.of(Converter.Target.of(b, List.of(pipeline))));
                    Capability cap = b.capabilities().get(e.getKey());
                    assertTrue(cap != null, b.id() + " does not rate " + e.getKey());
                    boolean rejected = r.diagnostics().stream().anyMatch(Diagnostic::isError);
                    assertEquals(cap.support() == Support.UNSUPPORTED, rejected, b.id() + " rates " + e.getKey().id()
                            + " " + cap.support() + " but the conformance rule " + (rejected ? "fails: "
                            + r.diagnostics().get(0).render() : "converts"));
                }));
            }
        }
        return tests;
    }
}
