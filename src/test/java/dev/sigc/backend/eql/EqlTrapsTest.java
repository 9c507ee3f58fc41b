package dev.sigc.backend.eql;

import static dev.sigc.backend.eql.EqlFixtures.cased;
import static dev.sigc.backend.eql.EqlFixtures.ci;
import static dev.sigc.backend.eql.EqlFixtures.cond;
import static dev.sigc.backend.eql.EqlFixtures.fails;
import static dev.sigc.backend.eql.EqlFixtures.literal;
import static dev.sigc.backend.eql.EqlFixtures.match;
import static dev.sigc.backend.eql.EqlFixtures.not;
import static dev.sigc.backend.eql.EqlFixtures.or;
import static dev.sigc.backend.eql.EqlFixtures.re;
import static dev.sigc.backend.eql.EqlFixtures.ref;
import static dev.sigc.backend.eql.EqlFixtures.regexOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.ast.Cidr;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.StrOp;
import dev.sigc.diag.SigcException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The traps of issue 3 §5 that the widely used converters fall into, one test each, for EQL. A Lucene
 * regex is checked by running it as a whole-value Java match ({@code matches()}), which is how Lucene
 * applies it: the two syntaxes agree on what this backend emits.
 */
class EqlTrapsTest {

    /** Trap: a * or ? inside a value turned into an unanchored or case-sensitive regex, or ? widened to *. */
    @Test
    void wildcardsStayAnchoredCaseInsensitiveAndQuestionMarkIsOneCharacter() {
        // EQL's own wildcards are Sigma's: like~ matches the whole value, case-insensitively, ? is one character
        assertEquals("a like~ \"x*y?z\"", cond(ci("a", "x*y?z")));
        assertEquals("a like~ (\"?\", \"??\")", cond(or(ci("a", "?"), ci("a", "??"))));
        // a literal * in the text forces the regex fallback: still anchored, still case-insensitive, ? still '.'
        Expr e = ci("a", "x\\*?y");
        assertTrue(cond(e).startsWith("a regex~ "), cond(e));
        Pattern p = Pattern.compile(regexOf(e), Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
        assertTrue(p.matcher("x*Qy").matches());
        assertTrue(p.matcher("X*qY").matches());
        assertFalse(p.matcher("x*QQy").matches(), "? must stay one character");
        assertFalse(p.matcher("x*y").matches(), "? must stay one character");
        assertFalse(p.matcher("-x*Qy").matches(), "must stay anchored at the start");
        assertFalse(p.matcher("x*Qy-").matches(), "must stay anchored at the end");
    }

    /** Trap: an IPv6 CIDR checked with an IPv4-only function. cidrMatch takes IPv4 and IPv6 networks. */
    @Test
    void ipv6CidrUsesCidrMatch() {
        assertEquals("cidrMatch(destination.ip, \"fd00:ec2::/64\")", cond(cidr("destination.ip", "fd00:ec2::/64")));
        assertEquals("cidrMatch(destination.ip, \"::/0\", \"10.0.0.0/8\")",
                cond(or(cidr("destination.ip", "::/0"), cidr("destination.ip", "10.0.0.0/8"))));
    }

    /** Trap: a field-less value rendered as a bare string literal (invalid EQL). */
    @Test
    void fieldLessValueIsAnErrorNotABareLiteral() {
        SigcException e = fails("unsupported-keyword", match(Optional.empty(), "mimikatz", false));
        assertTrue(e.getMessage().contains("eql: keyword (field-less) search is not supported"), e.getMessage());
        fails("unsupported-keyword", or(ci("a", "x"), match(Optional.empty(), "*x*", true)));
    }

    /** Trap: EQL cased with wildcards written with == (which has no wildcards). */
    @Test
    void casedWildcardsUseLikeNeverDoubleEquals() {
        assertEquals("a like \"*Metadata-Flavor:*Google*\"", cond(cased("a", "*Metadata-Flavor:*Google*")));
        assertEquals("a like \"A?C\"", cond(cased("a", "A?C")));
        assertEquals("a like (\"X*\", \"*Y\")", cond(or(cased("a", "X*"), cased("a", "*Y"))));
        // == only where the value has no wildcard, and then a literal * is just a character
        assertEquals("a == \"x*y\"", cond(cased("a", "x\\*y")));
        // a literal * with a wildcard: case-sensitive regex, not regex~ and not ==
        assertEquals("a regex \"x\\\\*y.*\"", cond(cased("a", "x\\*y*")));
    }

    /** Trap: regex~ used when the rule did not ask for i. */
    @Test
    void regexTildeOnlyWithTheIFlag() {
        assertEquals("a regex \".*abc.*\"", cond(re("a", "abc")));
        assertEquals("a regex \"(.*\\n)?abc.*\"", cond(re("a", "^abc", RegexFlag.MULTILINE)));
        assertEquals("a regex \".*a.c.*\"", cond(re("a", "a.c", RegexFlag.DOTALL)));
        assertEquals("a regex~ \".*abc.*\"", cond(re("a", "abc", RegexFlag.IGNORE_CASE)));
        assertEquals("a regex~ \".*a.c.*\"", cond(re("a", "a.c", RegexFlag.IGNORE_CASE, RegexFlag.DOTALL)));
    }

    /**
     * Trap: a detection item dropped leaving an empty or always-true query. sigc's pipelines have no drop
     * transformation and an unmapped field is reported by the pipeline; here: no leaf renders as nothing or
     * as true, so a condition can never widen to every event of the category.
     */
    @Test
    void noLeafRendersAsNothingOrTrue() {
        // contains '' matches every event that has the field, not every event
        assertEquals("a like~ \"*\"", cond(literal("a", StrOp.CONTAINS, "", false)));
        assertEquals("not a like~ \"*\"", cond(not(literal("a", StrOp.CONTAINS, "", false))));
        assertEquals("a : \"\"", cond(literal("a", StrOp.EQUALS, "", false)));
        assertEquals("a regex \".{0}\"", cond(re("a", "^$")));
        assertEquals("a regex \".*\"", cond(re("a", "")));
    }

    /** Trap: field names with - or spaces left unquoted. */
    @Test
    void fieldNamesWithDashOrSpaceAreBackticked() {
        assertEquals("`my-field` : \"x\"", cond(ci("my-field", "x")));
        assertEquals("`winlog.event_data.Some Field` like~ \"*x*\"", cond(ci("winlog.event_data.Some Field", "*x*")));
        assertEquals("`a-b` regex \".*x.*\"", cond(re("a-b", "x")));
        assertEquals("cidrMatch(`x ip`, \"10.0.0.0/8\")", cond(cidr("x ip", "10.0.0.0/8")));
        assertEquals("`a-b` != null and `c d` != null and endsWith~(`a-b`, `c d`)", cond(ref("a-b", StrOp.ENDS_WITH, "c d", false)));
    }

    /**
     * Trap: regex semantics. Sigma regexes match anywhere unless anchored; Lucene's match the whole value and
     * read ^ and $ as literals, so open ends become .*, anchors disappear, a literal ^ or $ is escaped, and
     * what Lucene lacks is an error.
     */
    @Test
    void regexSearchSemanticsSurviveTheWholeValueEngine() {
        assertEquals(".*abc.*", regexOf(re("a", "abc")));
        assertEquals("abc", regexOf(re("a", "^abc$")));
        assertEquals("abc.*", regexOf(re("a", "^abc")));
        assertEquals(".*a\\$b\\^c.*", regexOf(re("a", "a\\$b\\^c")));
        fails("unsupported-regex", re("a", "foo(?=bar)"));
        fails("unsupported-regex", re("a", "(a)\\1"));
        fails("unsupported-regex", re("a", "\\bword\\b"));
        fails("unsupported-regex", re("a", "a^b"));
    }

    private static CidrMatch cidr(String field, String text) {
        return new CidrMatch(field, Cidr.parse(text).orElseThrow(), EqlFixtures.AT);
    }
}
