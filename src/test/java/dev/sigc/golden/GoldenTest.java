package dev.sigc.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.sigc.backend.Backend;
import dev.sigc.backend.Backends;
import dev.sigc.convert.Converted;
import dev.sigc.convert.Converter;
import dev.sigc.convert.RuleFile;
import dev.sigc.convert.RuleFiles;
import dev.sigc.diag.Diagnostic;
import dev.sigc.pipeline.Pipeline;
import dev.sigc.pipeline.PipelineLoader;
import dev.sigc.output.FormatOptions;
import dev.sigc.output.FormatResult;
import dev.sigc.output.Formats;
import dev.sigc.output.OutputFile;
import dev.sigc.output.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every pack in sigma-rules/, on every target and in every output format, against golden/:
 * {@code golden/<target>/<pack>/<rule>.<ext>} for a query, or {@code <rule>.error} holding the diagnostics when
 * the target rejects the rule (allowed only in the conformance pack); and for the other packs each format's
 * files as {@code sigc convert -f <format> -o golden} writes them (golden/kql/<pack>.union.kql,
 * golden/sentinel/<pack>/<rule>.yaml, golden/ndjson/<pack>.ndjson, ...). A flavour, a target with a bundled
 * pipeline that replaces its default ({@link #FLAVOURS}), has its own folder ({@code golden/spl-cim/<pack>/}) with a
 * query or an error golden for every rule, since a flavour covers less. A golden without a rule fails too.
 */
class GoldenTest {
    static final Path RULES = Path.of("sigma-rules");
    /** Packs whose rules may be rejected by a target (with an error golden). */
    static final Set<String> MAY_FAIL = Set.of("conformance");
    /** Extra pipelines a pack is converted with. */
    static final Map<String, Path> PACK_PIPELINE = Map.of("conformance", Path.of("src/test/resources/conformance-pipeline.yml"));
    /**
     * Bundled pipelines a pack is converted with on one target, in every format: the flavour its goldens show
     * (the Windows event log pack reads WindowsEvent on kql).
     */
    static final Map<String, Map<String, String>> PACK_TARGET_PIPELINE =
            Map.of("windows-logs", Map.of("kql", "kql-sentinel-windowsevent"));

    /** Flavours: golden folder, target, the bundled pipeline given with -p, and the packs converted with it. */
    record Flavour(String folder, String target, String pipeline, Set<String> packs) {}

    static final List<Flavour> FLAVOURS = List.of(new Flavour("spl-cim", "spl", "spl-cim.yml", Set.of("t1552.005")));

    static List<Path> packs() throws IOException {
        try (Stream<Path> s = Files.list(RULES)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    static Converter.Result convert(Path pack, Backend backend) {
        List<Pipeline> extra = new ArrayList<>();
        if (PACK_PIPELINE.containsKey(pack.getFileName().toString())) {
            extra.add(PipelineLoader.file(PACK_PIPELINE.get(pack.getFileName().toString())));
        }
        extra.addAll(targetPipelines(pack, backend));
        return new Converter().convert(RuleFiles.find(List.of(pack)), List.of(Converter.Target.of(backend, extra)));
    }

    static List<Pipeline> targetPipelines(Path pack, Backend backend) {
        String name = PACK_TARGET_PIPELINE.getOrDefault(pack.getFileName().toString(), Map.of()).get(backend.id());
        return name == null ? List.of() : List.of(PipelineLoader.bundled(name + ".yml"));
    }

    @TestFactory
    List<DynamicTest> goldens() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Set<Path> expectedGoldens = new TreeSet<>();
        for (Path pack : packs()) {
            String packName = pack.getFileName().toString();
            List<RuleFile> files = RuleFiles.find(List.of(pack));
            for (Backend backend : Backends.all()) {
                Converter.Result result = convert(pack, backend);
                Map<String, List<Diagnostic>> errorsByFile = new TreeMap<>();
                for (Diagnostic d : result.diagnostics()) {
                    errorsByFile.computeIfAbsent(d.span().file(), k -> new ArrayList<>()).add(d);
                }
                if (!MAY_FAIL.contains(packName)) {
                    String errors = result.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
                    tests.add(dynamicTest(backend.id() + " " + packName + ": every rule converts", () -> assertEquals("", errors)));
                }
                for (Converted c : result.outputs()) {
                    Path golden = Golden.ROOT.resolve(backend.id()).resolve(c.outputPath());
                    expectedGoldens.add(golden);
                    tests.add(dynamicTest(backend.id() + " " + c.outputPath(), () -> Golden.check(golden, c.query().text() + "\n")));
                }
                if (MAY_FAIL.contains(packName)) {
                    for (RuleFile f : files) {
                        List<Diagnostic> errs = errorsByFile.get(f.path().toString().replace('\\', '/'));
                        if (errs == null) {
                            continue;
                        }
                        String stem = f.relative().replaceAll("\\.ya?ml$", "");
                        Path golden = Golden.ROOT.resolve(backend.id()).resolve(packName).resolve(stem + ".error");
                        expectedGoldens.add(golden);
                        String text = errs.stream().map(Diagnostic::render).collect(Collectors.joining("\n", "", "\n"));
                        tests.add(dynamicTest(backend.id() + " " + packName + "/" + stem + ".error", () -> Golden.check(golden, text)));
                    }
                }
            }
            if (!MAY_FAIL.contains(packName)) {
                formats(pack, tests, expectedGoldens);
            }
            for (Flavour flavour : FLAVOURS) {
                if (flavour.packs().contains(packName)) {
                    flavour(flavour, pack, files, tests, expectedGoldens);
                }
            }
        }
        List<Path> existing;
        try (Stream<Path> s = Files.exists(Golden.ROOT) ? Files.walk(Golden.ROOT) : Stream.empty()) {
            existing = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path g : existing) {
            tests.add(dynamicTest("golden has a rule: " + g, () -> {
                if (!expectedGoldens.contains(g)) {
                    if (Golden.updating()) {
                        Files.delete(g);
                    } else {
                        throw new AssertionError(g + " has no rule (or the rule now has the other outcome); "
                                + "delete it, or restore its rule");
                    }
                }
            }));
        }
        return tests;
    }

    /** A flavour's query or error golden for every rule of the pack. */
    private static void flavour(Flavour flavour, Path pack, List<RuleFile> files, List<DynamicTest> tests,
                                Set<Path> expectedGoldens) {
        String packName = pack.getFileName().toString();
        List<Pipeline> pipelines = List.of(PipelineLoader.bundled(flavour.pipeline()));
        Backend backend = Backends.byId(flavour.target()).orElseThrow();
        Converter.Result result = new Converter().convert(files, List.of(Converter.Target.of(backend, pipelines)));
        Path root = Golden.ROOT.resolve(flavour.folder());
        for (Converted c : result.outputs()) {
            Path golden = root.resolve(c.outputPath());
            expectedGoldens.add(golden);
            tests.add(dynamicTest(flavour.folder() + " " + c.outputPath(), () -> Golden.check(golden, c.query().text() + "\n")));
        }
        Map<String, List<Diagnostic>> errorsByFile = new TreeMap<>();
        for (Diagnostic d : result.diagnostics()) {
            errorsByFile.computeIfAbsent(d.span().file(), k -> new ArrayList<>()).add(d);
        }
        for (RuleFile f : files) {
            List<Diagnostic> errs = errorsByFile.get(f.path().toString().replace('\\', '/'));
            if (errs == null) {
                continue;
            }
            String stem = f.relative().replaceAll("\\.ya?ml$", "");
            Path golden = root.resolve(packName).resolve(stem + ".error");
            expectedGoldens.add(golden);
            String text = errs.stream().map(Diagnostic::render).collect(Collectors.joining("\n", "", "\n"));
            tests.add(dynamicTest(flavour.folder() + " " + packName + "/" + stem + ".error", () -> Golden.check(golden, text)));
        }
    }

    /** Every output format but the plain query (checked above, per target) over a pack that fully converts. */
    private static void formats(Path pack, List<DynamicTest> tests, Set<Path> expectedGoldens) {
        List<Converter.Target> targets = Backends.all().stream()
                .map(b -> Converter.Target.of(b, targetPipelines(pack, b))).toList();
        Converter.Result result = new Converter().convert(RuleFiles.find(List.of(pack)), targets);
        Map<String, String> flavoured = PACK_TARGET_PIPELINE.getOrDefault(pack.getFileName().toString(), Map.of());
        for (OutputFormat format : Formats.all()) {
            if (format.id().equals("query")) {
                continue;
            }
            // a pack made for one target's flavour is written in that target's formats only
            if (!flavoured.isEmpty() && format.target().map(t -> !flavoured.containsKey(t)).orElse(false)) {
                continue;
            }
            List<Converted> mine = result.outputs().stream()
                    .filter(c -> format.target().map(t -> t.equals(c.target())).orElse(true)).toList();
            FormatResult r = format.render(pack.getFileName().toString(), mine, FormatOptions.DEFAULT);
            String formatErrors = r.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
            tests.add(dynamicTest(format.id() + " " + pack.getFileName() + ": every rule is written",
                    () -> assertEquals("", formatErrors)));
            for (OutputFile f : r.files()) {
                Path golden = Golden.ROOT.resolve(f.path());
                expectedGoldens.add(golden);
                tests.add(dynamicTest(format.id() + " " + f.path(), () -> Golden.check(golden, f.text())));
            }
        }
    }
}
