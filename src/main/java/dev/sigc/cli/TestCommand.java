package dev.sigc.cli;

import dev.sigc.backend.Backend;
import dev.sigc.backend.Backends;
import dev.sigc.convert.Converter;
import dev.sigc.diag.Diagnostic;
import dev.sigc.diag.SigcException;
import dev.sigc.eval.RuleTestRunner;
import dev.sigc.eval.RuleTestSuite;
import dev.sigc.eval.RuleTests;
import dev.sigc.eval.TestReport;
import dev.sigc.eval.TestReportJson;
import dev.sigc.eval.TestReportJunit;
import dev.sigc.eval.TestReportText;
import dev.sigc.pipeline.Pipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs rule tests: each rule against the events in the tests/ folder beside it (or above it), "
                + "expecting the verdict a fixture lists for the rule, and no match where it lists none. A fixture is "
                + "tests/<scenario>.json: {\"description\", \"logsource\", \"event\", \"expect\": {\"<rule>\": true|false}}.",
        footer = TestCommand.EXIT_CODES)
final class TestCommand implements Callable<Integer> {
    static final String EXIT_CODES = "%nExit codes:%n"
            + "  0   every case passed (warnings, e.g. a rule without fixtures, allowed)%n"
            + "  1   a case failed, or a rule, fixture or pipeline has an error%n"
            + "  2   usage error (bad option or argument)%n"
            + "  3   input/output error (cannot read a file or folder)%n"
            + "  70  internal error (a bug in sigc; rerun with -x for the stack trace)%n";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
            description = "Report format: text (default), json, or junit (JUnit XML for CI test reporters).")
    String format;

    @Option(names = {"-t", "--target"}, paramLabel = "TARGET",
            description = "Test the rules as mapped for kql, eql or spl: each rule through the target's pipelines,"
                    + " each event renamed to the target's fields the same way.")
    String target;

    @Option(names = {"-p", "--pipeline"}, paramLabel = "FILE",
            description = "With --target: extra pipeline file applied after the bundled one (repeatable, in order).")
    List<Path> pipelines = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Text format: list every case, passed ones too.")
    boolean verbose;

    @Option(names = {"-x", "--debug"}, description = "Print stack traces of internal errors.")
    boolean debug;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or folders (searched for .yml/.yaml).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("text", "json", "junit").contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown format '" + format + "'; choose text, json or junit");
        }
        Optional<Backend> backend = Optional.empty();
        if (target != null) {
            backend = Optional.of(Backends.byId(target.trim()).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "unknown target '" + target + "'; choose from kql, eql, spl")));
        } else if (!pipelines.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pipeline needs --target");
        }
        RuleTestSuite suite;
        Optional<Converter.Target> mapped = Optional.empty();
        try {
            if (backend.isPresent()) {
                List<Pipeline> user = new ArrayList<>();
                for (Path p : pipelines) {
                    BundledPipelines.Choice c = BundledPipelines.resolve(p);
                    if (c.appliesTo(backend.get())) {
                        user.add(c.pipeline());
                    }
                }
                mapped = Optional.of(Converter.Target.of(backend.get(), user));
            }
            suite = RuleTests.load(paths);
        } catch (SigcException e) {
            err.println(e.diagnostic().render());
            return e.diagnostic().code().equals("io") ? ExitCodes.IO : ExitCodes.RULE_ERRORS;
        }
        TestReport report = RuleTestRunner.run(suite, mapped);
        for (Diagnostic d : report.diagnostics()) {
            err.println(d.render());
        }
        out.print(switch (format) {
            case "json" -> TestReportJson.render(report);
            case "junit" -> TestReportJunit.render(report);
            default -> TestReportText.render(report, verbose);
        });
        out.flush();
        if (report.diagnostics().stream().anyMatch(d -> d.code().equals("io"))) {
            return ExitCodes.IO;
        }
        return report.ok() ? ExitCodes.OK : ExitCodes.RULE_ERRORS;
    }
}
