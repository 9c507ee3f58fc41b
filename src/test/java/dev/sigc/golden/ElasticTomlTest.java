package dev.sigc.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * The Elastic goldens read back as TOML and NDJSON, and the TOML of the command-line IMDS rule carries
 * everything Elastic's own rule for it carries (shared/reference/elastic-eql-imds-command-line.txt),
 * except the hand-written investigation guide ({@code note}) and what goes with it.
 */
class ElasticTomlTest {
    private static final Path RULE = Golden.ROOT.resolve("elastic-toml/t1552.005/proc-aws-imds-role-credentials-curl-wget.toml");

    /** The keys of Elastic's "Suspicious Instance Metadata Service (IMDS) API Command Line Execution" rule, less {@code note}. */
    private static final Set<String> REFERENCE_METADATA = Set.of("creation_date", "integration", "maturity", "updated_date");
    private static final Set<String> REFERENCE_RULE = Set.of("author", "description", "from", "index", "language",
            "license", "name", "references", "risk_score", "rule_id", "severity", "tags", "timestamp_override", "type",
            "query", "threat");
    private static final List<String> REFERENCE_INDEX = List.of("endgame-*", "logs-crowdstrike.fdr*",
            "logs-endpoint.events.process-*", "logs-m365_defender.event-*", "logs-sentinel_one_cloud_funnel.*",
            "logs-system.security*", "logs-windows.forwarded*", "logs-windows.sysmon_operational-*", "winlogbeat-*",
            "auditbeat-*", "logs-auditd_manager.auditd-*");
    /** Its tags, less "Domain: Cloud" (a judgement about the rule's subject) and "Resources: Investigation Guide". */
    private static final List<String> REFERENCE_TAGS = List.of("Domain: Endpoint", "OS: Linux", "OS: Windows",
            "OS: macOS", "Use Case: Threat Detection", "Tactic: Credential Access", "Data Source: Elastic Endgame",
            "Data Source: Elastic Defend", "Data Source: Windows Security Event Logs",
            "Data Source: Microsoft Defender XDR", "Data Source: Sysmon", "Data Source: SentinelOne",
            "Data Source: Crowdstrike", "Data Source: Auditd Manager");
    private static final String REFERENCE_THREAT = "{\"framework\":\"MITRE ATT&CK\",\"technique\":[{\"id\":\"T1552\","
            + "\"name\":\"Unsecured Credentials\",\"reference\":\"https://attack.mitre.org/techniques/T1552/\","
            + "\"subtechnique\":[{\"id\":\"T1552.005\",\"name\":\"Cloud Instance Metadata API\","
            + "\"reference\":\"https://attack.mitre.org/techniques/T1552/005/\"}]}],\"tactic\":{\"id\":\"TA0006\","
            + "\"name\":\"Credential Access\",\"reference\":\"https://attack.mitre.org/tactics/TA0006/\"}}";

    private static JsonNode toml(Path p) throws IOException {
        return new TomlMapper().readTree(Files.readString(p));
    }

    @Test
    void theCommandLineImdsRuleCarriesWhatElasticsRuleCarries() throws IOException {
        JsonNode t = toml(RULE);
        Set<String> metadata = new TreeSet<>(t.get("metadata").propertyNames());
        Set<String> rule = new TreeSet<>(t.get("rule").propertyNames());
        assertTrue(metadata.containsAll(REFERENCE_METADATA), metadata.toString());
        assertTrue(rule.containsAll(REFERENCE_RULE), rule.toString());
        JsonNode r = t.get("rule");
        assertEquals("medium", r.get("severity").asString());
        assertEquals(47, r.get("risk_score").asInt());
        assertEquals("eql", r.get("language").asString());
        assertEquals("eql", r.get("type").asString());
        assertEquals("now-9m", r.get("from").asString());
        assertEquals("event.ingested", r.get("timestamp_override").asString());
        assertEquals("49dacb3f-f29e-4e60-9e65-b78af915d18e", r.get("rule_id").asString());
        List<String> index = new ArrayList<>();
        r.get("index").forEach(i -> index.add(i.asString()));
        assertEquals(REFERENCE_INDEX, index);
        List<String> tags = new ArrayList<>();
        r.get("tags").forEach(i -> tags.add(i.asString()));
        assertEquals(REFERENCE_TAGS, tags);
        assertEquals(1, r.get("threat").size());
        assertEquals(new JsonMapper().readTree(REFERENCE_THREAT), r.get("threat").get(0));
        assertEquals(Files.readString(Golden.ROOT.resolve("eql/t1552.005/proc-aws-imds-role-credentials-curl-wget.eql")),
                r.get("query").asString(), "the query is the EQL golden");
    }

    @TestFactory
    List<DynamicTest> everyElasticGoldenReadsBackAndTheNdjsonSaysTheSame() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Golden.ROOT.resolve("elastic-toml"))) {
            files = s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
        }
        List<JsonNode> ndjson = new ArrayList<>();
        for (String line : Files.readAllLines(Golden.ROOT.resolve("ndjson/t1552.005.ndjson"))) {
            ndjson.add(new JsonMapper().readTree(line));
        }
        assertEquals(files.size(), ndjson.size());
        for (Path f : files) {
            tests.add(dynamicTest(f.toString(), () -> {
                JsonNode r = toml(f).get("rule");
                JsonNode k = ndjson.stream().filter(n -> n.get("rule_id").equals(r.get("rule_id"))).findFirst().orElseThrow();
                for (String key : List.of("name", "severity", "risk_score", "index", "tags", "threat", "from", "author",
                        "license", "references", "type", "language", "timestamp_override")) {
                    assertEquals(r.get(key), k.get(key), key);
                }
                assertEquals(r.get("query").asString(), k.get("query").asString() + "\n");
                Path eql = Golden.ROOT.resolve("eql").resolve(Golden.ROOT.resolve("elastic-toml").relativize(f).toString()
                        .replaceAll("\\.toml$", ".eql"));
                assertEquals(Files.readString(eql), r.get("query").asString());
            }));
        }
        return tests;
    }
}
