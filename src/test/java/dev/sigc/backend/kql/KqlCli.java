package dev.sigc.backend.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Writes a test's rules under {@code DIR/in} (one file per rule, numbered) and converts each to KQL with the CLI,
 * as a user would; the KQL pipeline tests share it.
 */
final class KqlCli {
    private final Path dir;
    private final String header;
    private final List<String> options;
    private int rules;

    /** {@code header}: YAML lines every rule starts with; {@code options}: convert options before the call's own. */
    KqlCli(Path dir, String header, String... options) {
        this.dir = dir;
        this.header = header;
        this.options = List.of(options);
    }

    /** Converts one rule (logsource and detection lines of YAML) to KQL with the given extra arguments. */
    CliRun convert(String logsource, String detection, String... args) throws IOException {
        Path rule = dir.resolve("in").resolve("rule" + rules++ + ".yml");
        Files.createDirectories(rule.getParent());
        Files.writeString(rule, header + "logsource:\n" + logsource.indent(4) + "detection:\n" + detection.indent(4));
        List<String> all = new ArrayList<>(List.of("convert", "-t", "kql"));
        all.addAll(options);
        all.addAll(List.of(args));
        all.add(rule.toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    static void emits(String expected, CliRun run) {
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(expected + "\n", run.out());
    }

    static void stops(String message, CliRun run) {
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains(message), run.err());
    }

    /** The Kusto.Language checker; the calling test is skipped when {@code tools/kql-check} is not installed. */
    static Path checkTool() {
        Path tool = Path.of("tools", "kql-check", "check.js");
        Assumptions.assumeTrue(Files.isRegularFile(tool) && Files.isDirectory(tool.resolveSibling("node_modules")),
                "tools/kql-check is not installed");
        return tool;
    }

    /** What the checker said, and how many query files it read. */
    record Checked(String output, int files) {}

    /** Checks every {@code .kql} file under {@code out} against the schema and asserts that all parse and bind. */
    static Checked assertBind(Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("node", checkTool().toString(), "--schema",
                "src/main/resources/schemas/defender-xdr.json"));
        int fixed = cmd.size();
        try (Stream<Path> files = Files.walk(out)) {
            files.filter(f -> f.toString().endsWith(".kql")).map(Path::toString).sorted().forEach(cmd::add);
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "kql-check timed out");
        assertEquals(0, p.exitValue(), "Kusto.Language found errors:\n" + output);
        return new Checked(output, cmd.size() - fixed);
    }
}
