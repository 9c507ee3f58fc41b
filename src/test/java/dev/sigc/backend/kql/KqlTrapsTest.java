package dev.sigc.backend.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.TestRules;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.convert.Converter;
import dev.sigc.convert.RuleFiles;
import dev.sigc.diag.Diagnostic;
import dev.sigc.diag.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traps of issue 3 §5 that widely used converters fall into, each checked on KQL from a rule's YAML
 * through the bundled Defender pipeline (the way users run sigc).
 */
class KqlTrapsTest {
    @TempDir
    Path dir;

    /** The rule's KQL condition (the text after {@code | where}), or the diagnostics when it fails. */
    private String kql(String detection) throws IOException {
        Path rule = dir.resolve("r.yml");
        Files.writeString(rule, """
                title: trap
                id: 3b7e1a52-0d7e-4a57-9f43-3d3c1f9d2b11
                status: test
                logsource:
                    category: process_creation
                    product: windows
                detection:
                """ + detection.indent(4) + "level: low\n", StandardCharsets.UTF_8);
        Converter.Result r = new Converter().convert(RuleFiles.find(List.of(rule)),
                List.of(Converter.Target.of(new KqlBackend(), List.of())));
        if (r.hasErrors()) {
            return r.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
        }
        assertEquals(1, r.outputs().size());
        String text = r.outputs().get(0).query().text();
        assertTrue(text.startsWith("DeviceProcessEvents\n| where "), text);
        return text.substring("DeviceProcessEvents\n| where ".length());
    }

    @Test
    void wildcardsInsideAValueAreAnAnchoredCaseInsensitiveRegexWithQuestionMarkAsOneCharacter() throws IOException {
        // Sigma C:\Windows\\*\cm?.exe: a backslash (escaped), then the wildcard '*'; '?' is one character
        assertEquals("FolderPath matches regex \"(?is)^C:\\\\\\\\Windows\\\\\\\\.*\\\\\\\\cm.\\\\.exe$\"", kql("""
                sel:
                    Image: 'C:\\Windows\\\\*\\cm?.exe'
                condition: sel
                """));
        // contains with an inner '*' stays unanchored at both ends, and never becomes a case-sensitive regex
        assertEquals("ProcessCommandLine matches regex \"(?is)a.*b\"", kql("""
                sel:
                    CommandLine|contains: 'a*b'
                condition: sel
                """));
    }

    @Test
    void ipv6NetworksUseTheIpv6FunctionAndIpv4NetworksTheIpv4One() throws IOException {
        Path rule = dir.resolve("n.yml");
        Files.writeString(rule, """
                title: trap
                id: 5d0f7c5e-51e4-4b83-a0a5-2b1cf1e3e0aa
                status: test
                logsource:
                    category: network_connection
                    product: windows
                detection:
                    sel:
                        DestinationIp|cidr:
                            - 'fd00:ec2::/64'
                            - '169.254.0.0/16'
                    condition: sel
                level: low
                """, StandardCharsets.UTF_8);
        Converter.Result r = new Converter().convert(RuleFiles.find(List.of(rule)),
                List.of(Converter.Target.of(new KqlBackend(), List.of())));
        assertEquals("DeviceNetworkEvents\n| where ipv6_is_in_range(RemoteIP, \"fd00:ec2::/64\")"
                + " or ipv4_is_in_range(RemoteIP, \"169.254.0.0/16\")", r.outputs().get(0).query().text());
    }

    @Test
    void aFieldlessValueIsNeverABareStringLiteral() throws IOException {
        String out = kql("""
                keywords:
                    - 'latest/meta-data'
                condition: keywords
                """);
        assertTrue(out.contains("error[unsupported-keyword]") || out.contains("error: kql: keyword"), out);
        assertTrue(!out.contains("\"latest/meta-data\""), out);
    }

    @Test
    void casedWithWildcardsIsACaseSensitiveRegexNeverEqualsEquals() throws IOException {
        assertEquals("ProcessCommandLine matches regex \"(?s)^Meta.*Flavor$\"", kql("""
                sel:
                    CommandLine|cased: 'Meta*Flavor'
                condition: sel
                """));
    }

    @Test
    void regexIsCaseInsensitiveOnlyWhenTheRuleAsksForIt() throws IOException {
        assertEquals("ProcessCommandLine matches regex \"curl\\\\s+-H\"", kql("""
                sel:
                    CommandLine|re: 'curl\\s+-H'
                condition: sel
                """));
        assertEquals("ProcessCommandLine matches regex \"(?i)curl\\\\s+-H\"", kql("""
                sel:
                    CommandLine|re|i: 'curl\\s+-H'
                condition: sel
                """));
    }

    @Test
    void aDetectionItemTheTargetCannotMapFailsTheRuleInsteadOfVanishing() throws IOException {
        String out = kql("""
                sel:
                    CommandLine|contains: 'meta-data'
                    NoSuchSysmonField: 'x'
                condition: sel
                """);
        assertTrue(out.contains("error") && out.contains("NoSuchSysmonField"), out);
    }

    @Test
    void columnNamesWithDashesOrSpacesAreBracketed() {
        // the bundled Defender schema has no such column, so this goes straight to the backend
        Map<String, String> expected = Map.of("Process-Name", "['Process-Name'] =~ \"x\"",
                "Process Name", "['Process Name'] =~ \"x\"", "a'b", "['a\\'b'] =~ \"x\"");
        expected.forEach((name, kql) -> {
            var m = new StringMatch(Optional.of(name), StrOp.EQUALS, SigmaString.literal("x"), false, Span.NONE);
            assertEquals(kql, new KqlBackend().renderCondition(TestRules.mapped(m, Map.of("table", "T"), Map.of())));
        });
    }

    @Test
    void regexesMatchAnywhereUnlessAnchoredAndRe2GapsAreErrors() throws IOException {
        // KQL 'matches regex' searches the value, as Sigma means: no ^/$ are added
        assertEquals("ProcessCommandLine matches regex \"meta-data\"", kql("""
                sel:
                    CommandLine|re: 'meta-data'
                condition: sel
                """));
        for (String re : List.of("'curl(?!.*noproxy)'", "'(?<=x)curl'", "'(a)\\1'", "'a++'")) {
            String out = kql("sel:\n    CommandLine|re: " + re + "\ncondition: sel\n");
            assertTrue(out.contains("error") && out.contains("kql: the regular expression uses"), out);
        }
    }
}
