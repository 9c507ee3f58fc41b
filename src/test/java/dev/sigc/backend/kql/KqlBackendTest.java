package dev.sigc.backend.kql;

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
import dev.sigc.ast.Exprs;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.ast.TimePartMatch;
import dev.sigc.ast.TimeUnit;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.pipeline.FieldType;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KqlBackendTest {
    static final Span SPAN = new Span("r.yml", 7, 12);
    static final Map<String, FieldType> TYPES = Map.of(
            "ProcessId", FieldType.NUMBER, "Score", FieldType.NUMBER, "IsAdmin", FieldType.BOOL,
            "Extra", FieldType.DYNAMIC, "Timestamp", FieldType.DATETIME, "RemoteIP", FieldType.IP,
            "ReportGuid", FieldType.GUID, "CommandLine", FieldType.STRING);
    static final KqlBackend BACKEND = new KqlBackend();

    static StringMatch s(String field, StrOp op, String sigma) {
        return new StringMatch(Optional.of(field), op, SigmaString.parse(sigma), false, SPAN);
    }

    static StringMatch cs(String field, StrOp op, String sigma) {
        return new StringMatch(Optional.of(field), op, SigmaString.parse(sigma), true, SPAN);
    }

    static StringMatch lit(String field, StrOp op, String text) {
        return new StringMatch(Optional.of(field), op, SigmaString.literal(text), false, SPAN);
    }

    static NumberMatch num(String field, CompareOp op, String value) {
        return new NumberMatch(field, op, new BigDecimal(value), SPAN);
    }

    static RegexMatch re(String field, String pattern, RegexFlag... flags) {
        return new RegexMatch(field, pattern, flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags), SPAN);
    }

    static Expr and(Expr... t) {
        return Exprs.and(List.of(t), SPAN);
    }

    static Expr or(Expr... t) {
        return Exprs.or(List.of(t), SPAN);
    }

    static Expr not(Expr t) {
        return Exprs.not(t, SPAN);
    }

    static String cond(Expr e) {
        return BACKEND.renderCondition(TestRules.mapped(e, Map.of("table", "DeviceProcessEvents"), TYPES));
    }

    static SigcException fails(Expr e) {
        return assertThrows(SigcException.class, () -> cond(e));
    }

    @Test
    void metadata() {
        assertEquals("kql", BACKEND.id());
        assertEquals("kql", BACKEND.extension());
        assertEquals("kql-defender.yml", BACKEND.defaultPipeline());
    }

    @Test
    void fullQueryIsTableThenWhereWithoutTrailingNewline() {
        var rule = TestRules.mapped(s("FileName", StrOp.EQUALS, "cmd.exe"), Map.of("table", "DeviceProcessEvents"), TYPES);
        assertEquals("DeviceProcessEvents\n| where FileName =~ \"cmd.exe\"", BACKEND.render(rule).text());
    }

    @Test
    void oddTableNameIsBracketed() {
        var rule = TestRules.mapped(s("A", StrOp.EQUALS, "x"), Map.of("table", "My Table"), TYPES);
        assertEquals("['My Table']\n| where A =~ \"x\"", BACKEND.render(rule).text());
    }

    @Test
    void missingTableIsAnError() {
        var rule = TestRules.mapped(s("A", StrOp.EQUALS, "x"), Map.of(), TYPES);
        var e = assertThrows(SigcException.class, () -> BACKEND.render(rule));
        assertEquals("unmapped-logsource", e.diagnostic().code());
        assertTrue(e.getMessage().contains("category=process_creation product=windows"), e.getMessage());
    }

    @Test
    void renderingTwiceGivesTheSameText() {
        Expr e = or(s("A", StrOp.EQUALS, "x"), s("A", StrOp.EQUALS, "y"), and(s("B", StrOp.CONTAINS, "z"),
                not(num("ProcessId", CompareOp.GT, "4"))));
        assertEquals(cond(e), cond(e));
    }

    @Nested
    class Strings {
        @Test
        void caseInsensitiveOps() {
            assertEquals("F =~ \"v\"", cond(s("F", StrOp.EQUALS, "v")));
            assertEquals("F contains \"v\"", cond(s("F", StrOp.CONTAINS, "v")));
            assertEquals("F startswith \"v\"", cond(s("F", StrOp.STARTS_WITH, "v")));
            assertEquals("F endswith \"v\"", cond(s("F", StrOp.ENDS_WITH, "v")));
        }

        @Test
        void caseSensitiveOps() {
            assertEquals("F == \"v\"", cond(cs("F", StrOp.EQUALS, "v")));
            assertEquals("F contains_cs \"v\"", cond(cs("F", StrOp.CONTAINS, "v")));
            assertEquals("F startswith_cs \"v\"", cond(cs("F", StrOp.STARTS_WITH, "v")));
            assertEquals("F endswith_cs \"v\"", cond(cs("F", StrOp.ENDS_WITH, "v")));
        }

        @Test
        void emptyEqualsIsEqualityWithEmptyString() {
            assertEquals("F =~ \"\"", cond(s("F", StrOp.EQUALS, "")));
        }

        @Test
        void loneStarIsNotEmpty() {
            assertEquals("isnotempty(F)", cond(s("F", StrOp.CONTAINS, "")));
            assertEquals("isnotnull(ProcessId)", cond(s("ProcessId", StrOp.CONTAINS, "")));
        }

        @Test
        void innerWildcardsBecomeAnchoredRegex() {
            assertEquals("F matches regex \"(?is)^a.*b$\"", cond(s("F", StrOp.EQUALS, "a*b")));
            assertEquals("F matches regex \"(?is)^a.b\"", cond(s("F", StrOp.STARTS_WITH, "a?b")));
            assertEquals("F matches regex \"(?is)a.b$\"", cond(s("F", StrOp.ENDS_WITH, "a?b")));
            assertEquals("F matches regex \"(?is)a.*b\"", cond(s("F", StrOp.CONTAINS, "a*b")));
            assertEquals("F matches regex \"(?s)^a.b$\"", cond(cs("F", StrOp.EQUALS, "a?b")));
        }

        @Test
        void regexMetacharactersInWildcardPatternAreQuotedThenEscapedForKql() {
            // Sigma C:\Windows\\*.exe?  ->  regex ^C:\\Windows\\.*\.exe.$  ->  KQL literal doubles each backslash
            assertEquals("F matches regex \"(?is)^C:\\\\\\\\Windows\\\\\\\\.*\\\\.exe.$\"",
                    cond(s("F", StrOp.EQUALS, "C:\\Windows\\\\*.exe?")));
            // Sigma \* is a literal star
            assertEquals("F matches regex \"(?is)^a\\\\*b.$\"", cond(s("F", StrOp.EQUALS, "a\\*b?")));
        }

        @Test
        void keywordSearchIsRejected() {
            var m = new StringMatch(Optional.empty(), StrOp.CONTAINS, SigmaString.literal("x"), false, SPAN);
            var e = fails(m);
            assertEquals("unsupported-keyword", e.diagnostic().code());
            assertEquals(SPAN, e.diagnostic().span());
            assertTrue(e.getMessage().contains("kql: keyword (field-less) search is not supported"), e.getMessage());
        }

        @Test
        void numberFieldWithIntegerIsNumericEquality() {
            assertEquals("ProcessId == 443", cond(s("ProcessId", StrOp.EQUALS, "443")));
            assertEquals("ProcessId == -5", cond(s("ProcessId", StrOp.EQUALS, "-5")));
            assertEquals("ProcessId == 0", cond(s("ProcessId", StrOp.EQUALS, "0")));
        }

        @Test
        void numberFieldWithAnythingElseComparesItsStringForm() {
            assertEquals("tostring(ProcessId) =~ \"0443\"", cond(s("ProcessId", StrOp.EQUALS, "0443")));
            assertEquals("tostring(ProcessId) =~ \"-0\"", cond(s("ProcessId", StrOp.EQUALS, "-0")));
            assertEquals("tostring(ProcessId) =~ \"99999999999999999999\"",
                    cond(s("ProcessId", StrOp.EQUALS, "99999999999999999999")));
            assertEquals("tostring(ProcessId) =~ \"4.5\"", cond(s("ProcessId", StrOp.EQUALS, "4.5")));
            assertEquals("tostring(ProcessId) startswith \"44\"", cond(s("ProcessId", StrOp.STARTS_WITH, "44")));
            assertEquals("tostring(ProcessId) matches regex \"(?is)^4.3$\"", cond(s("ProcessId", StrOp.EQUALS, "4?3")));
        }

        @Test
        void nonStringColumnsAreComparedThroughTostring() {
            assertEquals("tostring(Extra) contains \"x\"", cond(s("Extra", StrOp.CONTAINS, "x")));
            assertEquals("tostring(ReportGuid) =~ \"ab\"", cond(s("ReportGuid", StrOp.EQUALS, "ab")));
            assertEquals("RemoteIP =~ \"10.0.0.1\"", cond(s("RemoteIP", StrOp.EQUALS, "10.0.0.1")));
        }
    }

    @Nested
    class Grouping {
        @Test
        void sameFieldEqualitiesBecomeInList() {
            assertEquals("F in~ (\"a\", \"b\", \"c\")",
                    cond(or(s("F", StrOp.EQUALS, "a"), s("F", StrOp.EQUALS, "b"), s("F", StrOp.EQUALS, "c"))));
        }

        @Test
        void caseSensitiveEqualitiesUseIn() {
            assertEquals("F in (\"a\", \"b\")", cond(or(cs("F", StrOp.EQUALS, "a"), cs("F", StrOp.EQUALS, "b"))));
        }

        @Test
        void groupTakesPositionOfFirstMemberAndKeepsOrder() {
            Expr e = or(s("G", StrOp.CONTAINS, "x"), s("F", StrOp.EQUALS, "b"), s("H", StrOp.EQUALS, "h"),
                    s("F", StrOp.EQUALS, "a"), s("G", StrOp.ENDS_WITH, "y"));
            assertEquals("G contains \"x\" or F in~ (\"b\", \"a\") or H =~ \"h\" or G endswith \"y\"", cond(e));
        }

        @Test
        void differentCaseOrFieldsOrOpsAreNotMixed() {
            Expr e = or(s("F", StrOp.EQUALS, "a"), cs("F", StrOp.EQUALS, "b"), s("G", StrOp.EQUALS, "c"),
                    s("F", StrOp.CONTAINS, "d"), s("F", StrOp.EQUALS, "e*f"));
            assertEquals("F =~ \"a\" or F == \"b\" or G =~ \"c\" or F contains \"d\" or F matches regex \"(?is)^e.*f$\"",
                    cond(e));
        }

        @Test
        void twoGroupsInOneOr() {
            Expr e = or(s("F", StrOp.EQUALS, "a"), cs("F", StrOp.EQUALS, "b"), s("F", StrOp.EQUALS, "c"),
                    cs("F", StrOp.EQUALS, "d"));
            assertEquals("F in~ (\"a\", \"c\") or F in (\"b\", \"d\")", cond(e));
        }

        @Test
        void numericEqualitiesGroup() {
            Expr e = or(num("ProcessId", CompareOp.EQ, "4"), s("ProcessId", StrOp.EQUALS, "8"),
                    num("ProcessId", CompareOp.GT, "100"));
            assertEquals("ProcessId in (4, 8) or ProcessId > 100", cond(e));
        }

        @Test
        void numbersOnStringFieldGroupWithCasedStrings() {
            Expr e = or(num("Port", CompareOp.EQ, "443"), cs("Port", StrOp.EQUALS, "http"));
            assertEquals("Port in (\"443\", \"http\")", cond(e));
        }

        @Test
        void andIsNotGrouped() {
            assertEquals("F =~ \"a\" and F =~ \"b\"", cond(and(s("F", StrOp.EQUALS, "a"), s("F", StrOp.EQUALS, "b"))));
        }

        @Test
        void groupedListInsideAndNeedsNoParentheses() {
            Expr e = and(or(s("F", StrOp.EQUALS, "a"), s("F", StrOp.EQUALS, "b")), s("G", StrOp.CONTAINS, "x"));
            assertEquals("F in~ (\"a\", \"b\") and G contains \"x\"", cond(e));
        }

        @Test
        void orReducedToOneListInsideNot() {
            Expr e = not(or(s("F", StrOp.EQUALS, "a"), s("F", StrOp.EQUALS, "b")));
            assertEquals("not(F in~ (\"a\", \"b\"))", cond(e));
        }
    }

    @Nested
    class Boolean {
        @Test
        void andBindsTighterThanOr() {
            Expr e = or(and(s("A", StrOp.EQUALS, "1"), s("B", StrOp.EQUALS, "2")), s("C", StrOp.EQUALS, "3"));
            assertEquals("A =~ \"1\" and B =~ \"2\" or C =~ \"3\"", cond(e));
        }

        @Test
        void orInsideAndIsParenthesised() {
            Expr e = and(or(s("A", StrOp.EQUALS, "1"), s("B", StrOp.EQUALS, "2")), s("C", StrOp.EQUALS, "3"));
            assertEquals("(A =~ \"1\" or B =~ \"2\") and C =~ \"3\"", cond(e));
        }

        @Test
        void notIsAFunctionAroundALeaf() {
            assertEquals("not(A =~ \"1\")", cond(not(s("A", StrOp.EQUALS, "1"))));
        }

        @Test
        void notAroundGroupsAndNots() {
            assertEquals("not(A =~ \"1\" and B =~ \"2\")", cond(not(and(s("A", StrOp.EQUALS, "1"), s("B", StrOp.EQUALS, "2")))));
            assertEquals("not(A =~ \"1\" or B =~ \"2\")", cond(not(or(s("A", StrOp.EQUALS, "1"), s("B", StrOp.EQUALS, "2")))));
            assertEquals("not(not(A =~ \"1\"))", cond(not(not(s("A", StrOp.EQUALS, "1")))));
        }

        @Test
        void notInsideAndOr() {
            Expr e = and(s("A", StrOp.EQUALS, "1"), not(or(s("B", StrOp.EQUALS, "2"), s("C", StrOp.EQUALS, "3"))));
            assertEquals("A =~ \"1\" and not(B =~ \"2\" or C =~ \"3\")", cond(e));
        }

        @Test
        void nullablePredicatesUnderNotAreGuarded() {
            // where drops null rows, but not(null) is null: a negated test on a missing value must hold
            assertEquals("not(coalesce(ProcessId > 5, false))", cond(not(num("ProcessId", CompareOp.GT, "5"))));
            assertEquals("not(coalesce(toreal(Port) <= 5, false))", cond(not(num("Port", CompareOp.LTE, "5"))));
            assertEquals("not(coalesce(ipv4_is_in_range(RemoteIP, \"10.0.0.0/8\"), false))",
                    cond(not(new CidrMatch("RemoteIP", Cidr.parse("10.0.0.0/8").orElseThrow(), SPAN))));
            assertEquals("not(coalesce(Extra == true, false))", cond(not(new BoolMatch("Extra", true, SPAN))));
            assertEquals("not(A =~ \"1\" or coalesce(ProcessId in (4, 8), false))",
                    cond(not(or(s("A", StrOp.EQUALS, "1"), num("ProcessId", CompareOp.EQ, "4"),
                            num("ProcessId", CompareOp.EQ, "8")))));
        }

        @Test
        void predicatesThatCannotBeNullAreNotGuarded() {
            assertEquals("not(ProcessId == 5) and not(IsAdmin == true) and not(F =~ \"x\") and not(isnull(ProcessId))"
                            + " and not(Port == \"5\") and not(toreal(Extra) == 5)",
                    cond(and(not(num("ProcessId", CompareOp.EQ, "5")), not(new BoolMatch("IsAdmin", true, SPAN)),
                            not(s("F", StrOp.EQUALS, "x")), not(new NullMatch("ProcessId", SPAN)),
                            not(num("Port", CompareOp.EQ, "5")), not(num("Extra", CompareOp.EQ, "5")))));
        }

        @Test
        void guardsOnlyWhereNegated() {
            Expr gt = num("ProcessId", CompareOp.GT, "5");
            assertEquals("ProcessId > 5 and not(coalesce(ProcessId < 9, false))",
                    cond(and(gt, not(num("ProcessId", CompareOp.LT, "9")))));
            assertEquals("not(not(coalesce(ProcessId > 5, false)))", cond(not(not(gt))));
        }

        @Test
        void deepNesting() {
            Expr e = or(and(s("A", StrOp.EQUALS, "1"), or(s("B", StrOp.EQUALS, "2"), s("C", StrOp.EQUALS, "3"))),
                    not(s("D", StrOp.EQUALS, "4")));
            assertEquals("A =~ \"1\" and (B =~ \"2\" or C =~ \"3\") or not(D =~ \"4\")", cond(e));
        }
    }

    @Nested
    class OtherLeaves {
        @Test
        void regexFlags() {
            assertEquals("F matches regex \"a.b\"", cond(re("F", "a.b")));
            assertEquals("F matches regex \"(?i)a.b\"", cond(re("F", "a.b", RegexFlag.IGNORE_CASE)));
            assertEquals("F matches regex \"(?is)a.b\"", cond(re("F", "a.b", RegexFlag.DOTALL, RegexFlag.IGNORE_CASE)));
            assertEquals("F matches regex \"(?ims)^a$\"",
                    cond(re("F", "^a$", RegexFlag.IGNORE_CASE, RegexFlag.MULTILINE, RegexFlag.DOTALL)));
            assertEquals("F matches regex \"(?m)^a\"", cond(re("F", "^a", RegexFlag.MULTILINE)));
        }

        @Test
        void regexBackslashesAreEscapedForTheLiteral() {
            assertEquals("F matches regex \"\\\\d+\\\\.exe\"", cond(re("F", "\\d+\\.exe")));
        }

        @Test
        void regexOnNonStringColumnUsesTostring() {
            assertEquals("tostring(ProcessId) matches regex \"^4\\\\d$\"", cond(re("ProcessId", "^4\\d$")));
        }

        @Test
        void cidr() {
            assertEquals("ipv4_is_in_range(RemoteIP, \"10.0.0.0/8\")",
                    cond(new CidrMatch("RemoteIP", Cidr.parse("10.1.2.3/8").orElseThrow(), SPAN)));
            assertEquals("ipv6_is_in_range(RemoteIP, \"fd00::/8\")",
                    cond(new CidrMatch("RemoteIP", Cidr.parse("fd12::1/8").orElseThrow(), SPAN)));
            assertEquals("ipv4_is_in_range(tostring(Extra), \"1.2.3.4/32\")",
                    cond(new CidrMatch("Extra", Cidr.parse("1.2.3.4").orElseThrow(), SPAN)));
            assertEquals("unsupported-field-type",
                    fails(new CidrMatch("ProcessId", Cidr.parse("1.2.3.4").orElseThrow(), SPAN)).diagnostic().code());
        }

        @Test
        void ipv6RangeCoveringIpv4MappedAddressesOnlyMatchesIpv6Values() {
            // Kusto reads 10.0.0.1 as ::ffff:10.0.0.1 in its IPv6 functions; Sigma puts it in no IPv6 network
            for (Cidr range : List.of(Cidr.parse("::/0").orElseThrow(), Cidr.parse("::/1").orElseThrow(),
                    Cidr.parse("::/80").orElseThrow(), new Cidr("::ffff:0:0", 96, true), new Cidr("::ffff:a00:0", 104, true))) {
                assertEquals("RemoteIP contains \":\" and ipv6_is_in_range(RemoteIP, \"" + range.text() + "\")",
                        cond(new CidrMatch("RemoteIP", range, SPAN)), range.text());
            }
            for (String range : List.of("fd00:ec2::254/128", "8000::/1", "::/97", "::1/128", "64:ff9b::/96")) {
                assertTrue(cond(new CidrMatch("RemoteIP", Cidr.parse(range).orElseThrow(), SPAN)).startsWith("ipv6_is_in_range("),
                        range);
            }
            assertEquals("not(RemoteIP contains \":\" and coalesce(ipv6_is_in_range(RemoteIP, \"::/0\"), false))",
                    cond(not(new CidrMatch("RemoteIP", Cidr.parse("::/0").orElseThrow(), SPAN))));
        }

        @Test
        void numbersOnNumberColumns() {
            assertEquals("ProcessId == 443", cond(num("ProcessId", CompareOp.EQ, "443")));
            assertEquals("ProcessId > 5", cond(num("ProcessId", CompareOp.GT, "5")));
            assertEquals("ProcessId >= 5", cond(num("ProcessId", CompareOp.GTE, "5")));
            assertEquals("ProcessId < -5", cond(num("ProcessId", CompareOp.LT, "-5")));
            assertEquals("Score <= 0.1", cond(num("Score", CompareOp.LTE, "0.1")));
            assertEquals("Score == 2.5", cond(num("Score", CompareOp.EQ, "2.5")));
        }

        @Test
        void numberOutOfLongRangeIsAnError() {
            assertEquals("number-out-of-range",
                    fails(num("ProcessId", CompareOp.GT, "9223372036854775808")).diagnostic().code());
            assertEquals("ProcessId > 9223372036854775807", cond(num("ProcessId", CompareOp.GT, "9223372036854775807")));
        }

        @Test
        void numbersOnStringColumns() {
            assertEquals("Port == \"443\"", cond(num("Port", CompareOp.EQ, "443")));
            assertEquals("toreal(Port) > 5", cond(num("Port", CompareOp.GT, "5")));
            assertEquals("toreal(Port) <= 2.5", cond(num("Port", CompareOp.LTE, "2.5")));
            assertEquals("toreal(Extra) == 7", cond(num("Extra", CompareOp.EQ, "7")));
        }

        @Test
        void inexactToRealComparisonIsAnError() {
            var e = fails(num("Port", CompareOp.GT, "0.1"));
            assertEquals("inexact-number", e.diagnostic().code());
            assertEquals(SPAN, e.diagnostic().span());
            assertEquals("inexact-number", fails(num("Port", CompareOp.LT, "9007199254740993")).diagnostic().code());
        }

        @Test
        void numberOnUncomparableTypeIsAnError() {
            assertEquals("unsupported-field-type", fails(num("Timestamp", CompareOp.GT, "5")).diagnostic().code());
        }

        @Test
        void bools() {
            assertEquals("IsAdmin == true", cond(new BoolMatch("IsAdmin", true, SPAN)));
            assertEquals("IsAdmin == false", cond(new BoolMatch("IsAdmin", false, SPAN)));
            assertEquals("Extra == true", cond(new BoolMatch("Extra", true, SPAN)));
            assertEquals("Flag =~ \"false\"", cond(new BoolMatch("Flag", false, SPAN)));
            assertEquals("unsupported-field-type", fails(new BoolMatch("ProcessId", true, SPAN)).diagnostic().code());
        }

        @Test
        void nullAndExists() {
            assertEquals("isempty(F)", cond(new NullMatch("F", SPAN)));
            assertEquals("isnull(ProcessId)", cond(new NullMatch("ProcessId", SPAN)));
            assertEquals("isempty(RemoteIP)", cond(new NullMatch("RemoteIP", SPAN)));
            assertEquals("isnotempty(F)", cond(new ExistsMatch("F", true, SPAN)));
            assertEquals("isempty(F)", cond(new ExistsMatch("F", false, SPAN)));
            assertEquals("isnotnull(Extra)", cond(new ExistsMatch("Extra", true, SPAN)));
            assertEquals("isnull(Extra)", cond(new ExistsMatch("Extra", false, SPAN)));
        }
    }

    @Nested
    class UnicodeCase {
        // Kusto documents its case-insensitive operators as ASCII-only; RE2's (?i) folds all of Unicode

        @Test
        void caseInsensitiveValueWithNonAsciiLettersIsAUnicodeRegex() {
            assertEquals("F matches regex \"(?is)^C:\\\\\\\\Users\\\\\\\\José$\"",
                    cond(lit("F", StrOp.EQUALS, "C:\\Users\\José")));
            assertEquals("F matches regex \"(?is)Ärger\"", cond(lit("F", StrOp.CONTAINS, "Ärger")));
            assertEquals("F matches regex \"(?is)^привет\"", cond(lit("F", StrOp.STARTS_WITH, "привет")));
            assertEquals("F matches regex \"(?is)straße$\"", cond(lit("F", StrOp.ENDS_WITH, "straße")));
        }

        @Test
        void casedValuesKeepThePlainOperators() {
            assertEquals("F contains_cs \"Ärger\"", cond(new StringMatch(Optional.of("F"), StrOp.CONTAINS,
                    SigmaString.literal("Ärger"), true, SPAN)));
        }

        @Test
        void caselessNonAsciiKeepsThePlainOperators() {
            assertEquals("F contains \" –urlcache \"", cond(lit("F", StrOp.CONTAINS, " –urlcache ")));
            assertEquals("F endswith \"元数据🙂\"", cond(lit("F", StrOp.ENDS_WITH, "元数据🙂")));
        }

        @Test
        void foldingValuesStayOutOfInLists() {
            assertEquals("F in~ (\"a\", \"b\") or F matches regex \"(?is)^é$\"",
                    cond(or(s("F", StrOp.EQUALS, "a"), s("F", StrOp.EQUALS, "é"), s("F", StrOp.EQUALS, "b"))));
        }

        @Test
        void whichCharactersNeedUnicodeFolding() {
            for (String folds : List.of("é", "É", "ß", "ẞ", "ı", "İ", "\u212a", "ſ", "ς", "ǅ", "Ⅷ", "ⓐ", "Ж",
                    "\ud801\udc00" /* Deseret capital long I */, "\u0345")) {
                assertTrue(!KqlCase.asciiFoldSuffices("a" + folds), folds);
            }
            for (String caseless : List.of("", "abcXYZ", "C:\\x", "中", "–—―", "😀", "\u00a0", "\u0300", "€")) {
                assertTrue(KqlCase.asciiFoldSuffices(caseless), caseless);
            }
        }

        @Test
        void theBoundedScanFindsEveryCasedCodePoint() {
            assertEquals(KqlCase.Cased.compute(Character.MAX_CODE_POINT), KqlCase.Cased.NON_ASCII);
            assertTrue(KqlCase.Cased.NON_ASCII.get(0x1E900), "Adlam capital alif, the last cased script");
        }
    }

    @Nested
    class FieldRef {
        FieldRefMatch ref(String field, StrOp op, String other, boolean cased) {
            return new FieldRefMatch(field, op, other, cased, SPAN);
        }

        @Test
        void caseInsensitiveComparesLowerCasedColumnsAndNeedsTheOtherColumn() {
            assertEquals("isnotempty(G) and tolower(F) == tolower(G)", cond(ref("F", StrOp.EQUALS, "G", false)));
            assertEquals("isnotempty(G) and tolower(F) contains_cs tolower(G)", cond(ref("F", StrOp.CONTAINS, "G", false)));
            assertEquals("isnotempty(G) and tolower(F) startswith_cs tolower(G)",
                    cond(ref("F", StrOp.STARTS_WITH, "G", false)));
            assertEquals("isnotempty(G) and tolower(F) endswith_cs tolower(G)", cond(ref("F", StrOp.ENDS_WITH, "G", false)));
        }

        @Test
        void casedComparesTheColumnsAsTheyAre() {
            assertEquals("isnotempty(G) and F == G", cond(ref("F", StrOp.EQUALS, "G", true)));
            assertEquals("isnotempty(G) and F contains_cs G", cond(ref("F", StrOp.CONTAINS, "G", true)));
            assertEquals("isnotempty(G) and F startswith_cs G", cond(ref("F", StrOp.STARTS_WITH, "G", true)));
            assertEquals("isnotempty(G) and F endswith_cs G", cond(ref("F", StrOp.ENDS_WITH, "G", true)));
        }

        @Test
        void isOneAtomInsideLargerExpressions() {
            assertEquals("not(isnotempty(G) and tolower(F) == tolower(G))", cond(not(ref("F", StrOp.EQUALS, "G", false))));
            assertEquals("(isnotempty(G) and F == G) or H =~ \"x\"",
                    cond(or(ref("F", StrOp.EQUALS, "G", true), s("H", StrOp.EQUALS, "x"))));
            assertEquals("H =~ \"x\" and (isnotempty(G) and F == G)",
                    cond(and(s("H", StrOp.EQUALS, "x"), ref("F", StrOp.EQUALS, "G", true))));
        }

        @Test
        void nonStringColumnsAreComparedAsText() {
            assertEquals("isnotempty(ProcessId) and tostring(Score) == tostring(ProcessId)",
                    cond(ref("Score", StrOp.EQUALS, "ProcessId", true)));
        }

        @Test
        void oddColumnNamesAreBracketed() {
            assertEquals("isnotempty(['b c']) and tolower(['a-b']) == tolower(['b c'])",
                    cond(ref("a-b", StrOp.EQUALS, "b c", false)));
        }
    }

    @Nested
    class TimeParts {
        TimePartMatch part(TimeUnit unit, CompareOp op, int value) {
            return new TimePartMatch("Timestamp", unit, op, value, SPAN);
        }

        @Test
        void eachUnitIsADatetimePart() {
            assertEquals("datetime_part(\"minute\", Timestamp) == 30", cond(part(TimeUnit.MINUTE, CompareOp.EQ, 30)));
            assertEquals("datetime_part(\"hour\", Timestamp) >= 22", cond(part(TimeUnit.HOUR, CompareOp.GTE, 22)));
            assertEquals("datetime_part(\"day\", Timestamp) == 1", cond(part(TimeUnit.DAY, CompareOp.EQ, 1)));
            assertEquals("datetime_part(\"week_of_year\", Timestamp) == 53", cond(part(TimeUnit.WEEK, CompareOp.EQ, 53)));
            assertEquals("datetime_part(\"month\", Timestamp) < 7", cond(part(TimeUnit.MONTH, CompareOp.LT, 7)));
            assertEquals("datetime_part(\"year\", Timestamp) <= 2020", cond(part(TimeUnit.YEAR, CompareOp.LTE, 2020)));
            assertEquals("datetime_part(\"hour\", Timestamp) > 5", cond(part(TimeUnit.HOUR, CompareOp.GT, 5)));
        }

        @Test
        void orderingComparisonsAreGuardedUnderNot() {
            assertEquals("not(coalesce(datetime_part(\"hour\", Timestamp) >= 22, false))",
                    cond(not(part(TimeUnit.HOUR, CompareOp.GTE, 22))));
            assertEquals("not(datetime_part(\"hour\", Timestamp) == 22)", cond(not(part(TimeUnit.HOUR, CompareOp.EQ, 22))));
        }

        @Test
        void onlyDatetimeColumns() {
            var e = fails(new TimePartMatch("F", TimeUnit.HOUR, CompareOp.EQ, 3, SPAN));
            assertEquals("unsupported-field-type", e.diagnostic().code());
            assertEquals(SPAN, e.diagnostic().span());
            assertTrue(e.getMessage().contains("hour modifier needs a datetime column"), e.getMessage());
        }
    }

    @Nested
    class Hostile {
        @Test
        void quotesBackslashesAndLineBreaksStayInsideTheLiteral() {
            assertEquals("F =~ \"a\\\"b\\\\c\\nd\\re\\tf|g'h\"", cond(lit("F", StrOp.EQUALS, "a\"b\\c\nd\re\tf|g'h")));
        }

        @Test
        void injectionAttemptIsOneLiteral() {
            String evil = "x\" or 1==1 | take 10 //";
            assertEquals("F contains \"x\\\" or 1==1 | take 10 //\"", cond(lit("F", StrOp.CONTAINS, evil)));
        }

        @Test
        void trailingBackslashCannotEscapeTheClosingQuote() {
            assertEquals("F endswith \"C:\\\\\"", cond(lit("F", StrOp.ENDS_WITH, "C:\\")));
        }

        @Test
        void controlAndInvisibleCharactersAreUnicodeEscapes() {
            assertEquals("F =~ \"\\u0000\\u0001\\u001b\\u007f\\u0085\\u00a0\\u200b\\u202e\\u2028\\ufeff\"",
                    cond(lit("F", StrOp.EQUALS, "\u0000\u0001\u001b\u007f\u0085\u00a0\u200b\u202e\u2028\ufeff")));
        }

        @Test
        void visibleNonAsciiStaysAsItIs() {
            assertEquals("F == \"é中😀\"", cond(new StringMatch(Optional.of("F"), StrOp.EQUALS,
                    SigmaString.literal("é中😀"), true, SPAN)));
            assertEquals("F =~ \"中😀–\"", cond(lit("F", StrOp.EQUALS, "中😀–")));
            assertEquals("F matches regex \"(?is)^é中😀$\"", cond(lit("F", StrOp.EQUALS, "é中😀")));
        }

        @Test
        void invisibleSupplementaryCharactersAreSurrogateEscapes() {
            assertEquals("F =~ \"\\udb40\\udc01\"", cond(lit("F", StrOp.EQUALS, new String(Character.toChars(0xE0001)))));
        }

        @Test
        void unpairedSurrogateIsAnError() {
            assertEquals("unsupported-value", fails(lit("F", StrOp.CONTAINS, "a\ud800b")).diagnostic().code());
            assertEquals("unsupported-value", fails(lit("F", StrOp.EQUALS, "a\udc00")).diagnostic().code());
        }

        @Test
        void hostileFieldNamesAreBracketed() {
            assertEquals("['a b'] =~ \"x\"", cond(s("a b", StrOp.EQUALS, "x")));
            assertEquals("['it\\'s\"'] =~ \"x\"", cond(s("it's\"", StrOp.EQUALS, "x")));
            assertEquals("['x\\\\y\\n'] =~ \"x\"", cond(s("x\\y\n", StrOp.EQUALS, "x")));
            assertEquals("['where'] =~ \"x\"", cond(s("where", StrOp.EQUALS, "x")));
            assertEquals("['true'] =~ \"x\"", cond(s("true", StrOp.EQUALS, "x")));
            assertEquals("['1a'] =~ \"x\"", cond(s("1a", StrOp.EQUALS, "x")));
            assertEquals("['a.b'] =~ \"x\"", cond(s("a.b", StrOp.EQUALS, "x")));
            assertEquals("['a-b'] in~ (\"x\", \"y\")", cond(or(s("a-b", StrOp.EQUALS, "x"), s("a-b", StrOp.EQUALS, "y"))));
            assertEquals("isempty(['a]b'])", cond(new NullMatch("a]b", SPAN)));
        }
    }

    @Test
    void dynamicList() {
        assertEquals("dynamic([])", KqlBackend.dynamicList(List.of()));
        assertEquals("dynamic([\"a\", \"b\\\"c\", \"d\\\\\"])", KqlBackend.dynamicList(List.of("a", "b\"c", "d\\")));
    }

    /** Members of a dynamic column (WindowsEvent.EventData): read through tostring() and written as paths. */
    @Nested
    class DynamicMembers {
        final Map<String, FieldType> types = Map.of("EventData", FieldType.DYNAMIC, "EventData.Image", FieldType.STRING,
                "EventData.ParentImage", FieldType.STRING, "EventData.DestinationIp", FieldType.STRING,
                "EventData.Threat Name", FieldType.STRING, "EventData.Port", FieldType.NUMBER,
                "EventData.Flag", FieldType.BOOL, "EventData.Bag", FieldType.DYNAMIC, "EventID", FieldType.NUMBER,
                "Other.Image", FieldType.STRING);

        String member(Expr e) {
            return BACKEND.renderCondition(TestRules.mapped(e, Map.of("table", "WindowsEvent"), types));
        }

        @Test
        void stringOperatorsReadTheMemberAsText() {
            assertEquals("tostring(EventData.Image) =~ \"c:\\\\x.exe\"", member(s("EventData.Image", StrOp.EQUALS, "c:\\x.exe")));
            assertEquals("tostring(EventData.Image) contains \"v\"", member(s("EventData.Image", StrOp.CONTAINS, "v")));
            assertEquals("tostring(EventData.Image) startswith_cs \"v\"", member(cs("EventData.Image", StrOp.STARTS_WITH, "v")));
            assertEquals("tostring(EventData.Image) endswith \"v\"", member(s("EventData.Image", StrOp.ENDS_WITH, "v")));
            assertEquals("tostring(EventData.Image) matches regex \"(?is)^a.*b$\"", member(s("EventData.Image", StrOp.EQUALS, "a*b")));
            assertEquals("tostring(EventData.Image) in~ (\"a\", \"b\")",
                    member(or(s("EventData.Image", StrOp.EQUALS, "a"), s("EventData.Image", StrOp.EQUALS, "b"))));
            assertEquals("tostring(EventData.Image) matches regex \"(?i)x\"", member(re("EventData.Image", "x", RegexFlag.IGNORE_CASE)));
        }

        @Test
        void oddNamesAreBracketed() {
            assertEquals("tostring(EventData['Threat Name']) contains \"Mimikatz\"",
                    member(s("EventData.Threat Name", StrOp.CONTAINS, "Mimikatz")));
        }

        @Test
        void numbersCompareTheMembersText() {
            assertEquals("EventID == 1 and tostring(EventData.Image) == \"5\"",
                    member(and(num("EventID", CompareOp.EQ, "1"), num("EventData.Image", CompareOp.EQ, "5"))));
            assertEquals("toreal(tostring(EventData.Image)) > 4", member(num("EventData.Image", CompareOp.GT, "4")));
            assertEquals("not(coalesce(toreal(tostring(EventData.Port)) >= 4, false))",
                    member(not(num("EventData.Port", CompareOp.GTE, "4"))));
            assertEquals("toreal(tostring(EventData.Port)) == 443", member(num("EventData.Port", CompareOp.EQ, "443")));
            assertEquals("inexact-number", assertThrows(SigcException.class,
                    () -> member(num("EventData.Port", CompareOp.EQ, "9007199254740993"))).diagnostic().code());
        }

        @Test
        void existsAndNullTestTheText() {
            assertEquals("isnotempty(tostring(EventData.Image))", member(new ExistsMatch("EventData.Image", true, SPAN)));
            assertEquals("isempty(tostring(EventData.Image))", member(new NullMatch("EventData.Image", SPAN)));
            assertEquals("isnotnull(EventData.Bag)", member(new ExistsMatch("EventData.Bag", true, SPAN)));
        }

        @Test
        void cidrBoolAndFieldRef() {
            assertEquals("ipv4_is_in_range(tostring(EventData.DestinationIp), \"10.0.0.0/8\")",
                    member(new CidrMatch("EventData.DestinationIp", Cidr.parse("10.0.0.0/8").orElseThrow(), SPAN)));
            assertEquals("tobool(EventData.Flag) == true", member(new BoolMatch("EventData.Flag", true, SPAN)));
            assertEquals("tostring(EventData.Image) =~ \"true\"", member(new BoolMatch("EventData.Image", true, SPAN)));
            assertEquals("isnotempty(tostring(EventData.ParentImage)) and tolower(tostring(EventData.Image)) == "
                            + "tolower(tostring(EventData.ParentImage))",
                    member(new FieldRefMatch("EventData.Image", StrOp.EQUALS, "EventData.ParentImage", false, SPAN)));
        }

        @Test
        void aDottedNameIsAColumnUnlessItsHeadIsADynamicColumn() {
            // 'Other' is not a dynamic column of the rule: 'Other.Image' is a column name with a dot
            assertEquals("['Other.Image'] =~ \"x\"", member(s("Other.Image", StrOp.EQUALS, "x")));
            assertEquals("['EventData.Image'] =~ \"x\"", cond(s("EventData.Image", StrOp.EQUALS, "x")));
        }
    }
}
