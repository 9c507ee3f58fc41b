package dev.sigc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each broken rule under src/test/resources/broken/ has its reviewed diagnostics in a {@code .expected}
 * file beside it: the exact lines sigc prints, exit code 1, and no output file written.
 */
class BrokenRulesTest {
    private static final Path DIR = Path.of("src/test/resources/broken");

    @TempDir
    Path out;

    @TestFactory
    List<DynamicTest> brokenRules() throws IOException {
        List<Path> rules;
        try (Stream<Path> s = Files.list(DIR)) {
            rules = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        return rules.stream().map(rule -> dynamicTest(rule.getFileName().toString(), () -> check(rule))).toList();
    }

    private void check(Path rule) throws IOException {
        Path outDir = out.resolve(rule.getFileName().toString());
        CliRun run = CliRun.of("convert", "-t", "kql,eql,spl", "-o", outDir.toString(), rule.toString());
        String diagnostics = run.err().lines().filter(l -> !l.startsWith("sigc: "))
                .collect(Collectors.joining("\n", "", "\n"));
        Path expectedFile = DIR.resolve(rule.getFileName().toString().replace(".yml", ".expected"));
        if (Boolean.parseBoolean(System.getProperty("sigc.golden.update", "false"))) {
            Files.writeString(expectedFile, diagnostics, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), diagnostics, "diagnostics of " + rule);
        assertEquals(1, run.exitCode(), "exit code for " + rule + "\n" + run.err());
        long written;
        try (Stream<Path> s = Files.exists(outDir) ? Files.walk(outDir) : Stream.empty()) {
            written = s.filter(Files::isRegularFile).count();
        }
        assertEquals(0, written, "a broken rule must write no output");
        for (String line : diagnostics.split("\n")) {
            if (!line.matches("src/test/resources/broken/[a-z-]+\\.yml:\\d+:\\d+: error: .+")) {
                throw new AssertionError("not a one-line file:line:col diagnostic: " + line);
            }
        }
    }
}
