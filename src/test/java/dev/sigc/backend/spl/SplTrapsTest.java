package dev.sigc.backend.spl;

import static dev.sigc.backend.spl.SplBackendTest.AT;
import static dev.sigc.backend.spl.SplBackendTest.and;
import static dev.sigc.backend.spl.SplBackendTest.cs;
import static dev.sigc.backend.spl.SplBackendTest.eq;
import static dev.sigc.backend.spl.SplBackendTest.not;
import static dev.sigc.backend.spl.SplBackendTest.or;
import static dev.sigc.backend.spl.SplBackendTest.re;
import static dev.sigc.backend.spl.SplBackendTest.s;
import static dev.sigc.backend.spl.SplBackendTest.spl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.ast.Cidr;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.diag.SigcException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The converter traps of issue 3 §5, one test each, as they apply to SPL. */
class SplTrapsTest {
    static final Expr SRC = eq("source", "S");

    /** Runs the where stage's regex (Java's engine agrees with PCRE on this subset) on a value. */
    static boolean whereMatches(String query, String value) {
        String lit = SplLexer.lex(query).literals().get(SplLexer.lex(query).literals().size() - 1);
        return Pattern.compile(lit).matcher(value).find();
    }

    @Test
    void wildcardsInsideAValueBecomeAnAnchoredCaseInsensitiveRegexWithQuestionMarkAsOneCharacter() {
        String q = spl(and(SRC, eq("F", "a?c*d")));
        assertEquals("source=\"S\" AND F=\"a*\" AND F=\"*c*\" AND F=\"*d\" | where match(F, \"(?is)^a.c.*d\\\\z\")", q);
        assertTrue(whereMatches(q, "ABCxxD"));
        assertFalse(whereMatches(q, "abbcd"), "? is exactly one character, never widened to *");
        assertFalse(whereMatches(q, "xabcd"), "anchored at the start");
        assertFalse(whereMatches(q, "abcdx"), "anchored at the end");
        assertFalse(whereMatches(q, "abcd\n"), "\\z, not $, which would allow a final newline");
        // no search term carries ? (a literal there) or an inner * (inconsistent in Splunk)
        assertFalse(q.substring(0, q.indexOf(" | ")).contains("?"));
    }

    @Test
    void ipv6NetworksUseIpv6AwareMatching() {
        CidrMatch v6 = new CidrMatch("DestinationIp", Cidr.parse("fd00:ec2::254/128").orElseThrow(), AT);
        assertEquals("source=\"S\" AND DestinationIp=\"fd00:ec2::254/128\"", spl(and(SRC, v6)));
        // inside an OR with a where-only test: cidrmatch(), documented as IPv6-compatible
        assertEquals("source=\"S\" | where cidrmatch(\"fd00:ec2::254/128\", DestinationIp) OR match(X, \"x\")",
                spl(and(SRC, or(v6, re("X", "x")))));
    }

    @Test
    void aFieldLessValueIsAnErrorNotABareString() {
        StringMatch kw = new StringMatch(Optional.empty(), StrOp.CONTAINS, SigmaString.literal("evil"), false, AT);
        SigcException e = assertThrows(SigcException.class, () -> spl(and(SRC, kw)));
        assertEquals("unsupported-keyword", e.diagnostic().code());
        assertThrows(SigcException.class, () -> spl(and(SRC, not(kw))));
        assertThrows(SigcException.class, () -> spl(and(SRC, or(eq("F", "a?"), kw))));
    }

    @Test
    void casedWildcardsAreNeverWrittenWithEquality() {
        String q = spl(and(SRC, cs("F", StrOp.EQUALS, "Ab*c")));
        assertEquals("source=\"S\" AND F=\"Ab*\" AND F=\"*c\" | where match(F, \"(?s)^Ab.*c\\\\z\")", q);
        assertFalse(q.contains("=="), "eval == has no wildcards");
        assertFalse(whereMatches(q, "abXc"), "cased");
    }

    @Test
    void caseInsensitiveRegexOnlyWhenTheRuleAsks() {
        assertEquals("source=\"S\" | regex F=\"Ab\"", spl(and(SRC, re("F", "Ab"))));
        assertEquals("source=\"S\" | regex F=\"(?i)Ab\"", spl(and(SRC, re("F", "Ab", RegexFlag.IGNORE_CASE))));
        assertEquals("source=\"S\" | where isnull(F) OR NOT match(F, \"Ab\")", spl(and(SRC, not(re("F", "Ab")))));
    }

    @Test
    void noConditionIsDroppedAndNoQueryIsEmpty() {
        // every conjunct lands in the search, a regex stage or the where stage; never nothing
        Expr c = and(eq("A", "a?"), not(re("B", "b")), cs("C", StrOp.CONTAINS, "c"), s("D", StrOp.CONTAINS, "d*e"));
        String q = spl(c);
        assertEquals("A=\"a*\" AND C=\"*c*\" AND D=\"*d*\" AND D=\"*e*\" | where match(A, \"(?is)^a.\\\\z\")"
                + " AND (isnull(B) OR NOT match(B, \"b\")) AND match(C, \"(?s)c\") AND match(D, \"(?is)d.*e\")", q);
        // a where-only condition still filters: the search part is *, the where stage decides
        assertEquals("* | where isnull(B) OR NOT match(B, \"b\")", spl(not(re("B", "b"))));
    }

    @Test
    void fieldNamesThatAreNotIdentifiersAreQuoted() {
        assertEquals("source=\"S\" | where match('a-b', \"(?is)^x\\\\z\")", spl(and(SRC, eq("a-b", "x"))));
        assertEquals("source=\"S\" | where match('my field', \"(?is)x\")",
                spl(and(SRC, s("my field", StrOp.CONTAINS, "x"))));
        assertEquals("source=\"S\" | where isnull('a-b') OR NOT match('a-b', \"(?is)^x\\\\z\")",
                spl(and(SRC, not(eq("a-b", "x")))));
    }

    @Test
    void regexesMatchAnywhereUnlessAnchored() {
        // SPL's regex command and match() search the value (PCRE), as Sigma's re does: the rule's text is kept
        String q = spl(and(SRC, or(re("F", "b+c"), re("G", "^x$"))));
        assertEquals("source=\"S\" | where match(F, \"b+c\") OR match(G, \"^x$\")", q);
        assertTrue(Pattern.compile("b+c").matcher("abbcd").find());
        // PCRE has lookaround, so a rule using it is kept as written
        assertEquals("source=\"S\" | regex F=\"curl(?!.*--noproxy)\"", spl(and(SRC, re("F", "curl(?!.*--noproxy)"))));
    }
}
