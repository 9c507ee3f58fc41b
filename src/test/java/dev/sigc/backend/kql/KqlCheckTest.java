package dev.sigc.backend.kql;

import static dev.sigc.backend.kql.KqlBackendTest.SPAN;
import static dev.sigc.backend.kql.KqlBackendTest.and;
import static dev.sigc.backend.kql.KqlBackendTest.cs;
import static dev.sigc.backend.kql.KqlBackendTest.lit;
import static dev.sigc.backend.kql.KqlBackendTest.not;
import static dev.sigc.backend.kql.KqlBackendTest.num;
import static dev.sigc.backend.kql.KqlBackendTest.or;
import static dev.sigc.backend.kql.KqlBackendTest.re;
import static dev.sigc.backend.kql.KqlBackendTest.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigc.TestRules;
import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.Cidr;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.pipeline.FieldType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the KQL we generate with Microsoft's own parser (Kusto.Language, via tools/kql-check). Skipped
 * when node or the tool is not installed.
 */
class KqlCheckTest {
    private static final Path TOOL = Path.of("tools", "kql-check", "check.js");

    @BeforeAll
    static void toolPresent() {
        Assumptions.assumeTrue(Files.isRegularFile(TOOL) && Files.isDirectory(TOOL.resolveSibling("node_modules")),
                "tools/kql-check is not installed");
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "node does not run");
        } catch (IOException | InterruptedException e) {
            Assumptions.abort("node is not available: " + e.getMessage());
        }
    }

    @Test
    void everyCharacterSurvivesQuoting(@TempDir Path dir) throws Exception {
        List<String> values = new ArrayList<>(List.of("", "a\"b", "a\\", "\\\"", "'", "\\u0041", "\\n", "x\" or 1==1 | take 1 //",
                "@\"verbatim\"", "h\"hidden\"", "```", "{x}", "$a", "😀", "\ud83d\ude00\ud83d\ude00",
                new String(Character.toChars(0xE0001)), new String(Character.toChars(0x10FFFF)), "\r\n", "\u0000"));
        StringBuilder chunk = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            chunk.append((char) c);
            if (chunk.length() == 64) {
                values.add(chunk.toString());
                chunk.setLength(0);
            }
        }
        values.add(chunk.toString());
        StringBuilder in = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (String v : values) {
            in.append(json(KqlEscaper.quote(v), true)).append('\n');
            expected.append("{\"ok\":true,\"value\":").append(json(v, false)).append("}\n");
        }
        Path input = Files.writeString(dir.resolve("in.txt"), in, StandardCharsets.UTF_8);
        String out = run(input, "node", TOOL.toString(), "--stdin-literals");
        String[] want = expected.toString().split("\n");
        String[] got = out.split("\n");
        assertEquals(want.length, got.length, out);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], "value " + i + ": " + json(values.get(i), true));
        }
    }

    @Test
    void renderedQueriesParseAndBind(@TempDir Path dir) throws Exception {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String c : List.of("F", "G", "H", "A", "B", "C", "D", "Port", "Flag", "RemoteIP", "a b", "where", "true",
                "it's\"", "x\\y\n", "1a", "a.b", "a-b", "a]b", "é", "__id", "in", "and")) {
            columns.put(c, "string");
        }
        columns.putAll(Map.of("ProcessId", "long", "Score", "real", "IsAdmin", "bool", "Extra", "dynamic",
                "Timestamp", "datetime", "ReportGuid", "guid", "CommandLine", "string"));
        Map<String, FieldType> types = new LinkedHashMap<>(KqlBackendTest.TYPES);
        List<Expr> exprs = new ArrayList<>(List.of(
                and(s("F", StrOp.EQUALS, "v"), s("F", StrOp.CONTAINS, "v"), s("F", StrOp.STARTS_WITH, "v"),
                        s("F", StrOp.ENDS_WITH, "v")),
                or(cs("F", StrOp.EQUALS, "v"), cs("F", StrOp.CONTAINS, "v"), cs("F", StrOp.STARTS_WITH, "v"),
                        cs("F", StrOp.ENDS_WITH, "v")),
                or(s("F", StrOp.EQUALS, "a"), s("F", StrOp.EQUALS, "b"), cs("F", StrOp.EQUALS, "c"),
                        cs("F", StrOp.EQUALS, "d"), num("ProcessId", CompareOp.EQ, "1"), s("ProcessId", StrOp.EQUALS, "2")),
                not(and(s("A", StrOp.EQUALS, "1"), not(or(s("B", StrOp.EQUALS, "2"), not(s("C", StrOp.EQUALS, "3")))))),
                or(and(s("A", StrOp.EQUALS, "1"), or(s("B", StrOp.EQUALS, "2"), s("C", StrOp.EQUALS, "3"))),
                        not(s("D", StrOp.EQUALS, "4"))),
                or(s("F", StrOp.EQUALS, "a*b?c"), cs("F", StrOp.CONTAINS, "C:\\Windows\\\\*.exe?"), s("F", StrOp.CONTAINS, "")),
                or(re("F", "^a\\d+(?i:b)[x-z]$", RegexFlag.IGNORE_CASE, RegexFlag.MULTILINE),
                        re("F", "(?<n>a)\\u0041\\Q.*\\E"), re("ProcessId", "^4")),
                or(new CidrMatch("RemoteIP", Cidr.parse("10.0.0.0/8").orElseThrow(), SPAN),
                        new CidrMatch("RemoteIP", Cidr.parse("fd00::/8").orElseThrow(), SPAN),
                        new CidrMatch("Extra", Cidr.parse("::/0").orElseThrow(), SPAN)),
                and(num("ProcessId", CompareOp.GT, "5"), num("ProcessId", CompareOp.LTE, "-5"),
                        num("Score", CompareOp.LT, "0.1"), num("Port", CompareOp.EQ, "443"),
                        num("Port", CompareOp.GTE, "2.5"), num("Extra", CompareOp.EQ, "7")),
                and(new BoolMatch("IsAdmin", true, SPAN), new BoolMatch("Extra", false, SPAN),
                        new BoolMatch("Flag", true, SPAN)),
                and(new NullMatch("F", SPAN), new NullMatch("ProcessId", SPAN), new NullMatch("Timestamp", SPAN),
                        new ExistsMatch("F", true, SPAN), new ExistsMatch("Extra", false, SPAN),
                        new ExistsMatch("ReportGuid", true, SPAN)),
                and(s("ProcessId", StrOp.EQUALS, "0443"), s("Extra", StrOp.CONTAINS, "x"),
                        s("ReportGuid", StrOp.EQUALS, "ab"), s("Timestamp", StrOp.STARTS_WITH, "2024"),
                        s("ProcessId", StrOp.EQUALS, "4?3")),
                not(and(num("ProcessId", CompareOp.GT, "5"), num("Port", CompareOp.LT, "2"),
                        new CidrMatch("RemoteIP", Cidr.parse("fd00::/8").orElseThrow(), SPAN),
                        new BoolMatch("Extra", true, SPAN), or(num("ProcessId", CompareOp.EQ, "4"),
                                num("ProcessId", CompareOp.EQ, "8"), s("F", StrOp.EQUALS, "x")))),
                and(lit("F", StrOp.EQUALS, "\u0000\u001b\u007f\u0085\u200b\u202e\u2028\ufeff\"\\\n\r\t'|"),
                        lit("F", StrOp.CONTAINS, "é中😀" + new String(Character.toChars(0xE0001)))),
                // field references: a column on the right of ==, contains_cs, startswith_cs, endswith_cs
                or(new FieldRefMatch("F", StrOp.EQUALS, "G", false, SPAN), new FieldRefMatch("F", StrOp.CONTAINS, "G", false, SPAN),
                        new FieldRefMatch("F", StrOp.STARTS_WITH, "a b", false, SPAN),
                        new FieldRefMatch("F", StrOp.ENDS_WITH, "G", false, SPAN), new FieldRefMatch("F", StrOp.EQUALS, "G", true, SPAN),
                        new FieldRefMatch("F", StrOp.CONTAINS, "G", true, SPAN), new FieldRefMatch("F", StrOp.STARTS_WITH, "G", true, SPAN),
                        new FieldRefMatch("F", StrOp.ENDS_WITH, "G", true, SPAN),
                        new FieldRefMatch("ProcessId", StrOp.EQUALS, "Extra", false, SPAN)),
                not(new FieldRefMatch("F", StrOp.EQUALS, "G", false, SPAN)),
                // time parts of a datetime column
                or(new TimePartMatch("Timestamp", dev.sigc.ast.TimeUnit.MINUTE, CompareOp.EQ, 30, SPAN),
                        new TimePartMatch("Timestamp", dev.sigc.ast.TimeUnit.HOUR, CompareOp.GTE, 22, SPAN),
                        new TimePartMatch("Timestamp", dev.sigc.ast.TimeUnit.DAY, CompareOp.LT, 2, SPAN),
                        new TimePartMatch("Timestamp", dev.sigc.ast.TimeUnit.WEEK, CompareOp.EQ, 53, SPAN),
                        new TimePartMatch("Timestamp", dev.sigc.ast.TimeUnit.MONTH, CompareOp.LTE, 12, SPAN),
                        new TimePartMatch("Timestamp", dev.sigc.ast.TimeUnit.YEAR, CompareOp.GT, 2020, SPAN)),
                not(new TimePartMatch("Timestamp", dev.sigc.ast.TimeUnit.HOUR, CompareOp.GTE, 22, SPAN)),
                // an IPv6 range that covers IPv4-mapped addresses, and values with non-ASCII letters
                not(new CidrMatch("RemoteIP", Cidr.parse("::/0").orElseThrow(), SPAN)),
                or(lit("F", StrOp.EQUALS, "é"), lit("F", StrOp.CONTAINS, "Ärger"), lit("F", StrOp.STARTS_WITH, "ж"),
                        lit("F", StrOp.EQUALS, "a"))));
        for (String c : columns.keySet()) {
            exprs.add(or(s(c, StrOp.EQUALS, "x"), s(c, StrOp.EQUALS, "y"), new NullMatch(c, SPAN)));
        }
        StringBuilder schema = new StringBuilder("{\"name\":\"db\",\"tables\":{\"DeviceProcessEvents\":{");
        columns.forEach((k, v) -> schema.append(schema.charAt(schema.length() - 1) == '{' ? "" : ",")
                .append(json(k, true)).append(':').append(json(v, true)));
        schema.append("},\"My Table\":{\"F\":\"string\"}}}");
        Path schemaFile = Files.writeString(dir.resolve("schema.json"), schema);
        List<String> cmd = new ArrayList<>(List.of("node", TOOL.toString(), "--schema", schemaFile.toString()));
        for (int i = 0; i < exprs.size(); i++) {
            String q = new KqlBackend().render(TestRules.mapped(exprs.get(i), Map.of("table", "DeviceProcessEvents"), types)).text();
            cmd.add(Files.writeString(dir.resolve("q" + i + ".kql"), q, StandardCharsets.UTF_8).toString());
        }
        String q = new KqlBackend().render(TestRules.mapped(s("F", StrOp.EQUALS, "x"), Map.of("table", "My Table"), types)).text();
        cmd.add(Files.writeString(dir.resolve("table.kql"), q, StandardCharsets.UTF_8).toString());
        String out = run(null, cmd.toArray(String[]::new));
        assertEquals("kql-check: " + (exprs.size() + 1) + " files, 0 errors\n", out);
    }

    private static String run(Path stdin, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("kql-check timed out");
        }
        return out;
    }

    /** A JSON string; {@code ascii} escapes all non-ASCII, otherwise exactly as JavaScript's JSON.stringify. */
    static String json(String s, boolean ascii) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || lone || (ascii && c > 0x7e)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
