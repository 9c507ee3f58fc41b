package dev.sigc.backend.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
}
