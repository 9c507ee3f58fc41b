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
import dev.sigc.output.UnionPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule of every pack in sigma-rules/, on every target, against golden/<target>/<pack>/<rule>.<ext>;
 * plus each pack's KQL union query against golden/kql/<pack>.union.kql. A golden without a rule fails too.
 */
class GoldenTest {
    private static final Path RULES = Path.of("sigma-rules");

    @TestFactory
    List<DynamicTest> goldens() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Set<Path> expectedGoldens = new TreeSet<>();
        List<Path> packs;
        try (Stream<Path> s = Files.list(RULES)) {
            packs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path pack : packs) {
            List<RuleFile> files = RuleFiles.find(List.of(pack));
            for (Backend backend : Backends.all()) {
                Converter.Result result = new Converter().convert(files, List.of(Converter.Target.of(backend, List.of())));
                String errors = result.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
                tests.add(dynamicTest(backend.id() + " " + pack.getFileName() + ": every rule converts",
                        () -> assertEquals("", errors)));
                for (Converted c : result.outputs()) {
                    Path golden = Golden.ROOT.resolve(backend.id()).resolve(c.outputPath());
                    expectedGoldens.add(golden);
                    tests.add(dynamicTest(backend.id() + " " + c.outputPath(), () -> Golden.check(golden, c.query().text() + "\n")));
                }
                if (backend.id().equals("kql")) {
                    Path golden = Golden.ROOT.resolve("kql").resolve(pack.getFileName() + ".union.kql");
                    expectedGoldens.add(golden);
                    tests.add(dynamicTest("kql union " + pack.getFileName(), () -> Golden.check(golden,
                            UnionPack.render(pack.getFileName().toString(), result.outputs(), "1d"))));
                }
            }
        }
        List<Path> existing;
        try (Stream<Path> s = Files.exists(Golden.ROOT) ? Files.walk(Golden.ROOT) : Stream.empty()) {
            existing = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path g : existing) {
            tests.add(dynamicTest("golden has a rule: " + g, () -> {
                if (!expectedGoldens.contains(g) && !Golden.updating()) {
                    throw new AssertionError(g + " has no rule in sigma-rules/ (delete it, or restore its rule)");
                }
            }));
        }
        return tests;
    }
}
