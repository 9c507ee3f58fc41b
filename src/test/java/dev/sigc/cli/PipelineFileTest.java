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
        return processRule("""
                    sel:
                        CommandLine|contains: meta-data
                        Image|endswith: '\\curl.exe'
                    keywords:
                        - 'iam/security'
                    condition: sel or keywords
                """);
    }

    /** A Windows process_creation rule with this detection (indented as under 'detection:'). */
    private Path processRule(String detection) throws IOException {
        return write("r.yml", """
                title: r
                logsource:
                    category: process_creation
                    product: windows
                detection:
                """ + detection);
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

    private static final String SHA256 = "B5ACF14CDAC40BE590318DEE95425D0746E85B1B7B1CBD14DA66F21F2522BF4D";

    @Test
    void hashesFieldsInAUserPipelineAndTheBundledOnes() throws IOException {
        Path deleted = write("d.yml", """
                title: d
                logsource:
                    category: file_delete
                    product: windows
                detection:
                    sel:
                        Hashes|contains: 'SHA256=%s'
                    condition: sel
                """.formatted(SHA256));
        CliRun without = CliRun.of("convert", "-t", "kql", deleted.toString());
        assertEquals(1, without.exitCode());
        assertTrue(without.err().contains("field 'Hashes' is not a field of DeviceFileEvents"), without.err());
        Path pipeline = write("p.yml", """
                name: mine
                transformations:
                  - type: hashes_fields
                    algorithms: {SHA256: SHA256, SHA1: SHA1, MD5: MD5}
                    field_name_conditions:
                      - type: include_fields
                        fields: [Hashes]
                    rule_conditions:
                      - type: logsource
                        category: file_delete
                """);
        CliRun run = CliRun.of("convert", "-t", "kql", "-p", pipeline.toString(), deleted.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().endsWith("SHA256 =~ \"" + SHA256.toLowerCase() + "\"\n"), run.out());

        Path process = write("r.yml", """
                title: r
                logsource:
                    category: process_creation
                    product: windows
                detection:
                    sel:
                        Hashes|contains:
                            - 'SHA256=%s'
                            - 'IMPHASH=0123456789ABCDEF0123456789ABCDEF'
                    condition: sel
                """.formatted(SHA256));
        CliRun eql = CliRun.of("convert", "-t", "eql", process.toString());
        assertEquals(0, eql.exitCode(), eql.err());
        assertEquals("process where event.type : \"start\" and (process.hash.sha256 : \"" + SHA256.toLowerCase()
                + "\" or process.pe.imphash : \"0123456789abcdef0123456789abcdef\")\n", eql.out());
        CliRun kql = CliRun.of("convert", "-t", "kql", process.toString());
        assertEquals(1, kql.exitCode());
        assertTrue(kql.err().startsWith(process + ":9:15: error: kql: hashes_fields 'hashes_device' of pipeline "
                + "kql-defender: value '*IMPHASH=0123456789ABCDEF0123456789ABCDEF*' of Hashes is an IMPHASH hash, and "
                + "this step maps no field for IMPHASH (Defender XDR has no imphash column); mapped: MD5, SHA1, SHA256"),
                kql.err());
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
        assertTrue(run.err().startsWith(pipeline + ":4:12: error: invalid regular expression: Unclosed group near index 2; fix the pattern (Java regular expression syntax)\n"),
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
    void insteadOfTakesTheDefaultPipelinesPlace() throws IOException {
        Path rule = processRule("""
                    sel:
                        CommandLine|contains: meta-data
                    condition: sel
                """);
        CliRun after = CliRun.of("convert", "-t", "spl", "-p", write("after.yml", """
                name: after
                transformations:
                  - {type: field_name_mapping, mapping: {CommandLine: cmd}}
                """).toString(), rule.toString());
        // after spl-sysmon, whose schema (checked last) has no field 'cmd'
        assertEquals(1, after.exitCode(), after.out());
        assertTrue(after.err().contains("field 'CommandLine' (mapped to 'cmd') is not a field of process_creation"),
                after.err());
        CliRun instead = CliRun.of("convert", "-t", "spl", "-p", write("instead.yml", """
                name: instead
                instead_of: [spl-sysmon]
                transformations:
                  - {type: field_name_mapping, mapping: {CommandLine: cmd}}
                """).toString(), rule.toString());
        assertEquals(0, instead.exitCode(), instead.err());
        assertEquals("cmd=\"*meta-data*\"", instead.out().strip());
    }

    @Test
    void anUnknownTopLevelKeyIsAnErrorWithTheClosestKnownOne() throws IOException {
        Path pipeline = write("p.yml", "name: typo\nrequire: [table]\ntransformations: []\n");
        CliRun run = CliRun.of("convert", "-t", "spl", "-p", pipeline.toString(), rule().toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains(pipeline.toString().replace('\\', '/') + ":2:1: error: unknown key 'require' in pipeline"
                + " (did you mean 'requires'?)"), run.err());
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
