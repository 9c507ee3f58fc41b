package dev.sigc.convert;

import dev.sigc.backend.Backend;
import dev.sigc.compile.CompiledRule;
import dev.sigc.compile.RuleCompiler;
import dev.sigc.diag.Diagnostic;
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.MappedRule;
import dev.sigc.pipeline.Pipeline;
import dev.sigc.pipeline.PipelineLoader;
import dev.sigc.pipeline.PipelineRunner;
import dev.sigc.rule.LoadResult;
import dev.sigc.rule.RuleLoader;
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

    /** One target: its backend and the pipelines to apply (the backend's bundled one, then the user's). */
    public record Target(Backend backend, PipelineRunner runner) {
        public static Target of(Backend backend, List<Pipeline> userPipelines) {
            List<Pipeline> all = new ArrayList<>();
            all.add(PipelineLoader.bundled(backend.defaultPipeline()));
            all.addAll(userPipelines);
            return new Target(backend, new PipelineRunner(backend.id(), all));
        }
    }

    /** A rule file's rules, compiled (or the diagnostics that stopped them). */
    public record Loaded(RuleFile file, List<CompiledRule> rules, List<Diagnostic> diagnostics) {}

    public record Result(List<Converted> outputs, List<Diagnostic> diagnostics, int rules) {
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
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
        List<Converted> outputs = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        int rules = 0;
        for (RuleFile f : files) {
            Loaded loaded = load(f);
            diags.addAll(loaded.diagnostics());
            rules += loaded.rules().size();
            for (int doc = 0; doc < loaded.rules().size(); doc++) {
                CompiledRule rule = loaded.rules().get(doc);
                for (Target t : targets) {
                    try {
                        MappedRule mapped = t.runner().apply(rule);
                        outputs.add(new Converted(f, t.backend().id(), t.backend().extension(), doc, mapped,
                                t.backend().render(mapped)));
                    } catch (SigcException e) {
                        diags.add(e.diagnostic());
                    }
                }
            }
        }
        return new Result(outputs, diags, rules);
    }
}
