package dev.sigc.check;

import dev.sigc.attack.AttackData;
import dev.sigc.compile.RuleCompiler;
import dev.sigc.convert.RuleFile;
import dev.sigc.diag.Diagnostic;
import dev.sigc.diag.SigcException;
import dev.sigc.rule.LoadResult;
import dev.sigc.rule.RuleLoader;
import dev.sigc.rule.SigmaRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs every check over rule files and returns the findings in file and position order. Rule checks live
 * in {@link MetadataChecks} and {@link DetectionChecks}; this class adds loading, compiling and the checks
 * across the run (unique ids and titles), and applies the config. Stateless; a new instance per run is cheap.
 */
public final class Checker {
    private static final Set<String> REQUIRED_BY_LOADER = Set.of("missing-title", "missing-logsource", "missing-detection");

    private final CheckConfig config;
    private final AttackData attack;

    public Checker(CheckConfig config, AttackData attack) {
        this.config = config;
        this.attack = attack;
    }

    /** The result of a run: findings, and how many files and rules were read. */
    public record Report(List<Finding> findings, int files, int rules) {
        public Report {
            findings = List.copyOf(findings);
        }

        public long count(dev.sigc.diag.Severity s) {
            return findings.stream().filter(f -> f.severity() == s).count();
        }
    }

    public Report run(List<RuleFile> files) {
        List<Finding> out = new ArrayList<>();
        Map<String, SigmaRule> ids = new LinkedHashMap<>();
        Map<String, SigmaRule> titles = new LinkedHashMap<>();
        RuleLoader loader = new RuleLoader();
        RuleCompiler compiler = new RuleCompiler();
        int rules = 0;
        for (RuleFile f : files) {
            LoadResult lr = loader.load(f.path());
            String file = f.path().toString().replace('\\', '/');
            for (Diagnostic d : lr.diagnostics()) {
                Check c = REQUIRED_BY_LOADER.contains(d.code()) ? Check.REQUIRED_FIELD : Check.LOAD_ERROR;
                add(out, new Finding(c, d.span(), d.message(), Optional.empty()), file);
            }
            for (SigmaRule rule : lr.rules()) {
                rules++;
                List<Finding> found = new ArrayList<>();
                found.addAll(MetadataChecks.run(rule, attack));
                found.addAll(DetectionChecks.run(rule));
                try {
                    compiler.compile(rule);
                } catch (SigcException e) {
                    if (!e.diagnostic().code().equals("unknown-identifier")) {
                        found.add(new Finding(Check.LOAD_ERROR, e.diagnostic().span(), e.diagnostic().message(), rule.id()));
                    }
                }
                rule.id().ifPresent(id -> {
                    SigmaRule first = ids.putIfAbsent(id.toLowerCase(Locale.ROOT), rule);
                    if (first != null) {
                        found.add(new Finding(Check.ID_DUPLICATE, rule.spanOf("id"), "id " + id
                                + " is also the id of '" + first.title() + "' (" + first.spanOf("id") + ")", rule.id()));
                    }
                });
                SigmaRule sameTitle = titles.putIfAbsent(rule.title().strip().toLowerCase(Locale.ROOT), rule);
                if (sameTitle != null) {
                    found.add(new Finding(Check.TITLE_DUPLICATE, rule.spanOf("title"), "title '" + rule.title()
                            + "' is also the title of " + sameTitle.spanOf("title"), rule.id()));
                }
                found.forEach(x -> add(out, x, file));
            }
        }
        testCoverage(files, out);
        out.sort(Comparator.comparing((Finding x) -> x.span().file()).thenComparingInt(x -> x.span().line())
                .thenComparingInt(x -> x.span().column()).thenComparing(x -> x.check().id()));
        return new Report(out, files.size(), rules);
    }

    /** Rules without a true-positive or false-positive fixture for 'sigc test' (issue 6's coverage rule). */
    private void testCoverage(List<RuleFile> files, List<Finding> out) {
        if (files.isEmpty()) {
            return;
        }
        dev.sigc.eval.RuleTestSuite suite;
        try {
            suite = dev.sigc.eval.RuleTests.load(files.stream().map(RuleFile::path).toList());
        } catch (SigcException e) {
            return; // the rule files' own problems are reported above; fixtures are sigc test's business
        }
        for (dev.sigc.eval.CoverageGap gap : suite.coverageGaps()) {
            Diagnostic d = gap.toDiagnostic();
            add(out, new Finding(Check.TEST_COVERAGE, d.span(), d.message(), gap.rule().rule().rule().id()),
                    d.span().file());
        }
    }

    private void add(List<Finding> out, Finding f, String file) {
        if (config.runs(f.check(), f.ruleId(), file)) {
            out.add(f);
        }
    }
}
