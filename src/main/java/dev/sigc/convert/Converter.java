package dev.sigc.convert;

import dev.sigc.backend.Backend;
import dev.sigc.compile.CompiledFilter;
import dev.sigc.compile.CompiledRule;
import dev.sigc.compile.RuleCompiler;
import dev.sigc.diag.Diagnostic;
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.MappedRule;
import dev.sigc.pipeline.Pipeline;
import dev.sigc.pipeline.PipelineLoader;
import dev.sigc.pipeline.PipelineRunner;
import dev.sigc.rule.LoadResult;
import dev.sigc.rule.FilterLoadResult;
import dev.sigc.rule.RuleLoader;
import dev.sigc.rule.SigmaFilter;
import dev.sigc.rule.SigmaRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The library entry point: files to queries for one or more targets. Every problem becomes a diagnostic;
 * a rule with an error on a target has no output for that target, and nothing else is lost.
 */
public final class Converter {
    private final RuleLoader loader = new RuleLoader();
    private final RuleCompiler compiler = new RuleCompiler();

    /**
     * One target: its backend and the pipelines to apply (the backend's bundled one, then the user's). A pipeline
     * whose {@code instead_of} names an earlier one (spl-cim names spl-sysmon) takes its place: the earlier one is
     * not applied at all.
     */
    public record Target(Backend backend, PipelineRunner runner) {
        public static Target of(Backend backend, List<Pipeline> userPipelines) {
            return of(backend, userPipelines, false);
        }

        /** With {@code passThrough}, a field the schema does not know is a warning instead of an error. */
        public static Target of(Backend backend, List<Pipeline> userPipelines, boolean passThrough) {
            List<Pipeline> given = new ArrayList<>();
            given.add(PipelineLoader.bundled(backend.defaultPipeline()));
            given.addAll(userPipelines);
            List<Pipeline> all = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                String name = given.get(i).name();
                if (given.subList(i + 1, given.size()).stream().noneMatch(later -> later.insteadOf().contains(name))) {
                    all.add(given.get(i));
                }
            }
            return new Target(backend, new PipelineRunner(backend.id(), all, passThrough));
        }
    }

    /** A rule file's rules, compiled (or the diagnostics that stopped them). */
    public record Loaded(RuleFile file, List<CompiledRule> rules, List<Diagnostic> diagnostics) {}

    /**
     * {@code diagnostics} holds every problem, including each rule a target could not convert; {@code unconverted}
     * lists those again with their rule and target, in file order, for callers that leave them out
     * ({@code --skip-unsupported}).
     */
    public record Result(List<Converted> outputs, List<Diagnostic> diagnostics, List<Unconverted> unconverted,
                         int rules) {
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    private record FileResult(List<Converted> outputs, List<Diagnostic> diagnostics, List<Unconverted> unconverted,
                              List<CompiledFilter> usedFilters, int rules) {}

    private FileResult convertFile(RuleFile f, List<Target> targets, List<CompiledFilter> filters) {
        List<Converted> outputs = new ArrayList<>();
        List<CompiledFilter> used = new ArrayList<>();
        List<Unconverted> unconverted = new ArrayList<>();
        Loaded loaded = load(f);
        List<Diagnostic> diags = new ArrayList<>(loaded.diagnostics());
        for (int doc = 0; doc < loaded.rules().size(); doc++) {
            CompiledRule rule = loaded.rules().get(doc);
            for (CompiledFilter filter : filters) {
                if (!filter.names(rule.rule())) {
                    continue;
                }
                used.add(filter);
                if (filter.logsourceFits(rule.rule())) {
                    rule = filter.applyTo(rule);
                } else {
                    diags.add(Diagnostic.warning("filter-logsource", filter.filter().span(), "filter '"
                            + filter.filter().title() + "' names rule '" + rule.rule().title()
                            + "' but its logsource does not fit the rule's (" + rule.rule().logsource().describe()
                            + "); not applied"));
                }
            }
            for (Target t : targets) {
                try {
                    MappedRule mapped = t.runner().apply(rule, diags);
                    outputs.add(new Converted(f, t.backend().id(), t.backend().extension(), doc, mapped,
                            t.backend().render(mapped)));
                } catch (SigcException e) {
                    diags.add(e.diagnostic());
                    unconverted.add(new Unconverted(f, doc, rule.rule(), t.backend().id(), java.util.Optional.empty(),
                            e.diagnostic()));
                }
            }
        }
        return new FileResult(outputs, diags, unconverted, used, loaded.rules().size());
    }

    public Loaded load(RuleFile file) {
        LoadResult lr = loader.load(file.path());
        List<Diagnostic> diags = new ArrayList<>(lr.diagnostics());
        List<CompiledRule> rules = new ArrayList<>();
        if (!lr.hasErrors()) {
            for (SigmaRule r : lr.rules()) {
                try {
                    rules.add(compiler.compile(r));
                } catch (SigcException e) {
                    diags.add(e.diagnostic());
                }
            }
        }
        // a file with an error gives no rule at all: half a file is a surprise
        return new Loaded(file, diags.stream().anyMatch(Diagnostic::isError) ? List.of() : rules, diags);
    }

    public Result convert(List<RuleFile> files, List<Target> targets) {
        return convert(files, targets, List.of());
    }

    /** Reads meta-filter files; problems go to {@code diagnostics}. */
    public List<CompiledFilter> loadFilters(List<java.nio.file.Path> paths, List<Diagnostic> diagnostics) {
        List<CompiledFilter> out = new ArrayList<>();
        for (java.nio.file.Path p : paths) {
            FilterLoadResult lr = loader.loadFilters(p);
            diagnostics.addAll(lr.diagnostics());
            for (SigmaFilter f : lr.filters()) {
                try {
                    out.add(compiler.compile(f));
                } catch (SigcException e) {
                    diagnostics.add(e.diagnostic());
                }
            }
        }
        return out;
    }

    /** Converts, ANDing each meta-filter to the rules it names (when their logsources fit). */
    public Result convert(List<RuleFile> files, List<Target> targets, List<CompiledFilter> filters) {
        // Files are independent: convert them on all cores, then put the results back in file order so the
        // output (and the order of diagnostics) is the same on every machine.
        List<FileResult> perFile = java.util.stream.IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> convertFile(files.get(i), targets, filters)).toList();
        List<Converted> outputs = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        List<Unconverted> unconverted = new ArrayList<>();
        java.util.Set<CompiledFilter> used = new java.util.HashSet<>();
        int rules = 0;
        for (FileResult r : perFile) {
            outputs.addAll(r.outputs());
            diags.addAll(r.diagnostics());
            unconverted.addAll(r.unconverted());
            used.addAll(r.usedFilters());
            rules += r.rules();
        }
        for (CompiledFilter f : filters) {
            if (!used.contains(f)) {
                diags.add(Diagnostic.warning("filter-unused", f.filter().rulesSpan(), "filter '" + f.filter().title()
                        + "' names no rule of this run (" + String.join(", ", f.filter().rules()) + ")"));
            }
        }
        return new Result(outputs, diags, unconverted, rules);
    }
}
