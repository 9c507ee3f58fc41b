package dev.sigc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.backend.Backends;
import dev.sigc.convert.Converter;
import dev.sigc.convert.RuleFiles;
import dev.sigc.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.toml.TomlMapper;

/** The platform writers on rules made for the occasion: level mappings, limits, missing metadata, hostile text. */
class FormatWritersTest {
    @TempDir
    Path dir;

    private static final String ID = "3f2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d";

    private String rule(String title, String level, String description, String extra) {
        return "title: " + title + "\n" + extra + "level: " + level + "\nauthor: Ann, Bob\ndate: 2026-11-23\n"
                + "description: " + description + "\ntags:\n    - attack.credential-access\n    - attack.t1552.005\n"
                + "logsource:\n    category: process_creation\ndetection:\n    sel:\n        CommandLine|contains: meta-data\n"
                + "    condition: sel\n";
    }

    /** Renders the rule files written so far in one format: file text, or the diagnostics joined. */
    private String render(String format) throws IOException {
        OutputFormat f = Formats.byId(format).orElseThrow();
        String target = f.target().orElseThrow();
        Converter.Result r = new Converter().convert(RuleFiles.find(List.of(dir)),
                List.of(Converter.Target.of(Backends.byId(target).orElseThrow(), List.of())));
        assertEquals(List.of(), r.diagnostics());
        FormatResult out = f.render("p", r.outputs(), FormatOptions.DEFAULT);
        if (!out.diagnostics().isEmpty()) {
            return out.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
        }
        return out.files().stream().map(OutputFile::text).collect(Collectors.joining());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void criticalIsHighInSentinelAndCriticalInElasticAndSplunk() throws IOException {
        write("r.yml", rule("Critical One", "critical", "d", "id: " + ID + "\n"));
        assertTrue(render("sentinel").contains("\nseverity: High\n"));
        assertTrue(render("arm").contains("\"severity\": \"High\""));
        String toml = render("elastic-toml");
        assertTrue(toml.contains("risk_score = 99\n") && toml.contains("severity = \"critical\"\n"), toml);
        assertTrue(render("savedsearches").contains("\nalert.severity = 6\n"));
    }

    @Test
    void informationalIsABuildingBlockInElastic() throws IOException {
        write("r.yml", rule("Info One", "informational", "d", "id: " + ID + "\n"));
        assertTrue(render("sentinel").contains("\nseverity: Informational\n"));
        String toml = render("elastic-toml");
        assertTrue(toml.contains("building_block_type = \"default\"\n") && toml.contains("risk_score = 21\n")
                && toml.contains("severity = \"low\"\n") && toml.contains("\"Rule Type: BBR\""), toml);
        JsonNode nd = new JsonMapper().readTree(render("ndjson"));
        assertEquals("default", nd.get("building_block_type").asString());
        assertEquals(List.of("Ann", "Bob"), nd.get("author").valueStream().map(JsonNode::asString).toList());
    }

    @Test
    void sentinelLimitsAndMissingMetadataAreErrorsAtTheRule() throws IOException {
        write("r.yml", rule("x".repeat(257), "high", "d", "id: " + ID + "\n"));
        assertEquals(dir.resolve("r.yml").toString().replace('\\', '/') + ":1:8: error: the title is 257 characters;"
                + " sentinel allows at most 256", render("sentinel"));
        write("r.yml", rule("No Id", "high", "d", ""));
        assertTrue(render("sentinel").contains("error: sentinel needs the rule's 'id' (a UUID)"));
        assertTrue(render("elastic-toml").contains("error: elastic-toml needs the rule's 'id' (a UUID)"));
        write("r.yml", rule("Bad Tag", "high", "d", "id: " + ID + "\n").replace("attack.t1552.005", "attack.t1522"));
        assertTrue(render("sentinel").contains("error: sentinel: 'attack.t1522' is not a current technique of " + dev.sigc.attack.AttackData.describe()),
                render("sentinel"));
    }

    @Test
    void aRuleOnADatasetGoesToThatDatasetsDataStream() throws IOException {
        // EQL category 'any' has no index patterns of its own: the dataset the pipeline requires names the data stream
        write("r.yml", rule("Cloud One", "high", "d", "id: " + ID + "\n")
                .replace("    category: process_creation\n", "    product: aws\n    service: cloudtrail\n")
                .replace("CommandLine|contains: meta-data", "eventName: GetSecretValue"));
        JsonNode toml = new TomlMapper().readTree(render("elastic-toml"));
        assertEquals(List.of("logs-aws.cloudtrail-*"),
                toml.get("rule").get("index").valueStream().map(JsonNode::asString).toList());
        assertEquals("aws", toml.get("metadata").get("integration").get(0).asString());
        JsonNode nd = new JsonMapper().readTree(render("ndjson"));
        assertEquals("logs-aws.cloudtrail-*", nd.get("index").get(0).asString());
    }

    @Test
    void aWindowsChannelRuleReadsEveryWindowsIndexAndNarrowsByChannel() throws IOException {
        write("r.yml", rule("Channel One", "high", "d", "id: " + ID + "\n")
                .replace("    category: process_creation\n", "    product: windows\n    service: system\n")
                .replace("CommandLine|contains: meta-data", "EventID: 7045"));
        JsonNode toml = new TomlMapper().readTree(render("elastic-toml"));
        List<String> index = toml.get("rule").get("index").valueStream().map(JsonNode::asString).toList();
        assertTrue(index.contains("logs-system.*") && index.contains("winlogbeat-*"), index.toString());
        assertTrue(toml.get("rule").get("query").asString().contains("winlog.channel"), toml.toString());
    }

    @Test
    void aProxyRuleReadsEveryDataStreamAndNamesNoIntegration() throws IOException {
        write("r.yml", rule("Proxy One", "high", "d", "id: " + ID + "\n")
                .replace("    category: process_creation\n", "    category: proxy\n")
                .replace("CommandLine|contains: meta-data", "c-uri|contains: /latest/meta-data/"));
        String text = render("elastic-toml");
        JsonNode toml = new TomlMapper().readTree(text);
        assertEquals(List.of("logs-*", "filebeat-*"),
                toml.get("rule").get("index").valueStream().map(JsonNode::asString).toList());
        assertTrue(!text.contains("integration ="), text);
    }

    @Test
    void sentinelTablesNameEveryConnectorThatFillsThem() throws IOException {
        write("r.yml", rule("Security One", "high", "d", "id: " + ID + "\n")
                .replace("    category: process_creation\n", "    product: windows\n    service: security\n")
                .replace("CommandLine|contains: meta-data", "EventID: 4688"));
        Path out = dir.resolve("out");
        dev.sigc.cli.CliRun run = dev.sigc.cli.CliRun.of("convert", "-t", "kql", "-p", "kql-sentinel", "-f", "sentinel",
                "-o", out.toString(), dir.resolve("r.yml").toString());
        assertEquals(0, run.exitCode(), run.err());
        String yaml;
        try (var files = Files.walk(out)) {
            yaml = Files.readString(files.filter(f -> f.toString().endsWith(".yaml")).findFirst().orElseThrow());
        }
        assertTrue(yaml.contains("requiredDataConnectors:\n  - connectorId: SecurityEvents\n    dataTypes:\n"
                + "      - SecurityEvent\n  - connectorId: WindowsSecurityEvents\n    dataTypes:\n      - SecurityEvent\n"),
                yaml);
        Map<?, ?> parsed = new org.yaml.snakeyaml.Yaml().load(yaml);
        assertEquals(2, ((List<?>) parsed.get("requiredDataConnectors")).size());
    }

    @Test
    void onlyAPlainDatasetNameBecomesAnIndexPattern() {
        dev.sigc.diag.Span at = new dev.sigc.diag.Span("r.yml", 1, 1);
        java.util.function.Function<String, dev.sigc.ast.Expr> dataset = v -> new dev.sigc.ast.StringMatch(
                java.util.Optional.of("event.dataset"), dev.sigc.ast.StrOp.EQUALS, dev.sigc.ast.SigmaString.literal(v),
                false, at);
        assertEquals(List.of("a.b", "c"), Elastic.datasets(new dev.sigc.ast.And(List.of(
                new dev.sigc.ast.Or(List.of(dataset.apply("a.b"), dataset.apply("c")), at), dataset.apply("z")), at)));
        for (String hostile : new String[] {"a,*", "a-b", "A.b", "a*", "a b", "", ".a", "a..b", "logs-*"}) {
            assertEquals(List.of(), Elastic.datasets(dataset.apply(hostile)), hostile);
            assertEquals(List.of(), Elastic.datasets(new dev.sigc.ast.Or(List.of(dataset.apply("ok"),
                    dataset.apply(hostile)), at)), hostile);
        }
    }

    @Test
    void hostileTextReadsBackExactlyFromYamlJsonAndToml() throws IOException {
        String title = "Quote ' and \" and \\\\ and # and : colon [x]";
        write("r.yml", rule("\"" + title.replace("\"", "\\\"") + "\"", "high",
                "\"line one\\nline two: with ''' and \\\"\\\"\\\" and a tab\\t and é\"", "id: " + ID + "\n"));
        String readTitle = title.replace("\\\\", "\\");
        String readDescription = "line one\nline two: with ''' and \"\"\" and a tab\t and é";
        Map<?, ?> yaml = new org.yaml.snakeyaml.Yaml().load(render("sentinel"));
        assertEquals(readTitle, yaml.get("name"));
        assertEquals(readDescription + "\n", yaml.get("description"));
        JsonNode arm = new JsonMapper().readTree(render("arm")).get("resources").get(0).get("properties");
        assertEquals(readTitle, arm.get("displayName").asString());
        JsonNode toml = new TomlMapper().readTree(render("elastic-toml")).get("rule");
        assertEquals(readTitle, toml.get("name").asString());
        assertEquals(new JsonMapper().readTree(render("ndjson")).get("name").asString(), readTitle);
    }

    @Test
    void savedsearchesTextCannotOpenAStanzaOrAKey() throws IOException {
        write("a.yml", rule("\"Evil]\\n[default]\\nenableSched = 0\"", "high",
                "\"first\\n[evil]\\naction.script = rm -rf /\"", "id: " + ID + "\n"));
        String conf = render("savedsearches");
        assertTrue(conf.contains("\n[Evil) (default) enableSched = 0]\n"), conf);
        assertTrue(conf.contains("\ndescription = first (evil) action.script = rm -rf /\n".replace("(evil)", "[evil]")), conf);
        long stanzas = conf.lines().filter(l -> l.startsWith("[")).count();
        assertEquals(1, stanzas, conf);
        assertTrue(conf.lines().noneMatch(l -> l.startsWith("action.script")), conf);

        write("b.yml", rule("\"EVIL) (default) enableSched = 0\"", "high", "other", "id: 4f2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d\n"));
        assertTrue(render("savedsearches").contains("error: savedsearches: stanza [EVIL) (default) enableSched = 0] is also the"
                + " title of"), render("savedsearches"));
        Files.delete(dir.resolve("b.yml"));
        write("a.yml", rule("Ends With Backslash", "high", "'C:\\Windows\\'", "id: " + ID + "\n"));
        assertTrue(render("savedsearches").contains("error: savedsearches: the description has a line ending with a backslash"),
                render("savedsearches"));
    }
}
