package dev.sigc.cli;

import dev.sigc.backend.Backend;
import dev.sigc.backend.Backends;
import dev.sigc.convert.Converted;
import dev.sigc.convert.Converter;
import dev.sigc.convert.RuleFile;
import dev.sigc.convert.RuleFiles;
import dev.sigc.diag.Diagnostic;
import dev.sigc.diag.SigcException;
import dev.sigc.output.OutputWriter;
import dev.sigc.output.UnionPack;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Converts Sigma rules (files or folders) to queries.",
        footer = ExitCodes.HELP)
final class ConvertCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-t", "--target"}, split = ",", required = true, paramLabel = "TARGET",
            description = "Target(s): kql, eql, spl (repeat or separate with commas).")
    List<String> targets = new ArrayList<>();

    @Option(names = {"-f", "--format"}, defaultValue = "query", paramLabel = "FORMAT",
            description = "Output format: query (one query per rule, default) or union (KQL only: the whole pack as "
                    + "one union query).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Write files under DIR/<target>/<pack>/ instead of printing to standard output.")
    Path output;

    @Option(names = {"-p", "--pipeline"}, paramLabel = "FILE",
            description = "Extra pipeline applied after the target's bundled one (repeatable, in order): a file, or "
                    + "the name of a bundled pipeline such as kql-sentinel (see sigc list pipelines).")
    List<Path> pipelines = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "FILE",
            description = "Sigma meta-filter file: its condition is ANDed to the rules it names (repeatable).")
    List<Path> filterFiles = new ArrayList<>();

    @Option(names = "--lookback", defaultValue = "1d", paramLabel = "TIMESPAN",
            description = "With --format union: how far back the union query looks (a KQL timespan, default 1d).")
    String lookback;

    @Option(names = {"-x", "--debug"}, description = "Print stack traces of internal errors.")
    boolean debug;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or folders (searched for .yml/.yaml).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Backend> backends = new ArrayList<>();
        for (String t : targets) {
            Backend b = Backends.byId(t.trim()).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "unknown target '" + t + "'; choose from kql, eql, spl"));
            if (!backends.contains(b)) {
                backends.add(b);
            }
        }
        if (!format.equals("query") && !format.equals("union")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown format '" + format + "'; choose query or union");
        }
        if (format.equals("union") && !(backends.size() == 1 && backends.get(0).id().equals("kql"))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format union needs exactly -t kql");
        }
        if (!lookback.matches("[0-9]{1,6}(d|h|m|s)")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lookback must look like 1d, 12h, 30m or 90s");
        }
        List<Diagnostic> diags = new ArrayList<>();
        Converter.Result result;
        List<Converter.Target> converterTargets = new ArrayList<>();
        List<RuleFile> files;
        try {
            List<BundledPipelines.Choice> user = new ArrayList<>();
            for (Path p : pipelines) {
                BundledPipelines.Choice c = BundledPipelines.resolve(p);
                if (c.target().isPresent() && backends.stream().noneMatch(c::appliesTo)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "pipeline '" + p + "' is for target "
                            + c.target().get() + ", which is not among the targets (-t)");
                }
                user.add(c);
            }
            for (Backend b : backends) {
                converterTargets.add(Converter.Target.of(b,
                        user.stream().filter(c -> c.appliesTo(b)).map(BundledPipelines.Choice::pipeline).toList()));
            }
            files = RuleFiles.find(paths);
        } catch (SigcException e) {
            err.println(e.diagnostic().render());
            return e.diagnostic().code().equals("io") ? ExitCodes.IO : ExitCodes.RULE_ERRORS;
        }
        Converter converter = new Converter();
        var filters = converter.loadFilters(filterFiles, diags);
        if (diags.stream().anyMatch(Diagnostic::isError)) {
            diags.forEach(d -> err.println(d.render()));
            return ExitCodes.RULE_ERRORS;
        }
        result = converter.convert(files, converterTargets, filters);
        diags.addAll(result.diagnostics());
        Map<String, String> files2text = new LinkedHashMap<>();
        if (format.equals("union")) {
            if (!result.hasErrors()) {
                Map<String, List<Converted>> byPack = new LinkedHashMap<>();
                for (Converted c : result.outputs()) {
                    byPack.computeIfAbsent(c.file().pack(), k -> new ArrayList<>()).add(c);
                }
                byPack.forEach((pack, rules) -> files2text.put("kql/" + pack + ".union.kql",
                        UnionPack.render(pack, rules, lookback)));
            }
        } else {
            for (Converted c : result.outputs()) {
                files2text.put(c.target() + "/" + c.outputPath(), c.query().text() + "\n");
            }
        }
        for (Diagnostic d : diags) {
            err.println(d.render());
        }
        try {
            if (output != null) {
                OutputWriter.write(output, files2text);
            } else {
                boolean many = files2text.size() > 1;
                for (Map.Entry<String, String> e : files2text.entrySet()) {
                    if (many) {
                        out.println("==> " + e.getKey() + " <==");
                    }
                    out.print(e.getValue());
                    if (many) {
                        out.println();
                    }
                }
                out.flush(); // print() does not flush, and main() exits without closing System.out
            }
        } catch (IOException e) {
            err.println(output + ": error: cannot write output: " + e.getMessage());
            return ExitCodes.IO;
        }
        long errors = diags.stream().filter(Diagnostic::isError).count();
        err.printf("sigc: %d rule(s), %d target(s): %d quer%s written, %d error(s)%n", result.rules(), backends.size(),
                files2text.size(), files2text.size() == 1 ? "y" : "ies", errors);
        return errors > 0 ? ExitCodes.RULE_ERRORS : ExitCodes.OK;
    }
}
