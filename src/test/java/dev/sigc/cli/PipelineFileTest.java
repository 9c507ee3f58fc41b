package dev.sigc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's pipeline file (-p) with the transformations beyond renaming, as a user runs it. */
class PipelineFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path rule() throws IOException {
        return write("r.yml", """
                title: r
                logsource:
                    category: process_creation
                    product: windows
                detection:
                    sel:
                        CommandLine|contains: meta-data
                        Image|endswith: '\\curl.exe'
                    keywords:
                        - 'iam/security'
                    condition: sel or keywords
                """);
    }

    @Test
    void keywordFieldsMapStringAndReplaceStringChangeTheQuery() throws IOException {
        Path rule = rule();
        CliRun without = CliRun.of("convert", "-t", "kql", rule.toString());
        assertEquals(1, without.exitCode());
        assertTrue(without.err().startsWith(rule + ":10:11: error: kql: keyword (field-less) search is not supported"),
                without.err());
        Path pipeline = write("p.yml", """
                name: mine
                transformations:
                  - type: keyword_fields
                    fields: [ProcessCommandLine, InitiatingProcessCommandLine]
                  - type: map_string
                    mapping:
                      '*meta-data*': ['*meta-data*', '*169.254.169.254*']
                    field_name_conditions:
                      - type: include_fields
                        fields: [ProcessCommandLine]
                  - type: replace_string
                    regex: '^\\*\\\\'
                    replacement: '*'
                    field_name_conditions:
                      - type: include_fields
                        fields: [FolderPath]
                """);
        CliRun run = CliRun.of("convert", "-t", "kql", "-p", pipeline.toString(), rule.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("DeviceProcessEvents\n| where (ProcessCommandLine contains \"meta-data\" or ProcessCommandLine contains "
                + "\"169.254.169.254\") and FolderPath endswith \"curl.exe\" or ProcessCommandLine contains \"iam/security\" "
                + "or InitiatingProcessCommandLine contains \"iam/security\"\n", run.out());
    }

    @Test
    void aRuleFailureIsOneLineAtTheRule() throws IOException {
        Path rule = rule();
        Path pipeline = write("p.yml", """
                name: mine
                transformations:
                  - id: windows_only_on_linux_hosts
                    type: rule_failure
                    message: this workspace has no Windows process events
                    rule_conditions:
                      - type: logsource
                        product: windows
                """);
        CliRun run = CliRun.of("convert", "-t", "spl", "-p", pipeline.toString(), rule.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith(rule + ":3:5: error: spl: this workspace has no Windows process events "
                + "(rule_failure 'windows_only_on_linux_hosts' of pipeline mine, for logsource category=process_creation "
                + "product=windows)\n"), run.err());
    }

    @Test
    void aBadPipelineIsAnErrorAtItsPlace() throws IOException {
        Path pipeline = write("p.yml", "name: bad\ntransformations:\n  - type: replace_string\n    regex: '(a'\n"
                + "    replacement: b\n");
        CliRun run = CliRun.of("convert", "-t", "kql", "-p", pipeline.toString(), rule().toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith(pipeline + ":4:12: error: invalid regular expression: Unclosed group near index 2\n"),
                run.err());
    }

    @Test
    void ruleTestsRefuseRulesAStepChangedThatEventsCannotFollow() throws IOException {
        Path pipeline = write("p.yml", """
                name: mine
                transformations:
                  - id: imds
                    type: replace_string
                    regex: 'meta-data'
                    replacement: 'metadata'
                    field_name_conditions:
                      - type: include_fields
                        fields: [ProcessCommandLine]
                """);
        CliRun run = CliRun.of("test", "-t", "kql", "-p", pipeline.toString(), "sigma-rules/t1552.005");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("sigma-rules/t1552.005/proc-aws-imds-role-credentials-curl-wget.yml:18:5: error: "
                + "kql: rule tests cannot carry events through replace_string 'imds' of pipeline mine (" + pipeline
                + ":3:5), which changes this rule's items or values; test this rule without -t\n"), run.err());
        assertTrue(run.out().contains("PASS  t1552.005/proc-win-lolbin-imds-download"), run.out());
    }

    @Test
    void listPipelinesStillListsTheBundledOnes() {
        CliRun run = CliRun.of("list", "pipelines");
        assertEquals(0, run.exitCode(), run.err());
        for (String name : new String[] {"eql-ecs", "kql-defender", "kql-sentinel", "spl-sysmon"}) {
            assertTrue(run.out().contains(name + " "), run.out());
        }
    }
}
