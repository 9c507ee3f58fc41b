package dev.sigc.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sigc.attack.AttackData;
import dev.sigc.attack.Technique;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every Sentinel golden passes the Azure-Sentinel repository's rule checks: the JSON schema of keys, types,
 * enumerations and limits (src/test/resources/schemas/sentinel-scheduled-rule.schema.json), then the
 * cross-field rules the schema cannot say. Its query is the KQL golden that Kusto.Language checks, and the
 * ARM template carries the same rule.
 */
class SentinelSchemaTest {
    /** Valid and required identifiers per entity type (Sentinel's EntityMappingIdentifiers), for the types sigc maps. */
    private static final Map<String, List<String>> IDENTIFIERS = Map.of(
            "Account", List.of("Name", "FullName", "NTDomain", "DnsDomain", "UPNSuffix", "Sid", "AadTenantId",
                    "AadUserId", "PUID", "IsDomainJoined", "DisplayName", "ObjectGuid"),
            "Host", List.of("DnsDomain", "NTDomain", "HostName", "FullName", "NetBiosName", "AzureID", "OMSAgentID",
                    "OSFamily", "OSVersion", "IsDomainJoined"),
            "Process", List.of("ProcessId", "CommandLine", "ElevationToken", "CreationTimeUtc"),
            "File", List.of("Directory", "Name"),
            "IP", List.of("Address"),
            "URL", List.of("Url"),
            "RegistryKey", List.of("Hive", "Key"));
    private static final Map<String, List<String>> REQUIRED_ONE_OF = Map.of(
            "Account", List.of("FullName", "Sid", "Name", "AadUserId", "PUID", "ObjectGuid"),
            "Host", List.of("FullName", "HostName", "NetBiosName", "AzureID", "OMSAgentID"),
            "Process", List.of("CommandLine", "ProcessId"),
            "File", List.of("Name"),
            "IP", List.of("Address"),
            "URL", List.of("Url"),
            "RegistryKey", List.of("Key", "Hive"));

    private static Schema schema() throws IOException {
        try (InputStream in = SentinelSchemaTest.class.getResourceAsStream("/schemas/sentinel-scheduled-rule.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    /** Problems of one Sentinel rule in YAML, empty when it passes. */
    static List<String> problems(String yaml) throws IOException {
        List<String> out = new ArrayList<>();
        for (Error e : schema().validate(yaml, InputFormat.YAML)) {
            out.add(e.toString());
        }
        if (!out.isEmpty()) {
            return out;
        }
        JsonNode rule = new YAMLMapper().readTree(yaml);
        long frequency = minutes(rule.get("queryFrequency").asString());
        long period = minutes(rule.get("queryPeriod").asString());
        long max = 14 * 1440;
        if (frequency < 5 || frequency > max || period < 5 || period > max) {
            out.add("queryFrequency and queryPeriod must be within 5m..14d");
        }
        if (period < frequency) {
            out.add("queryPeriod is shorter than queryFrequency");
        }
        if (period >= 2 * 1440 && frequency < 60) {
            out.add("a queryPeriod of 2d or more needs a queryFrequency of at least 1h");
        }
        Set<String> tactics = new HashSet<>();
        rule.get("tactics").forEach(t -> tactics.add(t.asString()));
        for (JsonNode t : rule.get("relevantTechniques")) {
            Technique technique = AttackData.bundled().technique(t.asString()).orElse(null);
            if (technique == null || technique.status() == Technique.Status.REVOKED) {
                out.add("unknown technique " + t.asString());
                continue;
            }
            Technique parent = AttackData.bundled().technique(technique.parentId()).orElseThrow();
            for (String shortName : parent.tactics()) {
                String sentinel = AttackData.bundled().tactic(shortName).orElseThrow().name().replace(" and ", " And ")
                        .replace(" ", "");
                if (!tactics.contains(sentinel)) {
                    out.add(t.asString() + " belongs to " + sentinel + ", which is not in tactics");
                }
            }
        }
        String table = rule.get("requiredDataConnectors").get(0).get("dataTypes").get(0).asString();
        JsonNode columns = defenderSchema().get("tables").get(table);
        if (rule.has("entityMappings")) {
            for (JsonNode e : rule.get("entityMappings")) {
                String type = e.get("entityType").asString();
                Set<String> used = new HashSet<>();
                for (JsonNode f : e.get("fieldMappings")) {
                    String id = f.get("identifier").asString();
                    if (!IDENTIFIERS.getOrDefault(type, List.of()).contains(id)) {
                        out.add("identifier " + id + " is not valid for " + type);
                    }
                    if (!used.add(id)) {
                        out.add("identifier " + id + " twice in " + type);
                    }
                    String column = f.get("columnName").asString();
                    if (columns == null || !columns.has(column)) {
                        out.add("column " + column + " is not a column of " + table);
                    }
                }
                if (REQUIRED_ONE_OF.getOrDefault(type, List.of()).stream().noneMatch(used::contains)) {
                    out.add(type + " lacks a required identifier");
                }
            }
        }
        return out;
    }

    private static JsonNode defenderSchema() throws IOException {
        return new JsonMapper().readTree(Files.readString(Path.of("src/main/resources/schemas/defender-xdr.json")));
    }

    private static long minutes(String span) {
        long n = Long.parseLong(span.substring(0, span.length() - 1));
        return switch (span.charAt(span.length() - 1)) {
            case 'm' -> n;
            case 'h' -> n * 60;
            default -> n * 1440;
        };
    }

    private static List<Path> goldens(String folder, String ext) throws IOException {
        try (Stream<Path> s = Files.walk(Golden.ROOT.resolve(folder))) {
            return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
        }
    }

    @TestFactory
    List<DynamicTest> everySentinelGoldenPasses() throws IOException {
        List<Path> files = goldens("sentinel", ".yaml");
        assertTrue(files.size() >= 19, "expected the pack's Sentinel goldens, found " + files.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            tests.add(dynamicTest(f.toString(), () -> {
                String yaml = Files.readString(f, StandardCharsets.UTF_8);
                assertEquals(List.of(), problems(yaml));
                Path rel = Golden.ROOT.resolve("sentinel").relativize(f);
                String kql = Files.readString(Golden.ROOT.resolve("kql").resolve(rel.toString().replaceAll("\\.yaml$", ".kql")));
                assertEquals(kql, new YAMLMapper().readTree(yaml).get("query").asString(),
                        "the Sentinel query is the KQL golden");
                Map<?, ?> snake = new org.yaml.snakeyaml.Yaml().load(yaml);
                assertEquals(kql, snake.get("query"), "SnakeYAML reads the same query");
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> everyArmGoldenCarriesTheSentinelRule() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : goldens("arm", ".json")) {
            tests.add(dynamicTest(f.toString(), () -> {
                JsonNode arm = new JsonMapper().readTree(Files.readString(f));
                Path rel = Golden.ROOT.resolve("arm").relativize(f);
                JsonNode yaml = new YAMLMapper().readTree(Files.readString(Golden.ROOT.resolve("sentinel")
                        .resolve(rel.toString().replaceAll("\\.json$", ".yaml"))));
                JsonNode res = arm.get("resources").get(0);
                assertEquals("Microsoft.OperationalInsights/workspaces/providers/alertRules", res.get("type").asString());
                assertEquals("Scheduled", res.get("kind").asString());
                assertTrue(res.get("name").asString().endsWith("'" + yaml.get("id").asString() + "')]"));
                JsonNode p = res.get("properties");
                assertEquals(yaml.get("name").asString(), p.get("displayName").asString());
                assertEquals(yaml.get("query").asString(), p.get("query").asString());
                assertEquals(yaml.get("severity").asString(), p.get("severity").asString());
                assertEquals(yaml.get("tactics"), p.get("tactics"));
                assertEquals(yaml.get("entityMappings"), p.get("entityMappings"));
                assertTrue(p.get("queryPeriod").asString().matches("P(T[0-9]+[MH]|[0-9]+D)"), p.toString());
            }));
        }
        return tests;
    }

    /**
     * A rule per kql-sentinel table that sentinel.yml names a connector for: its Sentinel rule passes the same
     * checks as the goldens (schema, schedule, tactics, entity identifiers and columns of the table).
     */
    @TestFactory
    List<DynamicTest> everySentinelTableWithAConnectorGivesAValidRule(@org.junit.jupiter.api.io.TempDir Path dir) {
        // logsource lines -> one selection item the table has
        Map<String, String> tables = new java.util.TreeMap<>(Map.of(
                "SecurityEvent", "product: windows\n    service: security|EventID: 4688",
                "Syslog", "product: linux\n    service: sshd|keywords",
                "SigninLogs", "product: azure\n    service: signinlogs|ResultType: 50126",
                "AuditLogs", "product: azure\n    service: auditlogs|OperationName: Add member to role",
                "AzureActivity", "product: azure\n    service: activitylogs|operationName: MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE",
                "AWSCloudTrail", "product: aws\n    service: cloudtrail|eventName: GetSecretValue",
                "OfficeActivity", "product: m365\n    service: audit|Operation: New-InboxRule",
                "W3CIISLog", "category: webserver|cs-uri-query|contains: latest/meta-data"));
        List<DynamicTest> tests = new ArrayList<>();
        tables.forEach((table, spec) -> tests.add(dynamicTest(table, () -> {
            String[] parts = spec.split("\\|", 2);
            String detection = parts[1].equals("keywords")
                    ? "    keywords:\n        - 'Failed password'\n    condition: keywords\n"
                    : "    sel:\n        " + parts[1].replaceFirst(": ", ": '") + "'\n    condition: sel\n";
            Path rule = dir.resolve(table + ".yml");
            Files.writeString(rule, "title: " + table + " rule\nid: 3f2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d\n"
                    + "status: test\ndescription: d\nauthor: sigc\ndate: 2026-11-23\nlevel: high\n"
                    + "tags:\n    - attack.credential-access\n    - attack.t1552.005\n"
                    + "logsource:\n    " + parts[0] + "\ndetection:\n" + detection);
            Path out = dir.resolve("out-" + table);
            dev.sigc.cli.CliRun run = dev.sigc.cli.CliRun.of("convert", "-t", "kql", "-p", "kql-sentinel", "-f",
                    "sentinel", "-o", out.toString(), rule.toString());
            assertEquals(0, run.exitCode(), run.err());
            String yaml;
            try (Stream<Path> files = Files.walk(out)) {
                yaml = Files.readString(files.filter(f -> f.toString().endsWith(".yaml")).findFirst().orElseThrow());
            }
            assertTrue(yaml.contains("      - " + table + "\n"), yaml);
            assertEquals(List.of(), problems(yaml), yaml);
        })));
        return tests;
    }

    @Test
    void theSchemaCheckRejectsWhatSentinelRejects() throws IOException {
        String good = Files.readString(goldens("sentinel", ".yaml").get(0));
        assertEquals(List.of(), problems(good));
        assertFalse(problems(good.replace("severity: Low", "severity: Critical")
                .replace("severity: Medium", "severity: Critical").replace("severity: High", "severity: Critical")).isEmpty());
        assertFalse(problems(good.replace("queryPeriod: 1h", "queryPeriod: 30m")).isEmpty(), "period < frequency");
        assertFalse(problems(good.replace("queryFrequency: 1h", "queryFrequency: 15d")).isEmpty(), "frequency > 14d");
        assertFalse(problems(good.replace("kind: Scheduled", "kind: NRT")).isEmpty());
        assertFalse(problems(good.replaceFirst("name: .*", "name: " + "x".repeat(257))).isEmpty(), "name > 256");
        assertFalse(problems(good.replace("columnName: DeviceName", "columnName: NoSuchColumn")).isEmpty());
        assertFalse(problems(good.replace("  - CredentialAccess\n", "  - Discovery\n")).isEmpty(),
                "a technique's tactic must be listed");
    }
}
