package dev.sigc.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.sigc.cli.CliRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sigc check} over src/test/resources/check/pack, a folder with one or more mistakes for every check.
 * The text report is a reviewed artefact (check/expected.txt, rewritten only with -Dsigc.golden.update=true);
 * the SARIF report validates against the SARIF 2.1.0 JSON schema.
 */
class CheckCommandTest {
    private static final String PACK = "src/test/resources/check/pack";
    private static final Path EXPECTED = Path.of("src/test/resources/check/expected.txt");

    @TempDir
    Path dir;

    @Test
    void everyCheckFindsItsMistakeAtItsPosition() throws IOException {
        CliRun run = CliRun.of("check", PACK);
        assertEquals(1, run.exitCode(), run.err());
        if (Boolean.getBoolean("sigc.golden.update")) {
            Files.writeString(EXPECTED, run.out(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(EXPECTED, StandardCharsets.UTF_8), run.out());
        for (Check c : Check.values()) {
            // with a partial ATT&CK table an id it lacks is unverified (warning), never unknown (error)
            boolean reachable = c != (dev.sigc.attack.AttackData.bundled().isComplete() ? Check.ATTACK_UNVERIFIED
                    : Check.ATTACK_UNKNOWN_ID);
            assertEquals(reachable, run.out().contains("[" + c.id() + "]"), "finding of " + c.id());
        }
        assertTrue(run.err().contains("15 error(s), 12 warning(s)"), run.err());
    }

    @Test
    void theBundledPackIsClean() {
        CliRun run = CliRun.of("check", "--fail-on", "warning", "sigma-rules/t1552.005");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("", run.out());
    }

    @Test
    void failOnWarningFailsOnWarningsOnly() throws IOException {
        Path rule = dir.resolve("r.yml");
        Files.copy(Path.of(PACK, "all-of-one.yml"), rule);
        assertEquals(0, CliRun.of("check", rule.toString()).exitCode());
        assertEquals(1, CliRun.of("check", "--fail-on", "warning", rule.toString()).exitCode());
    }

    @Test
    void aConfigTurnsChecksOffAndExcludesRules() {
        CliRun run = CliRun.of("check", "-c", "src/test/resources/check/config.yml", PACK);
        assertFalse(run.out().contains("[attack-deprecated]"), run.out());
        assertFalse(run.out().contains("all-of-one.yml"), run.out());
        assertFalse(run.out().contains("[wildcard-instead-of-modifier]"), run.out());
        assertTrue(run.out().contains("detection-mistakes.yml:16:9: warning[all-without-contains]"), run.out());
    }

    @Test
    void aBadConfigIsAUsageErrorAndAMissingOneAnIoError() throws IOException {
        Path cfg = dir.resolve("c.yml");
        Files.writeString(cfg, "disable: [no-such-check]\n");
        CliRun bad = CliRun.of("check", "-c", cfg.toString(), PACK);
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("unknown check 'no-such-check'"), bad.err());
        assertEquals(3, CliRun.of("check", "-c", dir.resolve("none.yml").toString(), PACK).exitCode());
        assertEquals(2, CliRun.of("check", "--format", "xml", PACK).exitCode());
        assertEquals(2, CliRun.of("check", "--fail-on", "info", PACK).exitCode());
        assertEquals(3, CliRun.of("check", dir.resolve("nothing").toString()).exitCode());
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws IOException {
        CliRun run = CliRun.of("check", "--format", "sarif", PACK);
        assertEquals(1, run.exitCode());
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        List<Error> errors = schema.validate(run.out(), InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList());
        JsonNode sarif = new JsonMapper().readTree(run.out());
        assertEquals("2.1.0", sarif.get("version").asString());
        JsonNode results = sarif.get("runs").get(0).get("results");
        assertEquals(27, results.size());
        JsonNode first = null;
        for (JsonNode r : results) {
            if (r.get("ruleId").asString().equals("all-of-one")) {
                first = r;
                break;
            }
        }
        assertTrue(first != null, "an all-of-one result");
        JsonNode loc = first.get("locations").get(0).get("physicalLocation");
        assertEquals(PACK + "/all-of-one.yml", loc.get("artifactLocation").get("uri").asString());
        assertEquals(15, loc.get("region").get("startLine").asInt());
        assertEquals(23, loc.get("region").get("startColumn").asInt());
        JsonNode rules = sarif.get("runs").get(0).get("tool").get("driver").get("rules");
        assertEquals(first.get("ruleId").asString(), rules.get(first.get("ruleIndex").asInt()).get("id").asString());
    }

    @Test
    void sarifOfACleanRunValidatesToo() throws IOException {
        CliRun run = CliRun.of("check", "--format", "sarif", "sigma-rules/t1552.005");
        assertEquals(0, run.exitCode());
        try (InputStream in = getClass().getResourceAsStream("/schemas/sarif-schema-2.1.0.json")) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
            assertEquals(List.of(), schema.validate(run.out(), InputFormat.JSON));
        }
    }

    @Test
    void jsonAndJunitReportsParse() throws Exception {
        CliRun json = CliRun.of("check", "--format", "json", PACK);
        JsonNode root = new JsonMapper().readTree(json.out());
        assertEquals(15, root.get("summary").get("errors").asInt());
        assertEquals(27, root.get("findings").size());
        CliRun junit = CliRun.of("check", "--format", "junit", PACK);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
        assertEquals("7", doc.getDocumentElement().getAttribute("tests"));
        assertEquals("4", doc.getDocumentElement().getAttribute("failures"));
        CliRun warnings = CliRun.of("check", "--format", "junit", "--fail-on", "warning", PACK);
        assertTrue(warnings.out().contains("failures=\"7\""), warnings.out()); // every file: duplicate-a too now (no fixtures)
    }

    @Test
    void aReportFileIsWrittenWhereAsked() throws IOException {
        Path report = dir.resolve("reports/check.sarif");
        CliRun run = CliRun.of("check", "--format", "sarif", "-o", report.toString(), PACK);
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        try (Stream<String> lines = Files.lines(report)) {
            assertTrue(lines.anyMatch(l -> l.contains("\"version\": \"2.1.0\"")));
        }
    }
}
