package dev.sigc.backend.spl;

import static dev.sigc.backend.spl.SplBackendTest.and;
import static dev.sigc.backend.spl.SplBackendTest.eq;
import static dev.sigc.backend.spl.SplBackendTest.or;
import static dev.sigc.backend.spl.SplBackendTest.re;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.TestRules;
import dev.sigc.ast.Expr;
import dev.sigc.diag.SigcException;
import dev.sigc.testing.Hostile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The state key {@code macro}: the query starts with that search macro, ANDed with the rest, for sources whose events
 * the user selects by defining it. The name comes from a pipeline; anything but a plain macro name is refused.
 */
class SplMacroTest {
    private static String spl(Expr e, Map<String, String> state) {
        return SplBackendTest.SPL.render(TestRules.mapped(e, state, Map.of())).text();
    }

    private static Map<String, String> macro(String name) {
        return Map.of("macro", name);
    }

    @Test
    void theMacroLeadsTheQueryInParentheses() {
        assertEquals("(`sigma_x`) AND logtype=\"2000\"", spl(eq("logtype", "2000"), macro("sigma_x")));
        assertEquals("(`sigma_x`) AND a=\"1\" AND b=\"2\"", spl(and(eq("a", "1"), eq("b", "2")), macro("sigma_x")));
    }

    @Test
    void aTopLevelOrGetsParenthesesAfterTheMacro() {
        assertEquals("(`sigma_x`) AND (a=\"1\" OR b=\"2\")", spl(or(eq("a", "1"), eq("b", "2")), macro("sigma_x")));
    }

    /** With nothing for the search command the macro alone is the search part (no "*" after it). */
    @Test
    void theMacroAloneWhenNoSearchTermsRemain() {
        String q = spl(re("f", "a.c"), macro("sigma_x"));
        assertTrue(q.startsWith("(`sigma_x`) | regex f="), q);
        assertEquals("*", spl(re("f", "a.c"), Map.of()).substring(0, 1));
    }

    @Test
    void noMacroNoChange() {
        assertEquals("logtype=\"2000\"", spl(eq("logtype", "2000"), Map.of()));
    }

    @Test
    void aMacroWithADatamodelIsRefused() {
        String message = assertThrows(SigcException.class, () -> spl(eq("Processes.process", "x"),
                Map.of("macro", "sigma_x", "datamodel", "Endpoint.Processes", "by", "Processes.dest")))
                .diagnostic().message();
        assertTrue(message.contains("sets both datamodel and macro"), message);
    }

    private static final int TRIES = 3_000;
    private static final long SEED = 0x6d6163726f5fL;

    /**
     * Hostile text as the macro name (a user's pipeline supplies it) is refused unless it is a plain lower-case name;
     * when accepted it appears exactly once, between the only two backticks of the query, at its start.
     */
    @Test
    void hostileMacroNamesAreRefusedOrPlainNames() {
        Hostile h = Hostile.seeded(SEED);
        Hostile.Source<String> names = Hostile.joined(Hostile.oneOf(SplHostileValuesTest.HOSTILE,
                Hostile.of("sigma_x", "a", "A", "x-y", "1x", "_x", "x`y", "x) | delete (", "`", "x(1)")), 3);
        h.check(h.tries(TRIES, names.edges(), names::next), name -> {
            boolean plain = SplBackend.MACRO_NAME.matcher(name).matches();
            String query;
            try {
                query = spl(eq("a", "1"), macro(name));
            } catch (SigcException e) {
                assertFalse(plain, () -> Hostile.literal(name) + " refused: " + e.getMessage());
                assertTrue(e.getMessage().contains("is not a search macro name"), e.getMessage());
                return;
            }
            assertTrue(plain, () -> Hostile.literal(name) + " accepted: " + query);
            String head = "(`" + name + "`)";
            assertTrue(query.startsWith(head), query);
            String rest = query.substring(head.length());
            assertEquals(" AND a=\"1\"", rest);
            SplLexer.lex(rest); // no backtick, quote or control character after the macro
        });
    }
}
