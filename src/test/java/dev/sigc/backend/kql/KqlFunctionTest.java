package dev.sigc.backend.kql;

import static dev.sigc.backend.kql.KqlCli.emits;
import static dev.sigc.backend.kql.KqlCli.stops;
import static dev.sigc.backend.kql.KqlCheckTest.json;
import static dev.sigc.backend.kql.KqlHostileValuesTest.opToken;
import static dev.sigc.backend.kql.KqlHostileValuesTest.stringToken;
import static dev.sigc.backend.kql.KqlHostileValuesTest.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.backend.Patterns;
import dev.sigc.cli.CliRun;
import dev.sigc.compile.CompiledRule;
import dev.sigc.compile.RuleCompiler;
import dev.sigc.convert.Converter;
import dev.sigc.diag.Span;
import dev.sigc.pipeline.PipelineLoader;
import dev.sigc.pipeline.PipelineRunner;
import dev.sigc.rule.LoadResult;
import dev.sigc.rule.RuleLoader;
import dev.sigc.testing.Hostile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kql-sentinel's sources with no Sentinel table: the query reads a function the user saves, named per logsource in
 * the pipeline (the Splunk macro's name), whose columns defender-xdr.json declares as a table. JSON sources by their
 * documented keys (objects as dynamic columns), plain-text sources by keyword on the function's Message column.
 */
class KqlFunctionTest {
    @TempDir
    Path dir;

    private KqlCli cli;

    @org.junit.jupiter.api.BeforeEach
    void cli() {
        cli = new KqlCli(dir, "title: t\nid: 6e0b5c55-0d0a-4c8e-9f39-2a1b3c4d5e6f\nlevel: high\n", "-p", "kql-sentinel");
    }

    /** Converts one rule (logsource and detection lines of YAML) to KQL with the given extra arguments. */
    private CliRun kql(String logsource, String detection, String... args) throws IOException {
        return cli.convert(logsource, detection, args);
    }

    @Test
    void jsonSourcesReadTheirDocumentedKeys() throws IOException {
        emits("sigma_opencanary\n| where logtype == 1001",
                kql("category: application\nproduct: opencanary", "sel:\n    logtype: 1001\ncondition: sel"));
        emits("sigma_bitbucket_audit\n| where tostring(auditType.category) =~ \"Users and groups\" and "
                        + "tostring(auditType.action) =~ \"User added\"",
                kql("product: bitbucket\nservice: audit",
                        "sel:\n    auditType.category: 'Users and groups'\n    auditType.action: 'User added'\ncondition: sel"));
        emits("sigma_onelogin\n| where event_type_id in (532, 553)",
                kql("product: onelogin\nservice: onelogin.events", "sel:\n    event_type_id: [532, 553]\ncondition: sel"));
        emits("sigma_cisco_duo\n| where event_type =~ \"authentication\" and tostring(access_device.ip) =~ \"10.1.2.3\"",
                kql("product: cisco\nservice: duo",
                        "sel:\n    event_type: authentication\n    access_device.ip: 10.1.2.3\ncondition: sel"));
        emits("sigma_okta\n| where eventType =~ \"user.session.start\" and tostring(securityContext.isProxy) =~ \"true\" "
                        + "and tostring(outcome.result) =~ \"FAILURE\"",
                kql("product: okta\nservice: okta", "sel:\n    eventType: user.session.start\n"
                        + "    securityContext.isProxy: 'true'\n    outcome.result: FAILURE\ncondition: sel"));
    }

    @Test
    void aKeyNoVendorDocumentsOrThatIsNoOneValueIsAnError() throws IOException {
        stops("is not a field of sigma_opencanary",
                kql("category: application\nproduct: opencanary", "sel:\n    logdata.USERNAME: root\ncondition: sel"));
        stops("is not a field of sigma_bitbucket_audit",
                kql("product: bitbucket\nservice: audit", "sel:\n    affectedObjects.name: x\ncondition: sel"));
        stops("is not a field of sigma_cisco_duo",
                kql("product: cisco\nservice: duo", "sel:\n    access_device.location.city: x\ncondition: sel"));
        stops("is not a field of sigma_okta",
                kql("product: okta\nservice: okta", "sel:\n    target.displayName: x\ncondition: sel"));
        stops("is not a field of sigma_okta",
                kql("product: okta\nservice: okta", "sel:\n    debugContext.debugData.requestUri: x\ncondition: sel"));
        stops("is not a field of sigma_jvm",
                kql("category: application\nproduct: jvm", "sel:\n    message: x\ncondition: sel"));
        stops("keyword (field-less) search is not supported",
                kql("category: application\nproduct: opencanary", "keywords:\n    - x\ncondition: keywords"));
    }

    /** Each plain-text logsource and the function it reads; the name is the pipeline's, never the rule's. */
    private static final String[][] TEXT = {
        {"category: application\nproduct: jvm", "sigma_jvm"},
        {"category: application\nproduct: spring", "sigma_spring"},
        {"category: application\nproduct: python", "sigma_python"},
        {"category: application\nproduct: nodejs", "sigma_nodejs"},
        {"category: application\nproduct: django", "sigma_django"},
        {"category: application\nproduct: ruby_on_rails", "sigma_ruby_on_rails"},
        {"category: application\nproduct: velocity", "sigma_velocity"},
        {"category: application\nproduct: sql", "sigma_sql"},
        {"category: database", "sigma_database"},
        {"service: nginx", "sigma_nginx"},
        {"service: apache", "sigma_apache"},
        {"product: linux\nservice: clamav", "sigma_linux_clamav"},
        {"product: linux\nservice: guacamole", "sigma_linux_guacamole"},
        {"product: huawei\nservice: bgp", "sigma_huawei_bgp"},
        {"product: juniper\nservice: bgp", "sigma_juniper_bgp"},
        {"product: cisco\nservice: aaa", "sigma_cisco_aaa"},
        {"product: cisco\nservice: bgp", "sigma_cisco_bgp"},
        {"product: cisco\nservice: ldp", "sigma_cisco_ldp"},
        {"product: cisco\nservice: syslog", "sigma_cisco_syslog"},
        {"category: appliance\nproduct: paloalto\nservice: globalprotect", "sigma_paloalto_globalprotect"},
    };

    @Test
    void plainTextSourcesSearchKeywordsInMessage() throws IOException {
        for (String[] c : TEXT) {
            emits(c[1] + "\n| where Message contains \"clear logging\" or Message contains \"x\\\"y\"",
                    kql(c[0], "keywords:\n    - 'clear logging'\n    - 'x\"y'\ncondition: keywords"));
        }
        emits("sigma_linux_clamav\n| where Message matches regex \"(?is)Trojan.*FOUND\"",
                kql("product: linux\nservice: clamav", "keywords:\n    - 'Trojan*FOUND'\ncondition: keywords"));
    }

    @Test
    void logsourcesThatHaveATableKeepIt() throws IOException {
        emits("Syslog\n| where SyslogMessage contains \"x\" or ProcessName contains \"x\"",
                kql("product: linux", "keywords:\n    - x\ncondition: keywords"));
        emits("Syslog\n| where Facility =~ \"cron\" and (SyslogMessage contains \"x\" or ProcessName contains \"x\")",
                kql("product: linux\nservice: cron", "keywords:\n    - x\ncondition: keywords"));
        // without kql-sentinel there is no function: the logsource is not covered
        Path rule = dir.resolve("alone.yml");
        Files.writeString(rule, "title: t\nlogsource:\n    category: application\n    product: opencanary\n"
                + "detection:\n    sel:\n        logtype: 1001\n    condition: sel\n");
        CliRun run = CliRun.of("convert", "-t", "kql", rule.toString());
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains("logsource category=application product=opencanary"), run.err());
    }

    /** A function is no data connector: a Sentinel rule for one is a one-line error, not a made-up connector. */
    @Test
    void sentinelAndArmNameNoConnectorForAFunction() throws IOException {
        stops("sentinel has no data connector for table sigma_opencanary",
                kql("category: application\nproduct: opencanary", "sel:\n    logtype: 1001\ncondition: sel", "-f",
                        "sentinel"));
        stops("arm has no data connector for table sigma_cisco_aaa",
                kql("product: cisco\nservice: aaa", "keywords:\n    - x\ncondition: keywords", "-f", "arm"));
    }

    /** Every function's query, and a union pack over them, parses and binds against the schema's declarations. */
    @Test
    void functionQueriesAndTheirUnionPackBind() throws IOException, InterruptedException {
        KqlCli.checkTool();
        String[][] json = {
            {"category: application\nproduct: opencanary", "sel:\n    logtype: 1001\n    src_port: 21\n    node_id: x"},
            {"product: bitbucket\nservice: audit", "sel:\n    auditType.category: x\n    author.name: y\n"
                    + "    timestamp.epochSecond: 5\n    source: z"},
            {"product: onelogin\nservice: onelogin.events", "sel:\n    event_type_id: 3\n    user_name: x\n    solved: 'true'"},
            {"product: cisco\nservice: duo", "sel:\n    reason: bypass_user\n    user.name: x\n    application.name|contains: y"},
            {"product: okta\nservice: okta", "sel:\n    eventType: x\n    actor.alternateId|re: '^0oa'\n"
                    + "    securityContext.isProxy: 'true'\n    securityContext.asNumber: 5\n    client.ipAddress|cidr: 10.0.0.0/8"},
        };
        for (String[] c : json) {
            kql(c[0], c[1] + "\ncondition: sel");
        }
        for (String[] c : TEXT) {
            kql(c[0], "keywords:\n    - 'a*b'\n    - x\ncondition: keywords");
        }
        int cases = json.length + TEXT.length;
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("convert", "-t", "kql", "-p", "kql-sentinel", "-f", "query,union", "-o", out.toString(),
                dir.resolve("in").toString());
        assertEquals(0, run.exitCode(), run.err());
        KqlCli.Checked checked = KqlCli.assertBind(out);
        assertTrue(checked.files() >= cases + 1, "a query per case and at least one union pack: " + checked.files());
        assertTrue(checked.output().contains("kql-check: " + checked.files() + " files, 0 errors"), checked.output());
    }

    private static final int TRIES = 2_000;
    private static final long SEED = 0x6b716c5f666e6374L;
    private static final Span SPAN = new Span("r.yml", 1, 1);

    /**
     * A hostile keyword through the bundled pipelines (kql-defender, kql-sentinel) and the renderer, lexed by
     * Kusto.Language: exactly the tokens of "function | where Message op literal", the literal denoting the value
     * (or the regex built from it).
     */
    @Test
    void hostileKeywordsStayInsideTheirLiterals() throws IOException, InterruptedException {
        LoadResult lr = new RuleLoader().load("r.yml",
                "title: t\nlogsource:\n    product: cisco\n    service: aaa\ndetection:\n    k:\n        - x\n"
                        + "    condition: k\n");
        assertTrue(lr.diagnostics().isEmpty(), lr.diagnostics().toString());
        CompiledRule base = new RuleCompiler().compile(lr.rules().get(0));
        KqlBackend backend = new KqlBackend();
        PipelineRunner runner = Converter.Target.of(backend, List.of(PipelineLoader.bundled("kql-sentinel.yml")))
                .runner();
        KqlHostileValuesTest.Batch queries = new KqlHostileValuesTest.Batch("--stdin-queries");
        Hostile h = Hostile.seeded(SEED);
        record Try(String value, StrOp op, boolean cased) {
            @Override
            public String toString() {
                return "keyword " + Hostile.literal(value) + ", " + op + (cased ? " cased" : "");
            }
        }
        List<Try> edges = new ArrayList<>();
        for (String value : KqlHostileValuesTest.HOSTILE.edges()) {
            if (!value.isEmpty()) {
                edges.add(new Try(value, StrOp.CONTAINS, false));
                edges.add(new Try(value, StrOp.EQUALS, true));
            }
        }
        h.check(h.tries(TRIES, edges, g -> new Try(KqlKeywordValue.next(g), g.pick(StrOp.class), g.bool())), t -> {
            StringMatch keyword = new StringMatch(Optional.empty(), t.op(), SigmaString.literal(t.value()), t.cased(),
                    SPAN);
            String query = backend.render(runner.apply(new CompiledRule(base.rule(), keyword, Map.of()))).text();
            List<String> tokens = new ArrayList<>();
            tokens.add(token("IdentifierToken", "", "sigma_cisco_aaa"));
            tokens.add(token("BarToken", "\n", "|"));
            tokens.add(token("WhereKeyword", " ", "where"));
            tokens.add(token("IdentifierToken", " ", "Message"));
            String literal;
            if (t.cased() || KqlCase.asciiFoldSuffices(t.value())) {
                tokens.add(opToken(t.op(), t.cased()));
                literal = t.value();
            } else {
                tokens.add(token("MatchesRegexKeyword", " ", "matches regex"));
                literal = Patterns.toRegex(SigmaString.literal(t.value()), t.op(), false);
            }
            tokens.add(stringToken(" ", literal));
            tokens.add(token("EndOfTextToken", "", ""));
            queries.expect(json(query, true), "{\"ok\":true,\"diagnostics\":[],\"tokens\":[" + String.join(",", tokens)
                    + "]}", t + " -> query " + json(query, true));
        });
        queries.start();
        assertEquals(List.of(), queries.finish(), h::seedNote);
    }

    /** Non-empty hostile values (an empty keyword is a test for any value, not a literal). */
    private static final class KqlKeywordValue {
        static String next(Hostile g) {
            String v = KqlHostileValuesTest.HOSTILE.next(g);
            return v.isEmpty() ? "\"" : v;
        }
    }
}
