package dev.sigc.backend.spl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sigc.TestRules;
import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.Cidr;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.pipeline.FieldType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SplBackendTest {
    static final Span AT = new Span("r.yml", 7, 5);
    static final SplBackend SPL = new SplBackend();

    static String spl(Expr e) {
        return spl(e, Map.of());
    }

    static String spl(Expr e, Map<String, FieldType> types) {
        return SPL.render(TestRules.mapped(e, Map.of(), types)).text();
    }

    static StringMatch s(String field, StrOp op, String sigma) {
        return new StringMatch(Optional.of(field), op, SigmaString.parse(sigma), false, AT);
    }

    static StringMatch cs(String field, StrOp op, String sigma) {
        return new StringMatch(Optional.of(field), op, SigmaString.parse(sigma), true, AT);
    }

    static StringMatch eq(String field, String sigma) {
        return s(field, StrOp.EQUALS, sigma);
    }

    static NumberMatch num(String field, CompareOp op, String value) {
        return new NumberMatch(field, op, new BigDecimal(value), AT);
    }

    static RegexMatch re(String field, String pattern, RegexFlag... flags) {
        return new RegexMatch(field, pattern, Set.of(flags), AT);
    }

    static Expr and(Expr... t) {
        return Exprs.and(List.of(t), AT);
    }

    static Expr or(Expr... t) {
        return Exprs.or(List.of(t), AT);
    }

    static Expr not(Expr t) {
        return Exprs.not(t, AT);
    }

    @Test
    void identity() {
        assertEquals("spl", SPL.id());
        assertEquals("spl", SPL.extension());
        assertEquals("spl-sysmon.yml", SPL.defaultPipeline());
    }

    @Nested
    class SearchTerms {
        @Test
        void stringOperators() {
            assertEquals("Image=\"C:\\\\Windows\\\\cmd.exe\"", spl(eq("Image", "C:\\\\Windows\\\\cmd.exe")));
            assertEquals("CommandLine=\"*-enc*\"", spl(s("CommandLine", StrOp.CONTAINS, "-enc")));
            assertEquals("Image=\"C:\\\\Temp\\\\*\"", spl(s("Image", StrOp.STARTS_WITH, "C:\\\\Temp\\\\")));
            assertEquals("Image=\"*\\\\rundll32.exe\"", spl(s("Image", StrOp.ENDS_WITH, "\\\\rundll32.exe")));
        }

        @Test
        void innerStarIsNarrowedBySearchTermsAndDecidedByWhere() {
            // Splunk documents inconsistent results for a * inside a term: outer-wildcard runs, then a regex
            assertEquals("CommandLine=\"*a*\" AND CommandLine=\"*b*\" | where match(CommandLine, \"(?is)a.*b\")",
                    spl(s("CommandLine", StrOp.CONTAINS, "a*b")));
            assertEquals("CommandLine=\"a*\" AND CommandLine=\"*b\" | where match(CommandLine, \"(?is)^a.*b\\\\z\")",
                    spl(eq("CommandLine", "a*b")));
        }

        @Test
        void emptyPatterns() {
            assertEquals("F=\"\"", spl(eq("F", "")));
            assertEquals("F=\"*\"", spl(s("F", StrOp.CONTAINS, "")));
            assertEquals("F=\"*\"", spl(s("F", StrOp.STARTS_WITH, "")));
        }

        @Test
        void hostileValuesAreOneLiteral() {
            assertEquals("F=\"a\\\"b\\\\\"", spl(eq("F", "a\"b\\\\")));
            String hostile = "x | delete | y [search \\*] $tok$ 'q' ()=";
            assertEquals("F=\"x | delete | y [search *\" AND F=\"*] $tok$ 'q' ()=\" | where match(F,"
                    + " \"(?is)^x \\\\| delete \\\\| y \\\\[search \\\\*\\\\] \\\\$tok\\\\$ 'q' \\\\(\\\\)=\\\\z\")",
                    spl(eq("F", hostile)));
            String noStar = "x | delete | y [search] $tok$ 'q' ()=";
            assertEquals("F=\"" + noStar + "\"", spl(eq("F", noStar)));
            assertEquals("F=\"\\\\\\\"\"", spl(eq("F", "\\\\\"")));
            assertEquals("F=\"Ünïcødé 😀 日本\"", spl(eq("F", "Ünïcødé 😀 日本")));
            assertEquals("F=\"trailing\\\\\"", spl(eq("F", "trailing\\\\")));
        }

        @Test
        void numbers() {
            Map<String, FieldType> t = Map.of("EventCode", FieldType.NUMBER);
            assertEquals("EventCode=1", spl(num("EventCode", CompareOp.EQ, "1"), t));
            assertEquals("EventCode=\"1\"", spl(num("EventCode", CompareOp.EQ, "1")));
            assertEquals("F>5", spl(num("F", CompareOp.GT, "5")));
            assertEquals("F>=5.5", spl(num("F", CompareOp.GTE, "5.5")));
            assertEquals("F<-3", spl(num("F", CompareOp.LT, "-3")));
            assertEquals("F<=0", spl(num("F", CompareOp.LTE, "0")));
        }

        @Test
        void stringOnNumberField() {
            Map<String, FieldType> t = Map.of("Port", FieldType.NUMBER);
            assertEquals("Port=443", spl(eq("Port", "0443"), t));
            assertEquals("Port=\"44*\"", spl(s("Port", StrOp.STARTS_WITH, "44"), t));
        }

        @Test
        void presence() {
            assertEquals("F=*", spl(new ExistsMatch("F", true, AT)));
            assertEquals("NOT F=*", spl(new ExistsMatch("F", false, AT)));
            assertEquals("NOT F=*", spl(new NullMatch("F", AT)));
            assertEquals("F=*", spl(not(new NullMatch("F", AT))));
            assertEquals("NOT F=*", spl(not(new ExistsMatch("F", true, AT))));
            assertEquals("F=\"a\"", spl(not(not(eq("F", "a")))));
        }

        @Test
        void boolAndCidr() {
            assertEquals("F=\"true\"", spl(new BoolMatch("F", true, AT)));
            assertEquals("F=\"false\"", spl(new BoolMatch("F", false, AT)));
            assertEquals("DestinationIp=\"10.0.0.0/8\"",
                    spl(new CidrMatch("DestinationIp", Cidr.parse("10.1.2.3/8").orElseThrow(), AT)));
            assertEquals("DestinationIp=\"fd00::/8\"",
                    spl(new CidrMatch("DestinationIp", Cidr.parse("fd00::1/8").orElseThrow(), AT)));
        }

        @Test
        void orBindsTighterThanAnd() {
            assertEquals("(A=\"1\" OR B=\"2\") AND C=\"3\"", spl(and(or(eq("A", "1"), eq("B", "2")), eq("C", "3"))));
            assertEquals("(A=\"1\" AND B=\"2\") OR C=\"3\"", spl(or(and(eq("A", "1"), eq("B", "2")), eq("C", "3"))));
            assertEquals("A=\"1\" AND B=\"2\" AND C=\"3\"", spl(and(eq("A", "1"), eq("B", "2"), eq("C", "3"))));
        }

        @Test
        void negation() {
            assertEquals("NOT A=\"1\"", spl(not(eq("A", "1"))));
            assertEquals("NOT (A=\"1\" AND B=\"2\")", spl(not(and(eq("A", "1"), eq("B", "2")))));
            assertEquals("NOT (A=\"1\" OR B=\"2\")", spl(not(or(eq("A", "1"), eq("B", "2")))));
            assertEquals("X=\"x\" AND NOT (A=\"1\" OR B=\"2\")",
                    spl(and(eq("X", "x"), not(or(eq("A", "1"), eq("B", "2"))))));
        }

        @Test
        void sameFieldOrBecomesInAtFirstPlace() {
            assertEquals("A IN (\"1\", \"*2*\", \"3*\") OR B=\"x\"",
                    spl(or(eq("A", "1"), eq("B", "x"), s("A", StrOp.CONTAINS, "2"), s("A", StrOp.STARTS_WITH, "3"))));
            assertEquals("NOT (A IN (\"1\", \"2\"))", spl(not(or(eq("A", "1"), eq("A", "2")))));
            assertEquals("A IN (\"1\", \"2\") AND C=\"3\"", spl(and(or(eq("A", "1"), eq("A", "2")), eq("C", "3"))));
            assertEquals("EventCode IN (12, 13, 14)", spl(or(num("EventCode", CompareOp.EQ, "12"),
                    num("EventCode", CompareOp.EQ, "13"), num("EventCode", CompareOp.EQ, "14")),
                    Map.of("EventCode", FieldType.NUMBER)));
            // empty values, comparisons and presence tests stay separate
            assertEquals("A=\"\" OR A=\"x\" OR A>5 OR A=*", spl(or(eq("A", ""), eq("A", "x"),
                    num("A", CompareOp.GT, "5"), new ExistsMatch("A", true, AT))));
        }

        @Test
        void sysmonShape() {
            Expr c = and(eq("source", "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational"),
                    num("EventCode", CompareOp.EQ, "1"),
                    or(s("Image", StrOp.ENDS_WITH, "\\\\powershell.exe"), s("Image", StrOp.ENDS_WITH, "\\\\pwsh.exe")),
                    not(s("CommandLine", StrOp.CONTAINS, "-NoProfile")));
            assertEquals("source=\"XmlWinEventLog:Microsoft-Windows-Sysmon/Operational\" AND EventCode=1"
                    + " AND Image IN (\"*\\\\powershell.exe\", \"*\\\\pwsh.exe\") AND NOT CommandLine=\"*-NoProfile*\"",
                    spl(c, Map.of("EventCode", FieldType.NUMBER)));
        }

        @Test
        void dottedFieldIsBare() {
            assertEquals("Event.System.EventID=\"1\"", spl(eq("Event.System.EventID", "1")));
        }
    }
}
