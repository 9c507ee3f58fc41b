package dev.sigc.pipeline;

import dev.sigc.ast.Expr;
import dev.sigc.ast.Exprs;
import dev.sigc.compile.CompiledRule;
import dev.sigc.compile.RuleCompiler;
import dev.sigc.diag.Diagnostic;
import dev.sigc.diag.SigcException;
import dev.sigc.rule.DetectionItem;
import dev.sigc.rule.LogSource;
import dev.sigc.util.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Applies pipelines, in order, to a compiled rule for one target, then checks the result: every state
 * key a pipeline requires is set, and every field is one the schema knows. Immutable and thread-safe.
 */
public final class PipelineRunner {
    private final String target;
    private final List<Pipeline> pipelines;
    private final RuleCompiler compiler = new RuleCompiler();

    private final boolean passThrough;
    /** The last pipeline with a schema: its schema checks the mapped fields. */
    private final Optional<Pipeline> withSchema;
    private final java.util.concurrent.ConcurrentHashMap<String, List<Step>> applicable =
            new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The closest-name hint for an unknown field, by schema table and field. A corpus run asks for the same few
     * hundred unknown names thousands of times, each an edit-distance scan of a table of hundreds of names.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, String> hints =
            new java.util.concurrent.ConcurrentHashMap<>();

    public PipelineRunner(String target, List<Pipeline> pipelines) {
        this(target, pipelines, false);
    }

    /** With {@code passThrough}, a field the schema lacks is used as written and reported as a warning. */
    public PipelineRunner(String target, List<Pipeline> pipelines, boolean passThrough) {
        this.target = target;
        this.pipelines = List.copyOf(pipelines);
        this.passThrough = passThrough;
        this.withSchema = this.pipelines.stream().filter(p -> p.schema().isPresent()).reduce((a, b) -> b);
    }

    public List<Pipeline> pipelines() {
        return pipelines;
    }

    public MappedRule apply(CompiledRule compiled) {
        return apply(compiled, new ArrayList<>());
    }

    /** Applies the pipelines; warnings (e.g. passed-through fields) are added to {@code warnings}. */
    public MappedRule apply(CompiledRule compiled, List<Diagnostic> warnings) {
        LogSource ls = compiled.rule().logsource();
        Run run = run(compiled);
        Expr expr = run.expr();
        Map<String, String> state = run.state();
        for (Pipeline p : pipelines) {
            for (String key : p.requires()) {
                if (!state.containsKey(key)) {
                    throw new SigcException("unmapped-logsource", ls.span(), target + ": logsource " + ls.describe()
                            + " has no '" + key + "' in pipeline " + p.name()
                            + "; this target does not cover it yet (add a set_state transformation in a pipeline file with -p)");
                }
            }
        }
        Placeholders.unresolved(expr).ifPresent(leaf -> {
            String name = leaf.pattern().parts().stream().filter(x -> x instanceof dev.sigc.ast.SigmaString.Placeholder)
                    .map(x -> ((dev.sigc.ast.SigmaString.Placeholder) x).name()).findFirst().orElse("?");
            throw new SigcException("unresolved-placeholder", leaf.span(), target + ": placeholder '%" + name
                    + "%' has no values; define it under 'vars:' in a pipeline file with a value_placeholders "
                    + "transformation (-p)");
        });
        if (!run.added().isEmpty()) {
            List<Expr> terms = new ArrayList<>(run.added());
            terms.add(expr);
            expr = Exprs.and(terms, expr.span());
        }
        Map<String, String> origin = run.origin();
        Map<String, FieldType> types = checkFields(compiled, expr, state, origin, warnings);
        checkTimestamps(compiled, expr, types, origin);
        return new MappedRule(compiled.rule(), expr, state, types);
    }

    /** What the steps made of a rule, before the checks: its condition, state, added conditions, and the steps that changed it. */
    private record Run(Expr expr, Map<String, String> state, Map<String, String> origin, List<Expr> added,
                       List<Step> changed) {}

    private Run run(CompiledRule compiled) {
        LogSource ls = compiled.rule().logsource();
        Expr expr = compiled.condition();
        Map<String, String> state = new TreeMap<>();
        Map<String, String> origin = new LinkedHashMap<>(); // target field -> Sigma field, for messages
        List<Expr> added = new ArrayList<>();
        List<Step> changed = new ArrayList<>();
        for (Step step : steps(ls)) {
            Pipeline p = step.pipeline();
            Transformation t = step.transformation();
            Expr before = expr;
            if (t instanceof Transformation.FieldNameMapping m) {
                expr = rename(expr, m::targets, origin);
            } else if (t instanceof Transformation.FieldNameAffix a) {
                expr = rename(expr, a::targets, origin);
            } else if (t instanceof Transformation.SetState s) {
                state.put(s.key(), s.value());
            } else if (t instanceof Transformation.ValuePlaceholders v) {
                expr = expr.accept(new Placeholders(p.vars(), java.util.Set.copyOf(v.include()), v.fields()));
            } else if (t instanceof Transformation.AddCondition a) {
                for (DetectionItem item : a.items()) {
                    added.add(compiler.item(item));
                }
            } else if (t instanceof Transformation.DropDetectionItem d) {
                expr = new ItemDropper(leaf -> Leaves.chosen(d.fields(), leaf), what(step)).apply(expr);
            } else if (t instanceof Transformation.ReplaceString r) {
                expr = expr.accept(StringValues.replace(r, leaf -> Leaves.chosen(r.fields(), leaf), what(step)));
            } else if (t instanceof Transformation.MapString m) {
                Function<Expr, RuntimeException> unmapped = m.unmappedFailure().<Function<Expr, RuntimeException>>map(
                        msg -> leaf -> {
                            List<String> fields = Leaves.fields(leaf);
                            return new SigcException("pipeline-failure", leaf.span(), target + ": " + msg + " ("
                                    + (fields.isEmpty() ? "keyword" : "field '"
                                    + origin.getOrDefault(fields.get(0), fields.get(0)) + "'") + "; " + t.describe()
                                    + " of pipeline " + p.name() + ")");
                        }).orElse(null);
                expr = expr.accept(StringValues.map(m, leaf -> Leaves.chosen(m.fields(), leaf), unmapped));
            } else if (t instanceof Transformation.HashesFields h) {
                expr = expr.accept(new HashesFields(h, leaf -> Leaves.chosen(h.fields(), leaf), what(step),
                        (from, to) -> origin.putIfAbsent(to, origin.getOrDefault(from, from))));
            } else if (t instanceof Transformation.DetectionItemUnless u) {
                expr = expr.accept(new dev.sigc.ast.ExprRewriter() {
                    private Expr guarded(Expr node) {
                        List<Expr> unless = u.items().stream().map(compiler::item).toList();
                        return Exprs.and(List.of(node, Exprs.not(Exprs.or(unless, node.span()), node.span())),
                                node.span());
                    }

                    @Override
                    protected Expr leaf(Expr node) {
                        return Leaves.chosen(u.fields(), node) ? guarded(node) : node;
                    }

                    /** (a and not g) or (b and not g) is (a or b) and not g: one guard for a list of values. */
                    @Override
                    public Expr visitOr(dev.sigc.ast.Or node) {
                        boolean allChosen = node.terms().stream().allMatch(t -> !(t instanceof dev.sigc.ast.And
                                || t instanceof dev.sigc.ast.Or || t instanceof dev.sigc.ast.Not)
                                && Leaves.chosen(u.fields(), t));
                        return allChosen ? guarded(node) : super.visitOr(node);
                    }
                });
            } else if (t instanceof Transformation.KeywordFields k) {
                expr = expr.accept(new KeywordFields(k, what(step)));
            } else if (t instanceof Transformation.RuleFailure f) {
                throw new SigcException("pipeline-failure", ls.span(), target + ": " + f.message() + " ("
                        + t.describe() + " of pipeline " + p.name() + ", for logsource " + ls.describe() + ")");
            } else if (t instanceof Transformation.DetectionItemFailure f) {
                Optional<Expr> leaf = Leaves.first(expr, x -> Leaves.chosen(f.fields(), x));
                if (leaf.isPresent()) {
                    List<String> fields = Leaves.fields(leaf.get());
                    throw new SigcException("pipeline-failure", leaf.get().span(), target + ": " + f.message() + " ("
                            + (fields.isEmpty() ? "keyword" : "field '" + origin.getOrDefault(fields.get(0), fields.get(0))
                            + "'") + "; " + t.describe() + " of pipeline " + p.name() + ")");
                }
            }
            // change_logsource acts in steps(): it chooses which later steps apply
            if (expr != before) {
                changed.add(step);
            }
        }
        return new Run(expr, state, origin, added, changed);
    }

    /** {@code target: type 'id' of pipeline name}, to start a message about a step. */
    private String what(Step step) {
        return target + ": " + step.transformation().describe() + " of pipeline " + step.pipeline().name();
    }

    /** Renames fields, noting for messages which Sigma field each new name stands for. */
    private static Expr rename(Expr expr, java.util.function.Function<String, List<String>> targets,
                               Map<String, String> origin) {
        return expr.accept(new FieldRenamer(targets, (from, to) -> origin.putIfAbsent(to, origin.getOrDefault(from, from))));
    }

    /**
     * The renames and added conditions this target's pipelines apply to rules (and so events) of {@code ls}.
     * Without a rule to try them on, every step of a kind events cannot be carried through counts as unfollowed.
     */
    public EventShape eventShape(LogSource ls) {
        List<Step> steps = steps(ls);
        return shape(steps, steps.stream().filter(s -> unfollowable(s.transformation())).toList());
    }

    /**
     * The renames and added conditions this target's pipelines apply to this rule's events, and the steps that
     * changed the rule in a way an event cannot follow. Call it for a rule that {@link #apply} accepts.
     */
    public EventShape eventShape(CompiledRule compiled) {
        return shape(steps(compiled.rule().logsource()),
                run(compiled).changed().stream().filter(s -> unfollowable(s.transformation())).toList());
    }

    private static boolean unfollowable(Transformation t) {
        return t instanceof Transformation.DropDetectionItem || t instanceof Transformation.ReplaceString
                || t instanceof Transformation.MapString || t instanceof Transformation.KeywordFields
                || t instanceof Transformation.HashesFields || t instanceof Transformation.DetectionItemUnless;
    }

    private static EventShape shape(List<Step> steps, List<Step> unfollowed) {
        List<EventShape.Rename> renames = new ArrayList<>();
        List<DetectionItem> added = new ArrayList<>();
        for (Step s : steps) {
            Transformation t = s.transformation();
            if (t instanceof Transformation.FieldNameMapping m) {
                renames.add(m::targets);
            } else if (t instanceof Transformation.FieldNameAffix a) {
                renames.add(a::targets);
            } else if (t instanceof Transformation.AddCondition a) {
                added.addAll(a.items());
            }
        }
        List<String> why = unfollowed.stream().map(s -> s.transformation().describe() + " of pipeline "
                + s.pipeline().name() + " (" + s.transformation().span() + ")").toList();
        return new EventShape(renames, added, why);
    }

    /** A transformation with the pipeline it belongs to. */
    private record Step(Pipeline pipeline, Transformation transformation) {}

    /**
     * The steps that apply to a logsource, in order; a {@code change_logsource} changes the logsource the steps
     * after it see. Large pipelines have hundreds of steps and a corpus has a few hundred distinct logsources, so
     * the answer is memoised per logsource (a cache, safe to share across threads; it never changes what a rule
     * becomes).
     */
    private List<Step> steps(LogSource ls) {
        String key = ls.category().orElse("\u0000") + "\u0001" + ls.product().orElse("\u0000") + "\u0001"
                + ls.service().orElse("\u0000");
        return applicable.computeIfAbsent(key.toLowerCase(java.util.Locale.ROOT), k -> {
            List<Step> out = new ArrayList<>();
            LogSource seen = ls;
            for (Pipeline p : active(ls)) {
                for (Transformation t : p.transformations()) {
                    if (t.appliesTo(seen)) {
                        out.add(new Step(p, t));
                        if (t instanceof Transformation.ChangeLogsource c) {
                            seen = c.apply(seen);
                        }
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    /**
     * The pipelines whose transformations apply to rules of {@code ls}: all but those that a later pipeline
     * {@code replaces} when that pipeline maps {@code ls} (one of its transformations applies to it).
     */
    private List<Pipeline> active(LogSource ls) {
        java.util.Set<String> replaced = new java.util.HashSet<>();
        List<Pipeline> out = new ArrayList<>(pipelines);
        for (int i = pipelines.size() - 1; i >= 0; i--) {
            Pipeline p = pipelines.get(i);
            if (replaced.contains(p.name())) {
                out.remove(i);
            } else if (!p.replaces().isEmpty() && p.transformations().stream().anyMatch(t -> t.appliesTo(ls))) {
                replaced.addAll(p.replaces());
            }
        }
        return out;
    }

    /**
     * A target timestamp (Defender's Timestamp, ECS @timestamp, Splunk's _time) does not hold the text a
     * Sigma string or number was written against, so only the time modifiers, exists and null may test it.
     */
    private void checkTimestamps(CompiledRule compiled, Expr expr, Map<String, FieldType> types, Map<String, String> origin) {
        if (!types.containsValue(FieldType.DATETIME)) {
            return; // types holds every field the rule uses: none is a timestamp, so the walk below cannot object
        }
        expr.accept(new dev.sigc.ast.ExprRewriter() {
            @Override
            protected Expr leaf(Expr node) {
                if (node instanceof dev.sigc.ast.TimePartMatch || node instanceof dev.sigc.ast.ExistsMatch
                        || node instanceof dev.sigc.ast.NullMatch) {
                    return node;
                }
                for (Map.Entry<String, Expr> e : Fields.of(node).entrySet()) {
                    if (types.get(e.getKey()) == FieldType.DATETIME) {
                        String sigma = origin.getOrDefault(e.getKey(), e.getKey());
                        throw new SigcException("timestamp-field", node.span(), target + ": field '" + sigma + "'"
                                + (sigma.equals(e.getKey()) ? "" : " (mapped to '" + e.getKey() + "')")
                                + " is a timestamp on this target, not the text the rule compares; use a time modifier "
                                + "(minute, hour, day, week, month, year) or exists/null");
                    }
                }
                return node;
            }
        });
    }

    /** The first of the pipeline's schema table names that is set (a loop, not a stream: it runs for every rule). */
    private static String schemaTable(Pipeline p, Map<String, String> state) {
        for (String t : p.schemaTable()) {
            String name = t.startsWith("state:") ? state.getOrDefault(t.substring(6), "") : t;
            if (!name.isEmpty()) {
                return name;
            }
        }
        return "";
    }

    private Map<String, FieldType> checkFields(CompiledRule compiled, Expr expr, Map<String, String> state,
                                               Map<String, String> origin, List<Diagnostic> warnings) {
        Map<String, FieldType> types = new TreeMap<>();
        if (withSchema.isEmpty()) {
            return types;
        }
        Pipeline p = withSchema.get();
        Schema schema = p.schema().orElseThrow();
        String tableName = schemaTable(p, state);
        Map<String, FieldType> table = schema.table(tableName).orElseThrow(() -> new SigcException("unmapped-logsource",
                compiled.rule().logsource().span(), target + ": schema " + schema.name() + " has no table '" + tableName
                + "' for logsource " + compiled.rule().logsource().describe()));
        for (Map.Entry<String, Expr> e : Fields.of(expr).entrySet()) {
            String field = e.getKey();
            // 'Column.name' is a member of a dynamic column; the column's type tells the backend so
            int dot = field.indexOf('.');
            if (dot > 0 && table.get(field.substring(0, dot)) == FieldType.DYNAMIC) {
                types.put(field.substring(0, dot), FieldType.DYNAMIC);
            }
            FieldType type = table.get(field);
            if (type == null) {
                String sigma = origin.getOrDefault(field, field);
                dev.sigc.diag.Span at = compiled.fieldSpans().containsKey(sigma) ? compiled.spanOf(sigma) : e.getValue().span();
                String what = target + ": field '" + sigma + "'" + (sigma.equals(field) ? "" : " (mapped to '" + field + "')")
                        + " is not a field of " + tableName + " in " + schema.name();
                if (passThrough) {
                    warnings.add(Diagnostic.warning("unknown-field", at, what + "; used as written (--pass-through-fields)"));
                    continue;
                }
                String hint = hints.computeIfAbsent(schema.name() + '\0' + tableName + '\0' + field, k -> Text.closest(
                        field, table.keySet()).map(s -> " (closest: '" + s + "')").orElse(""));
                throw new SigcException("unmapped-field", at, what + hint
                        + "; map it with a field_name_mapping in a pipeline file (-p), or pass --pass-through-fields");
            }
            types.put(field, type);
        }
        return types;
    }
}
