package dev.sigc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TestCommandTest {
    private static final Path BROKEN = Path.of("src/test/resources/eval/broken-pack");

    @TempDir
    Path dir;

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
        assertEquals(2, CliRun.of("test", "--format", "xml", BROKEN.toString()).exitCode());
        assertEquals(2, CliRun.of("test", "--target", "sql", BROKEN.toString()).exitCode());
        assertEquals(2, CliRun.of("test", "-p", "x.yml", BROKEN.toString()).exitCode());
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
}
