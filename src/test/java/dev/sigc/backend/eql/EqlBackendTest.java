package dev.sigc.backend.eql;

import static dev.sigc.backend.eql.EqlFixtures.AT;
import static dev.sigc.backend.eql.EqlFixtures.and;
import static dev.sigc.backend.eql.EqlFixtures.cased;
import static dev.sigc.backend.eql.EqlFixtures.ci;
import static dev.sigc.backend.eql.EqlFixtures.cond;
import static dev.sigc.backend.eql.EqlFixtures.eql;
import static dev.sigc.backend.eql.EqlFixtures.fails;
import static dev.sigc.backend.eql.EqlFixtures.literal;
import static dev.sigc.backend.eql.EqlFixtures.match;
import static dev.sigc.backend.eql.EqlFixtures.not;
import static dev.sigc.backend.eql.EqlFixtures.or;
import static dev.sigc.backend.eql.EqlFixtures.re;
import static dev.sigc.backend.eql.EqlFixtures.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.TestRules;
import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.Cidr;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.ast.TimeUnit;
import dev.sigc.backend.Construct;
import dev.sigc.backend.Support;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.pipeline.FieldType;
import dev.sigc.pipeline.MappedRule;
import dev.sigc.rule.LogSource;
import dev.sigc.rule.SigmaRule;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EqlBackendTest {
    private static final Map<String, FieldType> NUM = Map.of("destination.port", FieldType.NUMBER);

    @Test
    void identity() {
        EqlBackend b = new EqlBackend();
        assertEquals("eql", b.id());
        assertEquals("eql", b.extension());
        assertEquals("eql-ecs.yml", b.defaultPipeline());
    }

    // ---- category and statement shape

    @Test
    void categoryThenWhere() {
        assertEquals("process where process.name : \"cmd.exe\"", eql(ci("process.name", "cmd.exe")));
    }

    @Test
    void categoryAnyAndQuotedCategory() {
        Expr c = ci("a", "x");
        assertEquals("any where a : \"x\"", render(c, Map.of("category", "any")));
        assertEquals("\"my-category\" where a : \"x\"", render(c, Map.of("category", "my-category")));
        assertEquals("\"sequence\" where a : \"x\"", render(c, Map.of("category", "sequence")));
    }

    @Test
    void missingCategoryIsUnmappedLogsourceAtTheLogsource() {
        Span ls = new Span("rule.yml", 4, 1);
        SigmaRule base = TestRules.rule("t");
        LogSource logsource = new LogSource(Optional.of("process_creation"), Optional.of("windows"), Optional.empty(),
                Optional.empty(), ls);
        SigmaRule r = new SigmaRule(base.file(), base.span(), base.title(), base.id(), base.name(), base.related(),
                base.status(), base.description(), base.license(), base.author(), base.references(), base.date(),
                base.modified(), logsource, base.detection(), base.fields(), base.falsepositives(), base.level(),
                base.tags(), base.scope(), base.custom(), base.valueSpans());
        MappedRule m = new MappedRule(r, ci("a", "x"), Map.of(), Map.of());
        SigcException e = assertThrows(SigcException.class, () -> new EqlBackend().render(m));
        assertEquals("unmapped-logsource", e.diagnostic().code());
        assertEquals(ls, e.diagnostic().span());
        assertTrue(e.getMessage().contains("category=process_creation product=windows"), e.getMessage());
    }

    // ---- plain strings

    @Test
    void caseInsensitiveEqualsUsesColon() {
        assertEquals("process.name : \"cmd.exe\"", cond(ci("process.name", "cmd.exe")));
    }

    @Test
    void caseSensitiveEqualsUsesDoubleEquals() {
        assertEquals("process.name == \"cmd.exe\"", cond(cased("process.name", "cmd.exe")));
    }

    @Test
    void anchoredOpsUseLike() {
        assertEquals("process.command_line like~ \"*-enc*\"", cond(ci("process.command_line", "*-enc*")));
        assertEquals("process.command_line like~ \"powershell*\"", cond(ci("process.command_line", "powershell*")));
        assertEquals("process.executable like~ \"*\\\\cmd.exe\"", cond(ci("process.executable", "*\\cmd.exe")));
        assertEquals("process.command_line like \"*-EncodedCommand*\"", cond(cased("process.command_line", "*-EncodedCommand*")));
        assertEquals("a like \"x*\"", cond(cased("a", "x*")));
        assertEquals("a like \"*x\"", cond(cased("a", "*x")));
    }

    @Test
    void emptyValues() {
        assertEquals("a : \"\"", cond(ci("a", "")));
        assertEquals("a == \"\"", cond(cased("a", "")));
        assertEquals("a like~ \"*\"", cond(literal("a", StrOp.CONTAINS, "", false)));
        assertEquals("a like~ \"*\"", cond(literal("a", StrOp.STARTS_WITH, "", false)));
    }

    @Test
    void innerWildcardsAreEqlWildcards() {
        assertEquals("a like~ \"x*y?z\"", cond(ci("a", "x*y?z")));
        assertEquals("a like~ \"*x?y*\"", cond(ci("a", "*x?y*")));
        assertEquals("a like \"x*y\"", cond(cased("a", "x*y")));
        assertEquals("a like~ \"?\"", cond(ci("a", "?")));
    }

    @Test
    void literalStarOrQuestionMarkInEqualsIsNeverAWildcard() {
        // ':' would treat * and ? as wildcards; in~ is an exact case-insensitive comparison
        assertEquals("a in~ (\"x*y\")", cond(ci("a", "x\\*y")));
        assertEquals("a in~ (\"why?\")", cond(ci("a", "why\\?")));
        assertEquals("a == \"x*y\"", cond(cased("a", "x\\*y")));
    }

    @Test
    void literalStarOrQuestionMarkElsewhereFallsBackToAnAnchoredRegex() {
        assertEquals("a regex~ \".*x\\\\*y.*\"", cond(ci("a", "*x\\*y*")));
        assertEquals("a regex \"why\\\\?.*\"", cond(cased("a", "why\\?*")));
        assertEquals("a regex~ \".*\\\\?.*\\\\*\"", cond(ci("a", "*\\?*\\*")));
        assertEquals("a regex~ \"x\\\\*.y\"", cond(ci("a", "x\\*?y")));
    }

    @Test
    void likeInternalEscapeCharacterFallsBackToRegex() {
        assertEquals("a regex~ \".*x\\u{01}y.*\"", cond(literal("a", StrOp.CONTAINS, "x\u0001y", false)));
        assertEquals("a : \"x\\u{01}y\"", cond(literal("a", StrOp.EQUALS, "x\u0001y", false)));
    }

    @Test
    void regexFallbackSpellsOutNonAsciiCaseVariants() {
        // regex~ folds ASCII only
        assertEquals("a regex~ \".*[\\u{e9}\\u{c9}]t\\u{e9}\\\\*.*\"".replace("t\\u{e9}", "t[\\u{e9}\\u{c9}]"),
                cond(literal("a", StrOp.CONTAINS, "\u00e9t\u00e9*", false)));
        assertEquals("a regex \".*\\u{e9}\\\\*.*\"", cond(literal("a", StrOp.CONTAINS, "\u00e9*", true)));
    }

    @Test
    void percentAndUnderscoreAreLiteralInLike() {
        assertEquals("a like~ \"*50%_off*\"", cond(ci("a", "*50%_off*")));
    }

    // ---- keyword search

    @Test
    void keywordSearchIsRejected() {
        SigcException e = fails("unsupported-keyword", match(Optional.empty(), "*mimikatz*", false));
        assertTrue(e.getMessage().contains("eql: keyword"), e.getMessage());
    }

    // ---- grouping

    @Test
    void orOfSameFieldEqualsBecomesInTilde() {
        assertEquals("process.name in~ (\"a.exe\", \"b.exe\", \"c*d\")",
                cond(or(ci("process.name", "a.exe"), ci("process.name", "b.exe"), ci("process.name", "c\\*d"))));
    }

    @Test
    void orOfSameFieldLikeBecomesLikeList() {
        assertEquals("a like~ (\"*x*\", \"y*\", \"*z\")", cond(or(ci("a", "*x*"), ci("a", "y*"), ci("a", "*z"))));
        assertEquals("a like (\"*X*\", \"Y*\")", cond(or(cased("a", "*X*"), cased("a", "Y*"))));
    }

    @Test
    void orOfCasedEqualsBecomesIn() {
        assertEquals("a in (\"X\", \"Y\")", cond(or(cased("a", "X"), cased("a", "Y"))));
    }

    @Test
    void groupsKeepFirstPositionAndValueOrder() {
        Expr e = or(ci("a", "1x"), ci("b", "2"), ci("a", "3x"), cased("a", "4"), ci("a", "*5*"), ci("b", "6"),
                ci("a", "*7*"));
        assertEquals("a in~ (\"1x\", \"3x\") or b in~ (\"2\", \"6\") or a == \"4\" or a like~ (\"*5*\", \"*7*\")", cond(e));
    }

    @Test
    void differentCaseOrKindDoNotMerge() {
        assertEquals("a : \"x\" or a == \"y\" or a like~ \"z*\"", cond(or(ci("a", "x"), cased("a", "y"), ci("a", "z*"))));
    }

    @Test
    void orNestedInAndIsParenthesisedAndGrouped() {
        Expr e = and(ci("process.parent.name", "winword.exe"), or(ci("process.name", "cmd.exe"), ci("process.name", "powershell.exe")));
        assertEquals("process.parent.name : \"winword.exe\" and process.name in~ (\"cmd.exe\", \"powershell.exe\")", cond(e));
        Expr e2 = and(ci("x", "1"), or(ci("a", "b"), ci("c", "d")));
        assertEquals("x : \"1\" and (a : \"b\" or c : \"d\")", cond(e2));
    }

    @Test
    void andInsideOrNeedsNoParentheses() {
        assertEquals("a : \"1\" and b : \"2\" or c : \"3\"", cond(or(and(ci("a", "1"), ci("b", "2")), ci("c", "3"))));
    }

    @Test
    void notOfLeafAndOfGroup() {
        assertEquals("not a : \"x\"", cond(not(ci("a", "x"))));
        assertEquals("not (a : \"x\" and b : \"y\")", cond(not(and(ci("a", "x"), ci("b", "y")))));
        assertEquals("not (a in~ (\"x\", \"y\"))", cond(not(or(ci("a", "x"), ci("a", "y")))));
        assertEquals("c : \"1\" and not (a : \"x\" or b : \"y\")", cond(and(ci("c", "1"), not(or(ci("a", "x"), ci("b", "y"))))));
        assertEquals("not not a : \"x\"", cond(not(not(ci("a", "x")))));
    }

    // ---- numbers, bools, nulls, exists, cidr

    @Test
    void numbers() {
        assertEquals("destination.port == 443", cond(num("destination.port", CompareOp.EQ, "443"), NUM));
        assertEquals("destination.port > 1024", cond(num("destination.port", CompareOp.GT, "1024"), NUM));
        assertEquals("destination.port <= -1.5", cond(num("destination.port", CompareOp.LTE, "-1.5"), NUM));
        assertEquals("destination.port in (443, 8443)",
                cond(or(num("destination.port", CompareOp.EQ, "443"), num("destination.port", CompareOp.EQ, "8443")), NUM));
        // untyped (string) field: an exact string comparison
        assertEquals("winlog.event_id : \"4624\"", cond(num("winlog.event_id", CompareOp.EQ, "4624")));
        assertEquals("winlog.event_id in~ (\"4624\", \"4625\")",
                cond(or(num("winlog.event_id", CompareOp.EQ, "4624"), num("winlog.event_id", CompareOp.EQ, "4625"))));
        assertEquals("x >= 3", cond(num("x", CompareOp.GTE, "3")));
        assertEquals("x < 3", cond(num("x", CompareOp.LT, "3")));
    }

    @Test
    void stringOnNumberField() {
        assertEquals("destination.port == 443", cond(ci("destination.port", "443"), NUM));
        assertEquals("destination.port == -7", cond(ci("destination.port", "-007"), NUM));
        assertEquals("destination.port in (80, 443)",
                cond(or(ci("destination.port", "80"), num("destination.port", CompareOp.EQ, "443")), NUM));
        fails("type-mismatch", ci("destination.port", "44*"), NUM);
        fails("type-mismatch", ci("destination.port", "1.5"), NUM);
        fails("type-mismatch", ci("destination.port", "*443*"), NUM);
    }

    @Test
    void stringOnIpField() {
        Map<String, FieldType> ip = Map.of("source.ip", FieldType.IP);
        assertEquals("source.ip == \"10.0.0.1\"", cond(ci("source.ip", "10.0.0.1"), ip));
        assertEquals("source.ip in (\"10.0.0.1\", \"::1\")", cond(or(ci("source.ip", "10.0.0.1"), ci("source.ip", "::1")), ip));
        fails("type-mismatch", ci("source.ip", "10.*"), ip);
    }

    @Test
    void stringOnBoolField() {
        Map<String, FieldType> bool = Map.of("x.enabled", FieldType.BOOL);
        assertEquals("x.enabled == true", cond(ci("x.enabled", "True"), bool));
        assertEquals("x.enabled == false", cond(cased("x.enabled", "false"), bool));
        fails("type-mismatch", ci("x.enabled", "t*"), bool);
        fails("type-mismatch", ci("x.enabled", "yes"), bool);
    }

    @Test
    void boolNullExists() {
        assertEquals("a == true", cond(new BoolMatch("a", true, AT)));
        assertEquals("a == false", cond(new BoolMatch("a", false, AT)));
        assertEquals("a == null", cond(new NullMatch("a", AT)));
        assertEquals("a != null", cond(new ExistsMatch("a", true, AT)));
        assertEquals("a == null", cond(new ExistsMatch("a", false, AT)));
        assertEquals("not a != null", cond(not(new ExistsMatch("a", true, AT))));
    }

    @Test
    void cidr() {
        assertEquals("cidrMatch(source.ip, \"10.0.0.0/8\")", cond(cidr("source.ip", "10.1.2.3/8")));
        assertEquals("cidrMatch(source.ip, \"fe80::/10\")", cond(cidr("source.ip", "FE80::1/10")));
        assertEquals("cidrMatch(source.ip, \"10.0.0.0/8\", \"192.168.0.0/16\") or destination.ip : \"1.2.3.4\"",
                cond(or(cidr("source.ip", "10.0.0.0/8"), ci("destination.ip", "1.2.3.4"), cidr("source.ip", "192.168.0.0/16"))));
    }

    // ---- regex (details in LuceneRegexTest)

    @Test
    void regexCaseFlagPicksOperator() {
        assertEquals("a regex \".*abc.*\"", cond(re("a", "abc")));
        assertEquals("a regex~ \".*abc.*\"", cond(re("a", "abc", RegexFlag.IGNORE_CASE)));
        assertEquals("a regex (\".*x.*\", \"y\")", cond(or(re("a", "x"), re("a", "^y$"))));
        assertEquals("a regex \"x\" or a regex~ \"y\"", cond(or(re("a", "^x$"), re("a", "^y$", RegexFlag.IGNORE_CASE))));
    }

    @Test
    void regexEscapingSurvivesTheStringLiteral() {
        assertEquals("a regex \"C:\\\\\\\\Windows\\\\\\\\.*\"", cond(re("a", "^C:\\\\Windows\\\\")));
        assertEquals("a regex \".*\\\\\\\".*\"", cond(re("a", "\"")));
    }

    @Test
    void unsupportedRegexIsReportedAtTheNode() {
        SigcException e = fails("unsupported-regex", re("a", "foo(?=bar)"));
        assertTrue(e.getMessage().startsWith("rule.yml:7:9: error: eql: cannot translate regex"), e.getMessage());
    }

    // ---- field references (EQL rejects F == G; string functions take two fields)

    @Test
    void fieldrefOpsUseStringFunctionsWithMissingFieldGuards() {
        String guards = "a != null and b != null and ";
        assertEquals(guards + "startsWith~(a, b)", cond(ref("a", StrOp.STARTS_WITH, "b", false)));
        assertEquals(guards + "endsWith~(a, b)", cond(ref("a", StrOp.ENDS_WITH, "b", false)));
        // stringContains is false for an empty substring; indexOf gives 0 for it
        assertEquals(guards + "indexOf~(a, b) >= 0", cond(ref("a", StrOp.CONTAINS, "b", false)));
        // equality is a mutual prefix: a starts with b and b starts with a
        assertEquals(guards + "startsWith~(a, b) and startsWith~(b, a)", cond(ref("a", StrOp.EQUALS, "b", false)));
    }

    @Test
    void casedFieldrefDropsTheTilde() {
        assertEquals("a != null and b != null and startsWith(a, b) and startsWith(b, a)",
                cond(ref("a", StrOp.EQUALS, "b", true)));
        assertEquals("a != null and b != null and indexOf(a, b) >= 0", cond(ref("a", StrOp.CONTAINS, "b", true)));
        assertEquals("a != null and b != null and endsWith(a, b)", cond(ref("a", StrOp.ENDS_WITH, "b", true)));
    }

    @Test
    void negatedFieldrefNegatesTheGuardedConjunction() {
        // Elasticsearch negates a script inside the script (not null is null): the guards make 'not' a must_not
        // that matches an event missing either field, as Sigma's not does
        assertEquals("not (a != null and b != null and startsWith~(a, b))", cond(not(ref("a", StrOp.STARTS_WITH, "b", false))));
        assertEquals("c : \"x\" or a != null and b != null and endsWith~(a, b)",
                cond(or(ci("c", "x"), ref("a", StrOp.ENDS_WITH, "b", false))));
        assertEquals("c : \"x\" and a != null and b != null and indexOf~(a, b) >= 0",
                cond(and(ci("c", "x"), ref("a", StrOp.CONTAINS, "b", false))));
    }

    @Test
    void fieldrefQuotesBothFieldNames() {
        assertEquals("`a-b` != null and `c d` != null and startsWith~(`a-b`, `c d`)",
                cond(ref("a-b", StrOp.STARTS_WITH, "c d", false)));
    }

    @Test
    void fieldrefOnANonStringFieldIsATypeError() {
        SigcException e = fails("type-mismatch", ref("process.pid", StrOp.EQUALS, "process.parent.pid", false),
                Map.of("process.pid", FieldType.NUMBER, "process.parent.pid", FieldType.NUMBER));
        assertTrue(e.getMessage().contains("'process.pid' is number"), e.getMessage());
        fails("type-mismatch", ref("a", StrOp.CONTAINS, "source.ip", false), Map.of("source.ip", FieldType.IP));
    }

    // ---- time parts: EQL has no date functions

    @Test
    void timePartsAreUnsupported() {
        for (TimeUnit unit : TimeUnit.values()) {
            SigcException e = fails("unsupported-construct", new TimePartMatch("@timestamp", unit, CompareOp.EQ, 1, AT));
            assertTrue(e.getMessage().contains("eql: a time-part comparison (" + unit.modifier()), e.getMessage());
        }
    }

    // ---- capability table

    @Test
    void everyConstructIsRatedWithANote() {
        var caps = new EqlBackend().capabilities();
        for (Construct c : Construct.values()) {
            assertTrue(caps.containsKey(c), c.id());
            assertTrue(!caps.get(c).note().isBlank(), c.id());
        }
        assertEquals(Support.UNSUPPORTED, caps.get(Construct.KEYWORD).support());
        assertEquals(Support.UNSUPPORTED, caps.get(Construct.HOUR).support());
        assertEquals(Support.FALLBACK, caps.get(Construct.FIELDREF).support());
        assertEquals(Support.EXACT, caps.get(Construct.CIDR_V6).support());
    }

    // ---- escaping

    @Test
    void hostileValuesBecomeExactlyOneLiteral() {
        String[] hostile = {"\"", "\\", "\\\"", "a\" or b : \"c", "line1\nline2", "tab\there", "cr\rlf", "\u0000",
            "\u001b[31m", "\u007f", "caf\u00e9", "\u200f", "\u2028", "\ud83d\ude00", "`", "'", "|", "a\\\\b",
            "\"\"\"", "end\\", "\\u{41}", "*?%_"};
        for (String v : hostile) {
            String q = cond(literal("a", StrOp.EQUALS, v, true));
            assertTrue(q.startsWith("a == \""), q);
            String lit = q.substring(5);
            assertEquals(v, EqlUnquote.unquote(lit), () -> "round trip of " + q);
            assertTrue(lit.chars().allMatch(c -> c >= 0x20 && c < 0x7f), () -> "not printable ASCII: " + q);
        }
    }

    @Test
    void specificEscapes() {
        assertEquals("a == \"q\\\"b\\\\s\\n\\r\\t\\u{00}\\u{7f}\\u{e9}\\u{200f}\\u{1f600}\"",
                cond(literal("a", StrOp.EQUALS, "q\"b\\s\n\r\t\u0000\u007f\u00e9\u200f\ud83d\ude00", true)));
    }

    @Test
    void unpairedSurrogateIsAnError() {
        fails("unsupported-value", literal("a", StrOp.EQUALS, "x\ud800y", true));
    }

    @Test
    void fieldNames() {
        assertEquals("@timestamp == null", cond(new NullMatch("@timestamp", AT)));
        assertEquals("process.pe.original_file_name == null", cond(new NullMatch("process.pe.original_file_name", AT)));
        assertEquals("`my-field` == null", cond(new NullMatch("my-field", AT)));
        assertEquals("`winlog.event_data.Some Field` == null", cond(new NullMatch("winlog.event_data.Some Field", AT)));
        assertEquals("`6field` == null", cond(new NullMatch("6field", AT)));
        assertEquals("`a.in` == null", cond(new NullMatch("a.in", AT)));
        assertEquals("`Where.x` == null", cond(new NullMatch("Where.x", AT)));
        assertEquals("`a``b` == null", cond(new NullMatch("a`b", AT)));
        assertEquals("`a..b` == null", cond(new NullMatch("a..b", AT)));
        assertEquals("`caf\u00e9` == null", cond(new NullMatch("caf\u00e9", AT)));
        assertEquals("cidrMatch(`x-ip`, \"10.0.0.0/8\")", cond(cidr("x-ip", "10.0.0.0/8")));
        fails("invalid-field", new NullMatch("a\nb", AT));
        fails("invalid-field", new NullMatch("", AT));
        SigcException e = fails("invalid-field", new NullMatch("a\ud83d\u0000", AT));
        assertTrue(e.getMessage().contains("'a\\u{d83d}\\u{00}'"), e.getMessage());
        fails("invalid-field", new NullMatch("x\ude42", AT));
    }

    @Test
    void deterministic() {
        Expr e = or(ci("a", "1"), re("b", "x|^y"), cidr("c", "10.0.0.0/8"), ci("a", "*2*"), ci("a", "3"));
        assertEquals(eql(e), eql(e));
        assertEquals("a in~ (\"1\", \"3\") or b regex \"(.*x.*|y.*)\" or cidrMatch(c, \"10.0.0.0/8\") or a like~ \"*2*\"", cond(e));
    }

    private static NumberMatch num(String field, CompareOp op, String value) {
        return new NumberMatch(field, op, new BigDecimal(value), AT);
    }

    private static CidrMatch cidr(String field, String text) {
        return new CidrMatch(field, Cidr.parse(text).orElseThrow(), AT);
    }

    private static String render(Expr c, Map<String, String> state) {
        return new EqlBackend().render(TestRules.mapped(c, state, Map.of())).text();
    }
}
