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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.TestRules;
import dev.sigc.ast.Cidr;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.CompareOp;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.FieldType;
import dev.sigc.testing.Hostile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tstats flavour of the SPL backend: what the pipeline state turns into, and what is refused and why. */
class SplTstatsTest {
    static final String HEAD = "| tstats summariesonly=false fillnull_value=\"null\" count min(_time) as firstTime"
            + " max(_time) as lastTime from datamodel=Endpoint.Processes where ";
    static final Map<String, String> STATE = Map.of("datamodel", "Endpoint.Processes",
            "by", "Processes.dest Processes.process", "nullable", "Processes.process_path");

    static String tstats(Expr e) {
        return tstats(e, STATE);
    }

    static String tstats(Expr e, Map<String, String> state) {
        return SplBackendTest.SPL.render(TestRules.mapped(e, state, Map.of("Processes.process_id", FieldType.NUMBER)))
                .text();
    }

    static String error(Expr e) {
        return error(e, STATE);
    }

    static String error(Expr e, Map<String, String> state) {
        return assertThrows(SigcException.class, () -> tstats(e, state)).diagnostic().message();
    }

    static Map<String, String> with(String key, String value) {
        Map<String, String> m = new HashMap<>(STATE);
        m.put(key, value);
        return m;
    }

    @Test
    void theDatamodelStateChoosesTstats() {
        assertEquals(HEAD + "Processes.process=\"*whoami*\" by Processes.dest Processes.process",
                tstats(s("Processes.process", StrOp.CONTAINS, "whoami")));
    }

    @Test
    void searchSyntaxWithParenthesesForMixedNestingAndValueLists() {
        Expr e = and(or(s("Processes.process_path", StrOp.ENDS_WITH, "\\curl.exe"),
                        s("Processes.process_path", StrOp.ENDS_WITH, "\\wget.exe")),
                not(s("Processes.process", StrOp.CONTAINS, "--version")));
        assertEquals(HEAD + "Processes.process_path IN (\"*\\\\curl.exe\", \"*\\\\wget.exe\") AND NOT"
                + " Processes.process=\"*--version*\" by Processes.dest Processes.process", tstats(e));
    }

    @Test
    void nodenameSelectsAChildDatasetAndAnOrStaysGrouped() {
        Map<String, String> state = with("nodename", "Processes.Child");
        Expr e = or(eq("Processes.process", "a"), eq("Processes.process_path", "b"));
        assertEquals(HEAD + "nodename=Processes.Child AND (Processes.process=\"a\" OR Processes.process_path=\"b\")"
                + " by Processes.dest Processes.process", tstats(e, state));
    }

    @Test
    void summariesOnlyAndIntegerEquality() {
        assertEquals(HEAD.replace("summariesonly=false", "summariesonly=true") + "Processes.process_id=4 by"
                + " Processes.dest Processes.process", tstats(num("Processes.process_id", CompareOp.EQ, "4"),
                with("summariesonly", "true")));
    }

    @Test
    void presenceIsExactOnNullableFieldsOnly() {
        assertEquals(HEAD + "Processes.process_path=* by Processes.dest Processes.process",
                tstats(new ExistsMatch("Processes.process_path", true, AT)));
        assertEquals(HEAD + "NOT Processes.process_path=* by Processes.dest Processes.process",
                tstats(new NullMatch("Processes.process_path", AT)));
        assertTrue(error(new ExistsMatch("Processes.process", true, AT)).contains(
                "exists/null cannot be expressed on Processes.process: the data model fills a missing value"));
    }

    @Test
    void aTestTrueOfTheFillValueIsRefusedUnlessGuarded() {
        StringMatch no = s("Processes.process", StrOp.CONTAINS, "no");
        assertTrue(error(no).contains("this test is true of 'unknown', and the data model writes 'unknown'"),
                error(no));
        assertTrue(error(not(no)).contains("true of 'unknown'"));
        // under an AND with a test on the same field that the fill value fails, a missing field fails both ways
        assertEquals(HEAD + "Processes.process=\"*recoveryenabled*\" AND Processes.process=\"*no*\" by Processes.dest"
                + " Processes.process", tstats(and(s("Processes.process", StrOp.CONTAINS, "recoveryenabled"), no)));
        // a guard on another field does not help
        assertTrue(error(and(eq("Processes.process_path", "x"), no)).contains("true of 'unknown'"));
        // an empty value is never kept: neither equal to "" nor excluded by NOT ""
        assertTrue(error(not(eq("Processes.process", ""))).contains("true of an empty value"));
        assertTrue(error(eq("Processes.process_path", "")).contains("keeps no empty value of Processes.process_path"));
        assertTrue(error(num("Processes.process_id", CompareOp.EQ, "0")).contains("true of '0'"));
    }

    @Test
    void constructsTheWhereClauseCannotSay() {
        assertTrue(error(cs("Processes.process", StrOp.CONTAINS, "Whoami")).contains("the cased modifier"));
        assertTrue(error(s("Processes.process", StrOp.EQUALS, "a*b")).contains("a wildcard inside a value"));
        assertTrue(error(s("Processes.process", StrOp.CONTAINS, "a?b")).contains("a wildcard inside a value"));
        assertTrue(error(s("Processes.process", StrOp.CONTAINS, "a\\*b")).contains("a literal *"));
        assertTrue(error(StringMatch.of("Processes.process", StrOp.CONTAINS, "a\nb", false, AT))
                .contains("control character"));
        assertTrue(error(StringMatch.of("Processes.process", StrOp.CONTAINS, "I`E`X", false, AT))
                .contains("backtick"));
        assertTrue(error(re("Processes.process", "a.b")).contains("a regular expression"));
        assertTrue(error(new CidrMatch("Processes.dest", Cidr.parse("10.0.0.0/8").orElseThrow(), AT))
                .contains("cidr cannot be expressed exactly"));
        assertTrue(error(num("Processes.process_id", CompareOp.GT, "4")).contains("the > comparison"));
        assertTrue(error(num("Processes.process_id", CompareOp.EQ, "4.5")).contains("the number 4.5"));
        assertTrue(error(new FieldRefMatch("Processes.process", StrOp.EQUALS, "Processes.parent_process", false, AT))
                .contains("fieldref"));
        assertTrue(error(new StringMatch(Optional.empty(), StrOp.CONTAINS, SigmaString.literal("x"), false, AT))
                .contains("keyword (field-less) search"));
        assertTrue(error(eq("by", "x")).contains("field name 'by' cannot be written"));
        assertTrue(error(eq("a-b", "x")).contains("field name 'a-b' cannot be written"));
        assertTrue(error(eq("earliest", "-1y")).contains("field name 'earliest' cannot be written"));
        assertTrue(error(eq("index", "*")).contains("field name 'index' cannot be written"));
    }

    @Test
    void pipelineStateIsCheckedBeforeItReachesTheQuery() {
        Expr e = eq("Processes.process_path", "x");
        assertTrue(error(e, with("datamodel", "Endpoint.Processes where 1=1")).contains("the pipeline's datamodel"
                + " 'Endpoint.Processes where 1=1' is not a name tstats can take"));
        assertTrue(error(e, with("datamodel", "Endpoint")).contains("must name a data model and its root dataset"));
        assertTrue(error(e, with("by", "")).contains("no 'by' fields"));
        assertTrue(error(e, with("by", "Processes.dest | delete")).contains("'|' is not a name"));
        assertTrue(error(e, with("nodename", "\"x\"")).contains("nodename"));
        assertTrue(error(e, with("summariesonly", "yes")).contains("summariesonly must be true or false"));
    }

    private static final int TRIES = 5_000;
    private static final long SEED = 0x7473746174735fL;

    /**
     * A hostile value under every string operator and case mode either comes out as the one literal of the where
     * clause that denotes exactly the matched term, or is refused for a reason the value shows (cased, a *, a
     * character an SPL string cannot carry, or an empty value that the data model does not keep). The query is read
     * back with {@link SplLexer}: the value can never end its literal and add query syntax.
     */
    @Test
    void hostileValuesAreOneLiteralOrRefused() {
        Hostile h = Hostile.seeded(SEED);
        List<SplHostileValuesTest.Try> edges = new ArrayList<>();
        for (String value : SplHostileValuesTest.HOSTILE.edges()) {
            for (StrOp op : StrOp.values()) {
                for (boolean cased : new boolean[] {false, true}) {
                    edges.add(new SplHostileValuesTest.Try(value, op, cased));
                }
            }
        }
        h.check(h.tries(TRIES, edges, g -> new SplHostileValuesTest.Try(SplHostileValuesTest.HOSTILE.next(g),
                g.pick(StrOp.class), g.bool())), t -> checkHostile(t.value(), t.op(), t.cased()));
    }

    private static final java.util.regex.Pattern NAME =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /**
     * Hostile text as a field name, a data model, a child dataset or a BY field (a user's pipeline supplies them)
     * is either refused or written as exactly itself, a plain dotted name, in its one place in the query.
     */
    @Test
    void hostileNamesAreRefusedOrPlainNames() {
        Hostile h = Hostile.seeded(SEED + 1);
        Hostile.Source<String> names = Hostile.joined(Hostile.oneOf(SplHostileValuesTest.HOSTILE,
                Hostile.of(".", "Processes", "Processes.process", "_x", "by", "where", "0")), 3);
        h.check(h.tries(TRIES, names.edges(), names::next), name -> {
            boolean plain = plainName(name);
            Expr e = eq("Processes.process_path", "x");
            String[][] cases = {{"field", name}, {"datamodel", name}, {"nodename", name}, {"by", name}};
            for (String[] c : cases) {
                String query;
                try {
                    query = c[0].equals("field") ? tstats(eq(name, "x"), with("nullable", "Processes.process_path "
                            + (plain ? name : ""))) : tstats(e, with(c[0], c[1]));
                } catch (SigcException ex) {
                    List<String> tokens = java.util.Arrays.stream(name.trim().split("[\\s,]+"))
                            .filter(t -> !t.isEmpty()).toList();
                    boolean mayRefuse = switch (c[0]) {
                        case "datamodel" -> !plain || name.indexOf('.') < 0;
                        case "by" -> tokens.isEmpty() || !tokens.stream().allMatch(SplTstatsTest::plainName);
                        default -> !plain;
                    };
                    assertTrue(mayRefuse, () -> c[0] + " " + Hostile.literal(name) + " refused: " + ex.getMessage());
                    continue;
                }
                boolean acceptable = c[0].equals("by")
                        ? java.util.Arrays.stream(name.trim().split("[\\s,]+")).allMatch(SplTstatsTest::plainName)
                        : plain;
                assertTrue(acceptable, () -> c[0] + " " + Hostile.literal(name) + " accepted: " + query);
                SplLexer.lex(query); // no stray quote, control character or backtick
                String where = query.substring(query.indexOf(" from datamodel="));
                String expected = switch (c[0]) {
                    case "field" -> " from datamodel=Endpoint.Processes where " + name + "=\"x\" by Processes.dest"
                            + " Processes.process";
                    case "datamodel" -> " from datamodel=" + name + " where Processes.process_path=\"x\" by"
                            + " Processes.dest Processes.process";
                    case "nodename" -> " from datamodel=Endpoint.Processes where nodename=" + name + " AND"
                            + " Processes.process_path=\"x\" by Processes.dest Processes.process";
                    default -> " from datamodel=Endpoint.Processes where Processes.process_path=\"x\" by "
                            + String.join(" ", name.trim().split("[\\s,]+"));
                };
                assertEquals(expected, where, () -> c[0] + " " + Hostile.literal(name));
            }
        });
    }

    static boolean plainName(String name) {
        return NAME.matcher(name).matches() && !SplTstats.RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    static void checkHostile(String value, StrOp op, boolean cased) {
        StringMatch m = new StringMatch(Optional.of("Processes.process_path"), op, SigmaString.literal(value), cased, AT);
        boolean refusable = cased || value.indexOf('*') >= 0 || !SplStrings.isLiteralSafe(value) || value.isEmpty();
        String query;
        try {
            query = tstats(m);
        } catch (SigcException e) {
            assertTrue(refusable, () -> "refused without reason: " + e.getMessage());
            assertEquals("unsupported-construct", e.diagnostic().code());
            return;
        }
        java.util.function.Supplier<String> at = () -> op + (cased ? " cased " : " ")
                + SplHostileValuesTest.printable(value) + " -> " + query;
        assertTrue(!cased && value.indexOf('*') < 0, at);
        SplLexer.Lexed lexed = SplLexer.lex(query);
        assertEquals("| tstats summariesonly=false fillnull_value=\"…\" count min(_time) as firstTime max(_time) as"
                + " lastTime from datamodel=Endpoint.Processes where Processes.process_path=\"…\" by Processes.dest"
                + " Processes.process", lexed.skeleton(), at);
        String expected = (op.anchoredStart() ? "" : "*") + value + (op.anchoredEnd() ? "" : "*");
        assertEquals(List.of("null", expected), lexed.literals(), at);
    }
}
