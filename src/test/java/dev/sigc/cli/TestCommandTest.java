package dev.sigc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.eval.Json;
import dev.sigc.eval.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TestCommandTest {
    private static final String PACK = "sigma-rules/t1552.005";
    private static final Path BROKEN = Path.of("src/test/resources/eval/broken-pack");

    @TempDir
    Path dir;

    @Test
    void theBundledPackPassesWithEveryRuleCovered() {
        CliRun run = CliRun.of("test", PACK);
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals("", run.err(), "no diagnostic, in particular no rule without a true- or false-positive fixture");
        assertTrue(run.out().lines().noneMatch(l -> l.startsWith("FAIL")), run.out());
        assertTrue(run.out().matches("(?s).*\nsigc test: 19 rules, \\d+ fixtures, \\d+ cases: \\d+ passed, 0 failed\n"),
                run.out());
    }

    @Test
    void theFourReferenceSimulationsAreTruePositives() {
        CliRun run = CliRun.of("test", "--format", "json", PACK);
        assertEquals(0, run.exitCode(), run.err());
        Json.Obj report = (Json.Obj) JsonParser.parse(run.out());
        Map<String, String> simulations = Map.of(
                "ref1-curl-aws-iam-credentials", "t1552.005/proc-aws-imds-role-credentials-curl-wget",
                "ref2-curl-azure-managed-identity-token", "t1552.005/proc-azure-imds-managed-identity-token",
                "ref3-curl-gcp-service-account-token", "t1552.005/proc-gcp-metadata-service-account-token",
                "ref4-python-ssrf-aws-credentials", "t1552.005/proc-script-interpreter-aws-imds-role-credentials");
        simulations.forEach((fixture, rule) -> {
            Json.Obj c = caseOf(report, rule, PACK + "/tests/" + fixture + ".json");
            assertEquals(new Json.Bool(true), c.members().get("listed"), fixture);
            assertEquals(new Json.Bool(true), c.members().get("expected"), fixture);
            assertEquals(new Json.Bool(true), c.members().get("passed"), fixture);
        });
    }

    @Test
    void mappingToEachTargetKeepsEveryVerdict() {
        for (String target : List.of("kql", "eql", "spl")) {
            CliRun run = CliRun.of("test", "--target", target, PACK);
            assertEquals(0, run.exitCode(), target + "\n" + run.out() + run.err());
            assertTrue(run.out().contains(" cases on " + target + ": "), run.out());
        }
    }

    @Test
    void aBrokenRuleFailsWithTheFailingConditionPartNamed() throws IOException {
        CliRun run = CliRun.of("test", BROKEN.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertEquals("", run.err());
        assertTrue(run.out().contains("src/test/resources/eval/broken-pack/aws-credentials-curl.yml:16:22: no match: "
                + "CommandLine equals 'meta-data/iam/security-credentials'"), run.out());
        Path expected = BROKEN.resolveSibling("broken-pack.expected");
        if (Boolean.parseBoolean(System.getProperty("sigc.golden.update", "false"))) {
            Files.writeString(expected, run.out(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), run.out());
    }

    @Test
    void junitXmlIsWellFormedWithCounts() throws Exception {
        CliRun run = CliRun.of("test", "--format", "junit", BROKEN.toString());
        assertEquals(1, run.exitCode(), run.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("2", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        assertEquals("0", root.getAttribute("errors"));
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(1, suites.getLength());
        Element suite = (Element) suites.item(0);
        assertEquals("broken-pack/aws-credentials-curl", suite.getAttribute("name"));
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList failures = suite.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        Element failure = (Element) failures.item(0);
        assertEquals("expected match, got no match", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("no match: CommandLine equals 'meta-data/iam/security-credentials'"),
                failure.getTextContent());
        Element testcase = (Element) failure.getParentNode();
        assertEquals("broken-pack.aws-credentials-curl", testcase.getAttribute("classname"));
        assertEquals("curl-credentials: match", testcase.getAttribute("name"));
    }

    @Test
    void junitXmlOfTheWholePackIsWellFormed() throws Exception {
        CliRun run = CliRun.of("test", "--format", "junit", "--target", "spl", PACK);
        assertEquals(0, run.exitCode(), run.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        assertEquals(19, doc.getElementsByTagName("testsuite").getLength());
        assertEquals(doc.getDocumentElement().getAttribute("tests"),
                String.valueOf(doc.getElementsByTagName("testcase").getLength()));
    }

    @Test
    void eventsWithControlCharactersStillGiveWellFormedXml() throws Exception {
        Path pack = pack("CommandLine|contains: 'x'", "{\"CommandLine\": \"a\\u0001<b>&\\\"\", \"Image\": \"\\ud800\"}",
                "true", "r");
        CliRun run = CliRun.of("test", "--format", "junit", pack.toString());
        assertEquals(1, run.exitCode(), run.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        assertTrue(doc.getElementsByTagName("failure").item(0).getTextContent().contains("a\\u0001<b>&"), run.out());
    }

    @Test
    void aRuleWithoutAFalsePositiveFixtureIsWarnedAbout() throws IOException {
        Path pack = pack("CommandLine|contains: 'meta-data'", "{\"CommandLine\": \"curl x/meta-data/\"}", "true", "r");
        CliRun run = CliRun.of("test", pack.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertEquals(pack.resolve("r.yml") + ":1:1: warning: rule 'r' has no false-positive fixture in " + pack
                + "/tests/ (a fixture listing \"r\": false)\n", run.err());
    }

    @Test
    void fixtureMistakesAreErrorsAtTheirPosition() throws IOException {
        Path pack = pack("CommandLine|contains: 'meta-data'", "{\"CommandLine\": \"curl\"}", "false", "r");
        Files.writeString(pack.resolve("tests/typo.json"), "{\"description\": \"d\", \"logsource\": {\"category\": "
                + "\"process_creation\"},\n \"event\": {}, \"expect\": {\"rr\": true}}\n");
        Files.writeString(pack.resolve("tests/network.json"), "{\"description\": \"d\", \"logsource\": {\"category\": "
                + "\"network_connection\"},\n \"event\": {}, \"expect\": {\"r\": false}}\n");
        Files.writeString(pack.resolve("tests/member.json"), "{\"description\": \"d\", \"logsource\": {\"category\": "
                + "\"network_connection\"},\n \"event\": {}, \"expected\": {\"r\": false}}\n");
        CliRun run = CliRun.of("test", pack.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        List<String> lines = new ArrayList<>(run.err().lines().toList());
        assertEquals(List.of(
                pack + "/tests/member.json:2:27: error: unknown member \"expected\" (did you mean \"expect\"?)",
                pack + "/tests/network.json:2:31: error: rule 'r' reads logsource category=process_creation, which never"
                        + " sees this event (category=network_connection); drop the expectation or fix the logsource",
                pack + "/tests/typo.json:2:32: error: no rule 'rr' beside " + pack + "/tests/ (did you mean 'r'?); name"
                        + " a rule file without .yml, or a rule id",
                pack + "/r.yml:1:1: warning: rule 'r' has no true-positive fixture in " + pack
                        + "/tests/ (a fixture listing \"r\": true)"), lines);
    }

    @Test
    void usageAndInputErrors() {
        assertEquals(2, CliRun.of("test", "--format", "xml", PACK).exitCode());
        assertEquals(2, CliRun.of("test", "--target", "sql", PACK).exitCode());
        assertEquals(2, CliRun.of("test", "-p", "x.yml", PACK).exitCode());
        assertEquals(2, CliRun.of("test").exitCode());
        CliRun missing = CliRun.of("test", dir.resolve("nope").toString());
        assertEquals(3, missing.exitCode());
        assertTrue(missing.err().contains("no such file or folder"), missing.err());
    }

    /** A pack in the temp folder: one rule {@code name}.yml with one selection item, one fixture. */
    private Path pack(String item, String event, String verdict, String name) throws IOException {
        Path pack = dir.resolve("pack");
        Files.createDirectories(pack.resolve("tests"));
        Files.writeString(pack.resolve(name + ".yml"), "title: t\nlogsource:\n    category: process_creation\n"
                + "detection:\n    sel:\n        " + item + "\n    condition: sel\n");
        Files.writeString(pack.resolve("tests/f.json"), "{\"description\": \"d\", \"logsource\": {\"category\": "
                + "\"process_creation\"}, \"event\": " + event + ", \"expect\": {\"" + name + "\": " + verdict + "}}\n");
        return pack;
    }

    private static Json.Obj caseOf(Json.Obj report, String rule, String fixture) {
        for (Json r : ((Json.Arr) report.members().get("rules")).elements()) {
            Json.Obj ro = (Json.Obj) r;
            if (!ro.members().get("rule").equals(new Json.Str(rule))) {
                continue;
            }
            for (Json c : ((Json.Arr) ro.members().get("cases")).elements()) {
                if (((Json.Obj) c).members().get("fixture").equals(new Json.Str(fixture))) {
                    return (Json.Obj) c;
                }
            }
        }
        throw new AssertionError("no case " + rule + " x " + fixture);
    }
}
