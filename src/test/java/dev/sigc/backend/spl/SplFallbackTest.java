package dev.sigc.backend.spl;

import static dev.sigc.backend.spl.SplBackendTest.AT;
import static dev.sigc.backend.spl.SplBackendTest.and;
import static dev.sigc.backend.spl.SplBackendTest.cs;
import static dev.sigc.backend.spl.SplBackendTest.eq;
import static dev.sigc.backend.spl.SplBackendTest.not;
import static dev.sigc.backend.spl.SplBackendTest.num;
import static dev.sigc.backend.spl.SplBackendTest.or;
import static dev.sigc.backend.spl.SplBackendTest.re;
import static dev.sigc.backend.spl.SplBackendTest.s;
import static dev.sigc.backend.spl.SplBackendTest.spl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.Cidr;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.FieldType;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Conjuncts the search command cannot say exactly: {@code | regex} and {@code | where} stages. */
class SplFallbackTest {
    static final Expr SRC = eq("source", "S");

    @Test
    void positiveRegexGetsItsOwnStage() {
        assertEquals("source=\"S\" | regex CommandLine=\"(?i)\\\\s-e(nc)?\\\\s\"",
                spl(and(SRC, re("CommandLine", "\\s-e(nc)?\\s", RegexFlag.IGNORE_CASE))));
        assertEquals("source=\"S\" | regex F=\"(?ims)a\\\"b\"",
                spl(and(SRC, re("F", "a\"b", RegexFlag.IGNORE_CASE, RegexFlag.MULTILINE, RegexFlag.DOTALL))));
        assertEquals("source=\"S\" | regex A=\"x|y\" | regex B=\"^z$\"", spl(and(SRC, re("A", "x|y"), re("B", "^z$"))));
    }

    @Test
    void negatedRegexIsGuardedForMissingFields() {
        assertEquals("source=\"S\" | where isnull(F) OR NOT match(F, \"a.c\")", spl(and(SRC, not(re("F", "a.c")))));
    }

    @Test
    void caseSensitive() {
        // the case-insensitive term narrows through the index; the where stage decides the case
        assertEquals("source=\"S\" AND F=\"Abc\" | where F==\"Abc\"", spl(and(SRC, cs("F", StrOp.EQUALS, "Abc"))));
        assertEquals("source=\"S\" AND F=\"*Ab.c*\" | where match(F, \"(?s)Ab\\\\.c\")",
                spl(and(SRC, cs("F", StrOp.CONTAINS, "Ab.c"))));
        assertEquals("source=\"S\" AND F=\"Ab*\" AND F=\"*c\" | where match(F, \"(?s)^Ab.*c\\\\z\")",
                spl(and(SRC, cs("F", StrOp.EQUALS, "Ab*c"))));
        assertEquals("source=\"S\" | where isnull(F) OR NOT (F==\"Abc\")",
                spl(and(SRC, not(cs("F", StrOp.EQUALS, "Abc")))));
    }

    @Test
    void oneCharWildcardIsExactlyOneChar() {
        assertEquals("source=\"S\" AND F=\"a*\" AND F=\"*c\" | where match(F, \"(?is)^a.c\\\\z\")",
                spl(and(SRC, eq("F", "a?c"))));
        assertEquals("source=\"S\" AND F=\"*a*\" AND F=\"*c\" | where match(F, \"(?is)a.c\\\\z\")",
                spl(and(SRC, s("F", StrOp.ENDS_WITH, "a?c"))));
        assertEquals("source=\"S\" AND F=\"*ab\" | where match(F, \"(?is)^.ab\\\\z\")", spl(and(SRC, eq("F", "?ab"))));
        // never widened to *: the regex has exactly one . where the rule has ?
        assertEquals("* | where match(F, \"(?is)^..\\\\z\")", spl(eq("F", "??")));
    }

    @Test
    void literalStarCannotBeEscapedInSearch() {
        assertEquals("source=\"S\" AND F=\"a*\" AND F=\"*b*\" | where match(F, \"(?is)^a\\\\*b\")",
                spl(and(SRC, s("F", StrOp.STARTS_WITH, "a\\*b"))));
    }

    @Test
    void controlCharactersAndBackticksBecomeHexEscapes() {
        StringMatch nl = new StringMatch(Optional.of("F"), StrOp.CONTAINS, SigmaString.literal("a\nb\tc\u007f`d"),
                false, AT);
        assertEquals("source=\"S\" AND F=\"*a*\" AND F=\"*b*\" AND F=\"*c*\" AND F=\"*d*\""
                + " | where match(F, \"(?is)a\\\\x{0a}b\\\\x{09}c\\\\x{7f}\\\\x{60}d\")",
                spl(and(SRC, nl)));
        // an escaped backslash before a raw newline stays an escaped backslash
        assertEquals("source=\"S\" | regex F=\"a\\\\\\\\\\\\x{0a}\"", spl(and(SRC, re("F", "a\\\\\n"))));
        assertEquals("source=\"S\" | regex F=\"a\\\\x{0a}\\\\x{0a}\\\\x{60}\"", spl(and(SRC, re("F", "a\n\\\n`"))));
    }

    @Test
    void regexControlCharacterInsideQuoteIsAnError() {
        SigcException e = assertThrows(SigcException.class, () -> spl(and(SRC, re("F", "\\Qa\nb\\E"))));
        assertEquals("unsupported-regex", e.diagnostic().code());
        assertEquals(AT, e.diagnostic().span());
        assertThrows(SigcException.class, () -> spl(and(SRC, re("F", "\\Qa`\\E"))));
        assertEquals("source=\"S\" | regex F=\"\\\\Qa.b\\\\E\\\\x{0a}\"", spl(and(SRC, re("F", "\\Qa.b\\E\n"))));
    }

    @Test
    void loneSurrogateIsAnError() {
        StringMatch bad = new StringMatch(Optional.of("F"), StrOp.EQUALS, SigmaString.literal("a\ud800"), false, AT);
        SigcException e = assertThrows(SigcException.class, () -> spl(and(SRC, bad)));
        assertEquals("unsupported-value", e.diagnostic().code());
        assertEquals("unsupported-regex",
                assertThrows(SigcException.class, () -> spl(re("F", "a\udc00"))).diagnostic().code());
        assertEquals("unsupported-regex",
                assertThrows(SigcException.class, () -> spl(re("F", "\\c`"))).diagnostic().code());
        assertEquals("* | regex F=\"\\\\cA\\\\x{60}\"", spl(re("F", "\\cA`")));
    }

    @Test
    void mixedConjunctGoesWholeToWhere() {
        Expr c = and(SRC, or(s("CommandLine", StrOp.CONTAINS, "x"), re("CommandLine", "y+")),
                s("Image", StrOp.ENDS_WITH, "\\\\a.exe"));
        assertEquals("source=\"S\" AND Image=\"*\\\\a.exe\" | where match(CommandLine, \"(?is)x\")"
                + " OR match(CommandLine, \"y+\")", spl(c));
    }

    @Test
    void negationIsPushedToGuardedTests() {
        Expr c = and(SRC, not(or(eq("A", "1"), re("B", "x"), new ExistsMatch("C", true, AT))));
        // not (a or re or c) is split: the searchable terms stay in the search
        assertEquals("source=\"S\" AND NOT (A=\"1\" OR C=*) | where isnull(B) OR NOT match(B, \"x\")", spl(c));
        Expr c2 = and(SRC, or(eq("Z", "z"), not(or(eq("A", "1"), re("B", "x"), new ExistsMatch("C", true, AT)))));
        // relaxed: not (a or re or c) implies not (a or c)
        assertEquals("source=\"S\" AND (Z=\"z\" OR NOT (A=\"1\" OR C=*))"
                + " | where match(Z, \"(?is)^z\\\\z\") OR ((isnull(A) OR NOT match(A, \"(?is)^1\\\\z\"))"
                + " AND (isnull(B) OR NOT match(B, \"x\")) AND isnull(C))", spl(c2));
        Expr d = and(SRC, not(and(cs("A", StrOp.EQUALS, "1"), re("B", "x"))));
        assertEquals("source=\"S\" | where isnull(A) OR NOT (A==\"1\") OR isnull(B) OR NOT match(B, \"x\")", spl(d));
        Expr e = and(SRC, or(and(cs("A", StrOp.EQUALS, "1"), not(re("B", "x"))), new NullMatch("C", AT)));
        assertEquals("source=\"S\" AND (A=\"1\" OR NOT C=*) | where (A==\"1\" AND (isnull(B) OR NOT match(B, \"x\"))) OR isnull(C)", spl(e));
    }

    @Test
    void everyKindInEval() {
        Map<String, FieldType> t = Map.of("N", FieldType.NUMBER);
        Expr c = or(re("R", "r"), new CidrMatch("I", Cidr.parse("fd00::/8").orElseThrow(), AT),
                num("N", CompareOp.GTE, "5"), num("N", CompareOp.EQ, "7"), num("S", CompareOp.EQ, "7"),
                num("S", CompareOp.LT, "7"), new BoolMatch("B", true, AT), new NullMatch("Z", AT),
                new ExistsMatch("E", true, AT), eq("N", "12"));
        assertEquals("* | where match(R, \"r\") OR cidrmatch(\"fd00::/8\", I) OR tonumber(N)>=5 OR tonumber(N)==7"
                + " OR S==\"7\" OR tonumber(S)<7 OR lower(B)==\"true\" OR isnull(Z) OR isnotnull(E)"
                + " OR tonumber(N)==12", spl(c, t));
        Cidr ten = Cidr.parse("10.0.0.0/8").orElseThrow();
        Expr n = or(re("X", "x"), not(or(num("N", CompareOp.GT, "5"), new CidrMatch("I", ten, AT),
                new BoolMatch("B", false, AT), re("R", "r"), eq("N", "12"), num("S", CompareOp.EQ, "7"))));
        assertEquals("* | where match(X, \"x\") OR ((isnull(tonumber(N)) OR NOT (tonumber(N)>5))"
                + " AND (isnull(I) OR NOT cidrmatch(\"10.0.0.0/8\", I)) AND (isnull(B) OR NOT (lower(B)==\"false\"))"
                + " AND (isnull(R) OR NOT match(R, \"r\")) AND (isnull(tonumber(N)) OR NOT (tonumber(N)==12))"
                + " AND (isnull(S) OR NOT (S==\"7\")))", spl(n, t));
        assertEquals("NOT (N>5 OR I=\"10.0.0.0/8\" OR B=\"false\" OR N=12 OR S=\"7\") | where isnull(R) OR NOT match(R, \"r\")",
                spl(((dev.sigc.ast.Or) n).terms().get(1), t));
    }

    @Test
    void nothingForSearchStartsWithStar() {
        assertEquals("* | regex F=\"x\"", spl(re("F", "x")));
        assertEquals("* | where isnull(F) OR NOT match(F, \"x\")", spl(not(re("F", "x"))));
    }

    @Test
    void fieldNames() {
        assertEquals("source=\"S\" | where match('my field', \"(?is)^a\\\\z\")", spl(and(SRC, eq("my field", "a"))));
        assertEquals("source=\"S\" | where 'Processes.process'==\"A\" OR 'OR'==\"b\"",
                spl(and(SRC, or(cs("Processes.process", StrOp.EQUALS, "A"), cs("OR", StrOp.EQUALS, "b")))));
        assertEquals("source=\"S\" | where match('a-b', \"(?is)^x\\\\z\")", spl(and(SRC, eq("a-b", "x"))));
        assertEquals("* | where match('1st', \"x\")", spl(re("1st", "x")));
        assertEquals("unsupported-field-name",
                assertThrows(SigcException.class, () -> spl(and(SRC, eq("it's", "a")))).diagnostic().code());
        assertEquals("unsupported-field-name",
                assertThrows(SigcException.class, () -> spl(and(SRC, eq("a\\b", "a")))).diagnostic().code());
    }

    @Test
    void keywordIsAnError() {
        StringMatch kw = new StringMatch(Optional.empty(), StrOp.CONTAINS, SigmaString.literal("evil"), false, AT);
        SigcException e = assertThrows(SigcException.class, () -> spl(and(SRC, kw)));
        assertEquals("unsupported-keyword", e.diagnostic().code());
        assertEquals(AT, e.diagnostic().span());
        assertTrue(e.diagnostic().message().startsWith("spl: "));
        assertThrows(SigcException.class, () -> spl(and(SRC, or(kw, re("F", "x")))));
        assertThrows(SigcException.class, () -> spl(and(SRC, or(re("F", "x"), kw))));
    }

    @Test
    void patternsOnOneFieldShareOneMatch() {
        // an OR of pattern tests on F: one alternation, at the first one's place
        assertEquals("source=\"S\" AND (F IN (\"a*\", \"*b\") OR G=\"g*\") | where match(F, \"(?is)^a.\\\\z|^.b\\\\z\")"
                + " OR match(G, \"(?is)^g.\\\\z\")", spl(and(SRC, or(eq("F", "a?"), eq("G", "g?"), eq("F", "?b")))));
        // negated in an AND (not a and not b): one guarded negated alternation
        assertEquals("source=\"S\" | where isnull(F) OR NOT match(F, \"(?is)^a.\\\\z|^b.\\\\z\")",
                spl(and(SRC, not(or(eq("F", "a?"), eq("F", "b?"))))));
        // different case sensitivity, or a rule's own regex (its groups would be renumbered): kept apart
        assertEquals("source=\"S\" AND F IN (\"a*\", \"b*\") | where match(F, \"(?is)^a.\\\\z\")"
                + " OR match(F, \"(?s)^b.\\\\z\")", spl(and(SRC, or(eq("F", "a?"), cs("F", StrOp.EQUALS, "b?")))));
        assertEquals("source=\"S\" | where match(F, \"(a)\\\\1\") OR match(F, \"(b)\\\\1\")",
                spl(and(SRC, or(re("F", "(a)\\1"), re("F", "(b)\\1")))));
    }

    @Test
    void narrowingTermsAreImpliedByTheCondition() {
        // relax: every event of the condition satisfies the terms; under NOT the direction flips (tighten)
        assertEquals("source=\"S\" AND NOT F=\"x\" | where isnull(G) OR NOT match(G, \"(?is)^a.\\\\z\")",
                spl(and(SRC, not(or(eq("F", "x"), eq("G", "a?"))))));
        // inside an OR, not (x or a?) relaxes to not x, since x or a? is implied by x (tighten)
        assertEquals("source=\"S\" AND (Z=\"z*\" OR NOT F=\"x\") | where match(Z, \"(?is)^z.\\\\z\")"
                + " OR ((isnull(F) OR NOT match(F, \"(?is)^x\\\\z\")) AND (isnull(G) OR NOT match(G, \"(?is)^a.\\\\z\")))",
                spl(and(SRC, or(eq("Z", "z?"), not(or(eq("F", "x"), eq("G", "a?")))))));
        // an AND holding a regex has no searchable subset: no narrowing under its NOT
        assertEquals("source=\"S\" | where isnull(F) OR NOT match(F, \"(?is)^x\\\\z\") OR isnull(H) OR NOT match(H, \"h\")",
                spl(and(SRC, not(and(eq("F", "x"), re("H", "h"))))));
        // nothing to search for: no term rather than a wrong one
        assertEquals("source=\"S\" | where match(F, \"(?is)^.\\\\z\")", spl(and(SRC, eq("F", "?"))));
        assertEquals("source=\"S\" | where match(F, \"(?is)^a.\\\\z\") OR match(G, \"g\")",
                spl(and(SRC, or(eq("F", "a?"), re("G", "g")))));
    }

    @Test
    void deterministic() {
        Expr c = and(SRC, or(eq("A", "1"), eq("A", "2"), cs("B", StrOp.CONTAINS, "x")), not(re("C", "y")));
        assertEquals(spl(c), spl(c));
    }
}
