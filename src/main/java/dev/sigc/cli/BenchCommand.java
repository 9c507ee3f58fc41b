package dev.sigc.cli;

import dev.sigc.backend.Backend;
import dev.sigc.backend.Backends;
import dev.sigc.convert.Benchmark;
import dev.sigc.convert.Converter;
import dev.sigc.convert.RuleFiles;
import dev.sigc.diag.SigcException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Measures conversion speed on rule files: cold pass, warm rules per second per target and for all "
                + "targets together, peak heap. Outputs are not written.", footer = ExitCodes.HELP)
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-t", "--target"}, split = ",", defaultValue = "kql,eql,spl", paramLabel = "TARGET",
            description = "Target(s) to measure (default: all).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up passes before measuring (default 5).")
    int warmup;

    @Option(names = "--passes", defaultValue = "5", description = "Measured passes; the best is reported (default 5).")
    int passes;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or folders.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        List<Converter.Target> ts = new ArrayList<>();
        for (String t : targets) {
            Backend b = Backends.byId(t.trim()).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "unknown target '" + t + "'; choose from kql, eql, spl"));
            ts.add(Converter.Target.of(b, List.of()));
        }
        if (warmup < 0 || passes < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warmup must be >= 0 and --passes >= 1");
        }
        Benchmark.Report r;
        try {
            r = new Benchmark().run(RuleFiles.find(paths), ts, warmup, passes);
        } catch (SigcException e) {
            spec.commandLine().getErr().println(e.diagnostic().render());
            return ExitCodes.IO;
        }
        out.printf("files %d, rules %d, cores %d%n", r.files(), r.rules(), Runtime.getRuntime().availableProcessors());
        out.printf("cold pass (all targets, in-process, no output files): %.3f s%n", r.coldSeconds());
        out.printf("%-6s %12s %9s %9s %14s %11s %9s %14s %11s %11s%n", "target", "conversions", "attempts", "s/pass",
                "conversions/s", "attempts/s", "median-s", "median-conv/s", "cpu-s/pass", "gc-s/pass");
        for (Benchmark.Row row : r.rows()) {
            out.printf("%-6s %12d %9d %9.3f %14.0f %11.0f %9.3f %14.0f %11.3f %11.3f%n", row.targets(),
                    row.conversions(), row.attempts(), row.secondsPerPass(), row.conversionsPerSecond(),
                    row.attemptsPerSecond(), row.medianSecondsPerPass(), row.medianConversionsPerSecond(),
                    row.cpuSecondsPerPass(), row.gcSecondsPerPass());
        }
        out.printf("(conversions: rules that became a query; attempts: rules x targets, each a query or a one-line%n"
                + " error; s/pass: best of %d passes, and conversions/s, attempts/s at it; median-s, median-conv/s: at%n"
                + " the median pass; cpu-s/pass, gc-s/pass: mean per pass, all threads)%n", passes);
        out.printf("peak heap %.1f MB (max heap %.0f MB)%n", r.peakHeapBytes() / (1024.0 * 1024.0),
                Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
        return ExitCodes.OK;
    }
}
