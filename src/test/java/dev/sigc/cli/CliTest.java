package dev.sigc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    @Test
    void helpListsTheExitCodes() {
        CliRun run = CliRun.of("convert", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("2   usage error"), run.out());
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, CliRun.of("convert", "-t", "sql", "x.yml").exitCode());
        assertEquals(2, CliRun.of("convert", "x.yml").exitCode());
        assertEquals(2, CliRun.of("convert", "-t", "eql", "-f", "union", "x.yml").exitCode());
        assertEquals(2, CliRun.of("bogus").exitCode());
    }

    @Test
    void missingInputIsAnIoError() {
        CliRun run = CliRun.of("convert", "-t", "kql", dir.resolve("nope.yml").toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("no such file or folder"), run.err());
    }

    @Test
    void sameInputSameBytes() throws IOException {
        Path out1 = dir.resolve("a");
        Path out2 = dir.resolve("b");
        assertEquals(0, CliRun.of("convert", "-t", "kql,eql,spl", "-o", out1.toString(), "sigma-rules/t1552.005").exitCode());
        assertEquals(0, CliRun.of("convert", "-t", "spl,eql,kql", "-o", out2.toString(), "sigma-rules/t1552.005").exitCode());
        try (var files = Files.walk(out1)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertEquals(Files.readString(f), Files.readString(out2.resolve(out1.relativize(f))), f.toString());
            }
        }
    }

    @Test
    void aUserPipelineRenamesAField() throws IOException {
        Path rule = dir.resolve("r.yml");
        Files.writeString(rule, "title: r\nlogsource:\n    category: process_creation\ndetection:\n"
                + "    sel:\n        CommandLine|contains: meta-data\n    condition: sel\n");
        Path pipeline = dir.resolve("p.yml");
        Files.writeString(pipeline, "name: mine\ntransformations:\n  - type: field_name_mapping\n"
                + "    mapping:\n      ProcessCommandLine: InitiatingProcessCommandLine\n");
        CliRun run = CliRun.of("convert", "-t", "kql", "-p", pipeline.toString(), rule.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("DeviceProcessEvents\n| where InitiatingProcessCommandLine contains \"meta-data\"\n", run.out());
    }

    @Test
    void passThroughTurnsAnUnknownFieldIntoAWarning() {
        String rule = "src/test/resources/broken/unmapped-field.yml";
        assertEquals(1, CliRun.of("convert", "-t", "kql", rule).exitCode());
        CliRun run = CliRun.of("convert", "-t", "kql", "--pass-through-fields", rule);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("unmapped-field.yml:7:9: warning: kql: field 'ImagePath' is not a field of "
                + "DeviceProcessEvents in defender-xdr; used as written (--pass-through-fields)"), run.err());
        assertTrue(run.out().contains("ImagePath endswith \"\\\\curl.exe\""), run.out());
    }

    @Test
    void aBundledPipelineCanBeNamedAndAnUnknownOneIsAnIoError() {
        CliRun run = CliRun.of("convert", "-t", "kql", "-p", "kql-defender", "sigma-rules/t1552.005");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(3, CliRun.of("convert", "-t", "kql", "-p", "no-such-pipeline", "sigma-rules/t1552.005").exitCode());
    }

    @Test
    void capabilityTableIsPrinted() {
        CliRun run = CliRun.of("list", "capabilities");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("| construct | kql | eql | spl |\n"), run.out());
        assertTrue(run.out().contains("| `cidr-v6` "), run.out());
    }
}
