package dev.sigc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.backend.kql.KqlBackend;
import dev.sigc.convert.Converted;
import dev.sigc.convert.Converter;
import dev.sigc.convert.RuleFile;
import dev.sigc.convert.RuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnionPackTest {
    @TempDir
    Path dir;

    private void rule(String name, String table, String field, String values) throws IOException {
        Files.writeString(dir.resolve(name + ".yml"), "title: " + name + "\nid: " + name + "\nlevel: high\n"
                + "logsource:\n    category: " + table + "\ndetection:\n    sel:\n        " + field + ":\n" + values
                + "    condition: sel\n");
    }

    @Test
    void listsSharedByTwoRulesBecomeOneLetAndEachLegIsTagged() throws IOException {
        String agents = "            - 'a.exe'\n            - 'b.exe'\n";
        rule("one", "process_creation", "ParentImage", agents);
        rule("two", "network_connection", "Image", agents);
        rule("three", "process_creation", "Image", "            - 'c.exe'\n            - 'd.exe'\n");
        List<RuleFile> files = RuleFiles.find(List.of(dir));
        Converter.Result r = new Converter().convert(files, List.of(Converter.Target.of(new KqlBackend(), List.of())));
        List<Converted> out = r.outputs();
        String union = UnionPack.render("p", out, "12h");
        assertTrue(union.contains("let Lookback = 12h;\n"), union);
        assertTrue(union.contains("let InitiatingProcessFolderPathValues = dynamic([\"a.exe\", \"b.exe\"]);\n"), union);
        assertEquals(2, union.split("in~ \\(InitiatingProcessFolderPathValues\\)", -1).length - 1, union);
        assertTrue(union.contains("FolderPath in~ (\"c.exe\", \"d.exe\")"), "a list used once stays inline:\n" + union);
        assertEquals(3, union.split("\\| extend SigmaRuleTitle = ", -1).length - 1);
        assertTrue(union.endsWith("| sort by Timestamp desc\n"));
    }

    @Test
    void aPackOverDefenderAndSentinelTablesSortsByOneEventTime() throws IOException {
        rule("proc", "process_creation", "Image", "            - 'c.exe'\n");
        Files.writeString(dir.resolve("sec.yml"), "title: sec\nid: sec\nlevel: low\nlogsource:\n    product: windows\n"
                + "    service: security\ndetection:\n    sel:\n        EventID: 4688\n    condition: sel\n");
        var target = Converter.Target.of(new KqlBackend(),
                List.of(dev.sigc.pipeline.PipelineLoader.bundled("kql-sentinel.yml")));
        Converter.Result r = new Converter().convert(RuleFiles.find(List.of(dir)), List.of(target));
        assertEquals(List.of(), r.diagnostics());
        String union = UnionPack.render("p", r.outputs(), "1d");
        assertTrue(union.contains("    (DeviceProcessEvents\n    | where Timestamp > ago(Lookback)\n"), union);
        assertTrue(union.contains("    (SecurityEvent\n    | where TimeGenerated > ago(Lookback)\n"), union);
        assertTrue(union.contains("| extend EventTime = TimeGenerated, SigmaRuleTitle = \"sec\""), union);
        assertTrue(union.contains("| project EventTime, Timestamp, DeviceId"), union);
        assertTrue(union.endsWith("| sort by EventTime desc\n"), union);
    }

    @Test
    void aLegOverRawRecordsReadsItsFieldsAfterTheTimeFilter() throws IOException {
        Files.writeString(dir.resolve("aud.yml"), "title: aud\nid: aud\nlevel: low\nlogsource:\n    product: linux\n"
                + "    service: auditd\ndetection:\n    sel:\n        type: SYSCALL\n        comm: split\n    condition: sel\n");
        var target = Converter.Target.of(new KqlBackend(),
                List.of(dev.sigc.pipeline.PipelineLoader.bundled("kql-sentinel.yml")));
        Converter.Result r = new Converter().convert(RuleFiles.find(List.of(dir)), List.of(target));
        assertEquals(List.of(), r.diagnostics());
        String union = UnionPack.render("p", r.outputs(), "1d");
        String preamble = new KqlBackend().preamble(r.outputs().get(0).mapped()).replace("\n", "\n    ");
        assertTrue(preamble.startsWith("\n    | where SyslogMessage matches regex "), preamble);
        assertTrue(union.contains("    (Syslog\n    | where TimeGenerated > ago(Lookback)" + preamble
                + "\n    | where type =~ \"SYSCALL\" and comm =~ \"split\"\n"), union);
    }
}
