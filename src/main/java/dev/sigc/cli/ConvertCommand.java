package dev.sigc.cli;

import dev.sigc.attack.AttackData;
import dev.sigc.backend.Backend;
import dev.sigc.backend.Backends;
import dev.sigc.convert.Converted;
import dev.sigc.convert.Converter;
import dev.sigc.convert.RuleFile;
import dev.sigc.convert.RuleFiles;
import dev.sigc.convert.Unconverted;
import dev.sigc.diag.Diagnostic;
import dev.sigc.diag.SigcException;
import dev.sigc.output.FormatOptions;
import dev.sigc.output.FormatResult;
import dev.sigc.output.Formats;
import dev.sigc.output.OutputFile;
import dev.sigc.output.OutputFormat;
import dev.sigc.output.OutputTree;
import dev.sigc.pipeline.Pipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Converts Sigma rules (files or folders) to queries, or to rule files of a platform.",
        footer = ExitCodes.HELP)
final class ConvertCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-t", "--target"}, split = ",", paramLabel = "TARGET",
            description = "Target(s): kql, eql, spl (repeat or separate with commas). Optional when every format "
                    + "implies its target (all but query).")
    List<String> targets = new ArrayList<>();

    @Option(names = {"-f", "--format"}, split = ",", defaultValue = "query", paramLabel = "FORMAT",
            description = "Output format(s), see 'sigc list formats': query (default), union (kql), sentinel (kql), "
                    + "arm (kql), elastic-toml (eql), ndjson (eql), savedsearches (spl).")
    List<String> formats = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Write the files, and manifest.json, as the new content of DIR instead of printing them. "
                    + "All or nothing: on any error DIR is left as it was.")
    Path output;

    @Option(names = {"-p", "--pipeline"}, paramLabel = "PIPELINE",
            description = "Extra pipeline applied after the target's bundled one: a file, or the name of a bundled "
                    + "pipeline (repeatable, in order; see 'sigc list pipelines').")
    List<String> pipelines = new ArrayList<>();

    @Option(names = "--pass-through-fields",
            description = "A field the target's schema does not know is a warning (used as written) instead of an error.")
    boolean passThrough;

    @Option(names = "--skip-unsupported",
            description = "A valid rule that a target or output format cannot take (unmapped logsource or field, a "
                    + "construct the target cannot express exactly) is left out with a warning instead of failing "
                    + "the run; manifest.json lists it under 'skipped'. Broken rules still fail.")
    boolean skipUnsupported;

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
        List<OutputFormat> chosen = new ArrayList<>();
        for (String f : new LinkedHashSet<>(formats)) {
            chosen.add(Formats.byId(f.trim()).orElseThrow(() -> usage("unknown format '" + f + "'; choose from "
                    + Formats.all().stream().map(OutputFormat::id).collect(Collectors.joining(", ")))));
        }
        List<Backend> backends = backends(chosen);
        if (!lookback.matches("[0-9]{1,6}(d|h|m|s)")) {
            throw usage("--lookback must look like 1d, 12h, 30m or 90s");
        }
        List<Converter.Target> converterTargets = new ArrayList<>();
        Map<String, List<String>> pipelineNames = new LinkedHashMap<>();
        List<RuleFile> files;
        try {
            List<BundledPipelines.Choice> user = new ArrayList<>();
            for (String p : pipelines) {
                BundledPipelines.Choice c = BundledPipelines.resolve(Path.of(p));
                if (c.target().isPresent() && backends.stream().noneMatch(c::appliesTo)) {
                    throw usage("pipeline '" + p + "' is for target " + c.target().get() + ", which is not among the targets (-t)");
                }
                user.add(c);
            }
            // Loading a target's bundled pipeline and schema takes a good part of a short run: load them on all
            // cores (the order of the targets is kept).
            converterTargets.addAll(backends.parallelStream().map(b -> Converter.Target.of(b,
                    user.stream().filter(c -> c.appliesTo(b)).map(BundledPipelines.Choice::pipeline).toList(), passThrough))
                    .toList());
            for (Converter.Target t : converterTargets) {
                pipelineNames.put(t.backend().id(), t.runner().pipelines().stream().map(Pipeline::name).toList());
            }
            files = RuleFiles.find(paths);
        } catch (SigcException e) {
            err.println(e.diagnostic().render());
            return e.diagnostic().code().equals("io") ? ExitCodes.IO : ExitCodes.RULE_ERRORS;
        }
        Converter converter = new Converter();
        List<Diagnostic> diags = new ArrayList<>();
        var filters = converter.loadFilters(filterFiles, diags);
        if (diags.stream().anyMatch(Diagnostic::isError)) {
            diags.forEach(d -> err.println(d.render()));
            return ExitCodes.RULE_ERRORS;
        }
        Converter.Result result = converter.convert(files, converterTargets, filters);
        diags.addAll(result.diagnostics());
        List<OutputFile> written = new ArrayList<>();
        List<Unconverted> unsupported = new ArrayList<>(result.unconverted());
        FormatOptions options = new FormatOptions(lookback);
        for (OutputFormat format : chosen) {
            List<Converted> mine = result.outputs().stream()
                    .filter(c -> format.target().map(t -> t.equals(c.target())).orElse(true)).toList();
            Formats.byPack(mine).forEach((pack, rules) -> {
                FormatResult r = format.render(pack, rules, options);
                written.addAll(r.files());
                diags.addAll(r.diagnostics());
                unsupported.addAll(r.rejected());
            });
        }
        if (skipUnsupported) {
            // the outputs already leave these rules out; their errors become warnings that say so
            Map<Diagnostic, Unconverted> byProblem = new java.util.HashMap<>();
            unsupported.forEach(u -> byProblem.putIfAbsent(u.diagnostic(), u));
            diags.replaceAll(d -> byProblem.containsKey(d) ? byProblem.get(d).asSkipped() : d);
        }
        for (Diagnostic d : diags) {
            err.println(d.render());
        }
        long errors = diags.stream().filter(Diagnostic::isError).count();
        String what;
        try {
            if (output != null) {
                if (errors > 0) {
                    what = "nothing written to " + output + " (it is left as it was)";
                } else {
                    Map<String, String> tree = OutputTree.build(written, pipelineNames, Version.get(),
                            AttackData.bundled().version(),
                            skipUnsupported ? java.util.Optional.of(unsupported) : java.util.Optional.empty());
                    OutputTree.replace(output, tree);
                    what = written.size() + " file(s) and " + OutputTree.MANIFEST + " written to " + output;
                }
            } else {
                print(out, written);
                what = written.size() + " file(s) printed";
            }
        } catch (IOException | UncheckedIOException e) {
            err.println(output + ": error: cannot write output: " + e.getMessage());
            return ExitCodes.IO;
        }
        err.printf("sigc: %d rule(s), %d target(s), format %s: %s, %d error(s)%s%n", result.rules(), backends.size(),
                chosen.stream().map(OutputFormat::id).collect(Collectors.joining(",")), what, errors,
                skipUnsupported ? ", " + unsupported.size() + " skipped (--skip-unsupported)" : "");
        return errors > 0 ? ExitCodes.RULE_ERRORS : ExitCodes.OK;
    }

    /** The targets to compile for: those given, checked against the formats, or those the formats imply. */
    private List<Backend> backends(List<OutputFormat> chosen) {
        Set<String> ids = new LinkedHashSet<>();
        for (String t : targets) {
            Backend b = Backends.byId(t.trim()).orElseThrow(() -> usage("unknown target '" + t
                    + "'; choose from kql, eql, spl"));
            ids.add(b.id());
        }
        boolean anyTarget = chosen.stream().anyMatch(f -> f.target().isEmpty());
        if (ids.isEmpty()) {
            if (anyTarget) {
                throw usage("-t/--target is required with --format query (choose from kql, eql, spl)");
            }
            chosen.forEach(f -> ids.add(f.target().orElseThrow()));
        }
        for (OutputFormat f : chosen) {
            if (f.target().isPresent() && !ids.contains(f.target().get())) {
                throw usage("--format " + f.id() + " needs -t " + f.target().get());
            }
        }
        for (String id : ids) {
            if (!anyTarget && chosen.stream().noneMatch(f -> f.target().orElseThrow().equals(id))) {
                throw usage("-t " + id + " has no format among " + chosen.stream().map(OutputFormat::id)
                        .collect(Collectors.joining(", ")) + " (add -f query for its queries)");
            }
        }
        return ids.stream().map(id -> Backends.byId(id).orElseThrow()).toList();
    }

    private static void print(PrintWriter out, List<OutputFile> files) {
        boolean many = files.size() > 1;
        for (OutputFile f : files) {
            if (many) {
                out.println("==> " + f.path() + " <==");
            }
            out.print(f.text());
            if (many) {
                out.println();
            }
        }
        out.flush(); // print() does not flush, and a single query ends without println
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
