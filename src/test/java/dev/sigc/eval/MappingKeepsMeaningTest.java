package dev.sigc.eval;

import static dev.sigc.eval.Gen.w;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.ast.And;
import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.Cidr;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.Not;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.Or;
import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.backend.Backend;
import dev.sigc.backend.Backends;
import dev.sigc.compile.CompiledRule;
import dev.sigc.compile.RuleCompiler;
import dev.sigc.convert.Converter;
import dev.sigc.convert.RuleFile;
import dev.sigc.convert.RuleFiles;
import dev.sigc.diag.Span;
import dev.sigc.pipeline.EventShape;
import dev.sigc.pipeline.Fields;
import dev.sigc.pipeline.MappedRule;
import dev.sigc.rule.RuleLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Mapping must not change meaning: for every target, a rule's verdict on an event (in Sigma field names)
 * equals the pipeline-mapped rule's verdict on the same event carried over by the same pipeline
 * ({@link EventTranslator}: fields renamed, a field mapped to several names present under each, the
 * conditions the pipeline adds met). Checked for the bundled pack's rules on events stitched from their own
 * values (so that they fire often), and for small generated rules over every leaf kind.
 *
 * <p>Plain seeded generation ({@link Gen}): the same cases every run, so CI is deterministic; change a seed
 * to explore. Keywords are not generated: no backend renders them, and a full-text search would also see
 * the fields a pipeline adds (Sysmon's {@code source}), which is target semantics rather than mapping.
 */
class MappingKeepsMeaningTest {
    private static final List<Backend> BACKENDS = Backends.all();

    private static final Map<String, List<String>> FIELDS = Map.of(
            "process_creation", List.of("Image", "CommandLine", "ParentImage", "ParentCommandLine", "User",
                    "OriginalFileName", "ProcessId", "ParentProcessId"),
            // no User: Defender's network table has no column holding Sysmon's DOMAIN\name, so KQL refuses it
            "network_connection", List.of("Image", "DestinationIp", "DestinationPort", "DestinationHostname",
                    "SourceIp", "SourcePort", "ProcessId"));
    private static final Set<String> NUMERIC = Set.of("ProcessId", "ParentProcessId", "DestinationPort", "SourcePort");
    private static final Set<String> ADDRESSES = Set.of("DestinationIp", "SourceIp");
    private static final List<String> IPS = List.of("10.1.2.3", "10.200.0.1", "169.254.169.254", "169.254.170.2",
            "fd00:ec2::254", "fd00:ec2:0:0:0:0:0:254", "::ffff:10.1.2.3", "not-an-ip");
    private static final List<String> NETWORKS = List.of("10.0.0.0/8", "10.1.0.0/16", "169.254.169.254/32",
            "fd00:ec2::254/128", "fd00::/8");
    private static final List<String> REGEXES = List.of("a.b", "^a", "b$", "A+", "[ab]{2}", "a|^b$", "^$", "\\\\a",
            "(?m)^b", "é", "1\\d");
    private static final List<String> TEXT = List.of("a", "b", "A", "é", "É", "/", "\\", ".", "10", "80", "true", "\n");

    private final List<Converter.Target> targets = BACKENDS.stream().map(b -> Converter.Target.of(b, List.of())).toList();
    private final Map<String, CompiledRule> bases = new java.util.HashMap<>();
    private int matches;
    private int cases;

    @Test
    void packRulesKeepTheirVerdictsOnEveryTarget() {
        List<CompiledRule> pack = new ArrayList<>();
        Converter c = new Converter();
        for (RuleFile f : RuleFiles.find(List.of(Path.of("sigma-rules/t1552.005")))) {
            pack.addAll(c.load(f).rules());
        }
        Gen g = new Gen(1552005);
        for (CompiledRule rule : pack) {
            Map<String, List<String>> vocabulary = vocabulary(rule.condition());
            for (int i = 0; i < 60; i++) {
                sameVerdict(rule, stitchedEvent(g, vocabulary));
            }
        }
        assertBothVerdictsCommon();
    }

    @Test
    void generatedRulesKeepTheirVerdictsOnEveryTarget() {
        Gen g = new Gen(20261123);
        for (int i = 0; i < 800; i++) {
            String category = g.oneOf(List.of("process_creation", "network_connection"));
            String product = g.oneOf(List.of("", "windows", "linux"));
            List<String> fields = FIELDS.get(category);
            CompiledRule rule = rule(category, product, expr(g, fields, 3));
            Map<String, Json> event = new LinkedHashMap<>();
            for (String f : fields) {
                value(g, f, TEXT).ifPresent(v -> event.put(f, v));
            }
            sameVerdict(rule, new Json.Obj(event));
        }
        assertBothVerdictsCommon();
    }

    private void sameVerdict(CompiledRule rule, Json.Obj event) {
        Evaluator sigma = Evaluator.of(rule.condition());
        boolean expected = sigma.matches(event);
        cases++;
        matches += expected ? 1 : 0;
        for (Converter.Target t : targets) {
            MappedRule mapped = t.runner().apply(rule);
            EventShape shape = t.runner().eventShape(rule);
            Json.Obj carried = EventTranslator.translate(event, shape);
            Evaluator target = Evaluator.of(mapped.condition());
            assertEquals(expected, target.matches(carried), () -> t.backend().id() + ": " + rule.rule().file() + " "
                    + rule.rule().logsource().describe() + "\nevent:   " + event.toText() + "\ncarried: " + carried.toText()
                    + "\nsigma:\n" + sigma.explain(event).render("  ") + "target:\n" + target.explain(carried).render("  "));
        }
    }

    private void assertBothVerdictsCommon() {
        assertTrue(matches > cases / 10 && matches < cases * 9 / 10,
                "too one-sided to show anything: " + matches + " matches in " + cases + " cases");
    }

    /** A rule with the given condition and logsource (the pipelines choose by logsource). */
    private CompiledRule rule(String category, String product, Expr condition) {
        CompiledRule base = bases.computeIfAbsent(category + "/" + product, k -> {
            String yaml = "title: generated\nlogsource:\n    category: " + category
                    + (product.isEmpty() ? "" : "\n    product: " + product)
                    + "\ndetection:\n    sel:\n        Image: x\n    condition: sel\n";
            return new RuleCompiler().compile(new RuleLoader().load("generated.yml", yaml).rules().get(0));
        });
        return new CompiledRule(base.rule(), condition, Map.of());
    }

    // ------------------------------------------------------------------ events

    /** Mostly strings of the rule's own words, so that conditions and their filters both fire often. */
    private static Json.Obj stitchedEvent(Gen g, Map<String, List<String>> vocabulary) {
        Map<String, Json> event = new LinkedHashMap<>();
        vocabulary.forEach((field, words) -> {
            if (words.isEmpty() || g.chance(0.3)) {
                value(g, field, words).ifPresent(v -> event.put(field, v));
            } else if (!g.chance(0.1)) {
                event.put(field, new Json.Str(String.join(g.oneOf(List.of("", " ", "/")),
                        g.list(1, 3, () -> g.oneOf(words)))));
            }
        });
        return new Json.Obj(event);
    }

    /** Absent, or a value built from {@code words} (a string of a few of them, a number, an address, null, an array). */
    private static Optional<Json> value(Gen g, String field, List<String> words) {
        return g.weighted(
                w(2, Optional::empty),
                w(7, () -> Optional.of(scalar(g, field, words))),
                w(1, () -> Optional.of(new Json.Arr(g.list(0, 3, () -> scalar(g, field, words))))));
    }

    private static Json scalar(Gen g, String field, List<String> words) {
        List<String> pool = new ArrayList<>(words);
        pool.addAll(List.of("x", "/", "\\", " ", "-"));
        return g.weighted(
                w(6, () -> new Json.Str(String.join("", g.list(0, 4, () -> {
                    String word = g.oneOf(pool);
                    return g.chance(0.2) ? word.toUpperCase(Locale.ROOT) : word;
                })))),
                w(NUMERIC.contains(field) ? 4 : 1, () -> Json.Num.of(g.oneOf(List.of(1, 80, 443, 8080)))),
                w(NUMERIC.contains(field) ? 2 : 0, () -> new Json.Str(g.oneOf(List.of("80", "443")))),
                w(ADDRESSES.contains(field) ? 6 : 0, () -> new Json.Str(g.oneOf(IPS))),
                w(1, () -> new Json.Bool(g.chance(0.5))),
                w(1, () -> Json.NULL));
    }

    /** Per field, the literal pieces the condition tests it with. */
    private static Map<String, List<String>> vocabulary(Expr condition) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String f : Fields.of(condition).keySet()) {
            out.put(f, new ArrayList<>());
        }
        out.putIfAbsent("User", new ArrayList<>());
        collect(condition, out);
        return out;
    }

    private static void collect(Expr e, Map<String, List<String>> out) {
        if (e instanceof And a) {
            a.terms().forEach(t -> collect(t, out));
        } else if (e instanceof Or o) {
            o.terms().forEach(t -> collect(t, out));
        } else if (e instanceof Not n) {
            collect(n.term(), out);
        } else if (e instanceof StringMatch s && s.field().isPresent()) {
            s.pattern().parts().stream().filter(p -> p instanceof SigmaString.Text)
                    .forEach(p -> out.get(s.field().get()).add(((SigmaString.Text) p).text()));
        } else if (e instanceof CidrMatch c) {
            out.get(c.field()).add(c.cidr().address());
        } else if (e instanceof NumberMatch n) {
            out.get(n.field()).add(n.text());
        } else if (e instanceof RegexMatch r) {
            out.get(r.field()).add(r.pattern().replaceAll("[\\\\^$()\\[\\]|?*+{}]", ""));
        }
    }

    // ------------------------------------------------------------------ rules

    private static Expr expr(Gen g, List<String> fields, int depth) {
        if (depth == 0) {
            return leaf(g, fields);
        }
        return g.weighted(
                w(4, () -> leaf(g, fields)),
                w(2, () -> Exprs.and(g.list(2, 3, () -> expr(g, fields, depth - 1)), Span.NONE)),
                w(2, () -> Exprs.or(g.list(2, 3, () -> expr(g, fields, depth - 1)), Span.NONE)),
                w(1, () -> Exprs.not(expr(g, fields, depth - 1), Span.NONE)));
    }

    private static Expr leaf(Gen g, List<String> fields) {
        String field = g.oneOf(fields);
        List<String> addressFields = fields.stream().filter(ADDRESSES::contains).toList();
        return g.weighted(
                w(6, () -> {
                    SigmaString p = g.chance(0.3) ? SigmaString.parse(g.oneOf(List.of("a*b", "?", "*", "a?", "1*", "\\*")))
                            : SigmaString.parse(String.join("", g.list(0, 3, () -> g.oneOf(TEXT))));
                    StrOp op = p.startsWithStar() || p.endsWithStar() ? StrOp.CONTAINS : g.oneOf(List.of(StrOp.values()));
                    return new StringMatch(Optional.of(field), op, p.stripOuterStars(), g.chance(0.3), Span.NONE);
                }),
                w(2, () -> {
                    Set<RegexFlag> flags = EnumSet.noneOf(RegexFlag.class);
                    for (RegexFlag f : RegexFlag.values()) {
                        if (g.chance(0.3)) {
                            flags.add(f);
                        }
                    }
                    return new RegexMatch(field, g.oneOf(REGEXES), flags, Span.NONE);
                }),
                w(2, () -> new CidrMatch(addressFields.isEmpty() ? field : g.oneOf(addressFields),
                        Cidr.parse(g.oneOf(NETWORKS)).orElseThrow(), Span.NONE)),
                w(2, () -> new NumberMatch(field, g.oneOf(List.of(CompareOp.values())),
                        BigDecimal.valueOf(g.oneOf(List.of(1, 80, 443))), Span.NONE)),
                w(1, () -> new BoolMatch(field, g.chance(0.5), Span.NONE)),
                w(1, () -> new NullMatch(field, Span.NONE)),
                w(1, () -> new ExistsMatch(field, g.chance(0.5), Span.NONE)));
    }
}
