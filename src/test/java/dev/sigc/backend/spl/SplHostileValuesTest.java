package dev.sigc.backend.spl;

import static dev.sigc.backend.spl.SplBackendTest.AT;
import static dev.sigc.backend.spl.SplBackendTest.and;
import static dev.sigc.backend.spl.SplBackendTest.eq;
import static dev.sigc.backend.spl.SplBackendTest.spl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.ast.Expr;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.testing.Hostile;
import dev.sigc.testing.Hostile.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 3 §8: a value with quotes, backslashes, pipes, newlines, tabs, {@code *}, {@code ?}, {@code %}, control
 * characters or non-ASCII text comes out as literals that denote exactly that value, and can never end its
 * literal and add query syntax. Each value goes through a string operator, case-insensitive or cased (both
 * generated too); the query is read back with {@link SplLexer}, written from Splunk's documented rules, and must have one of
 * the shapes sigc writes with the value only inside literals:
 * <ul>
 *   <li>{@code source="S" AND F="v"}: the search term, whose decoded value is the value with {@code *} only
 *       where the operator leaves the end open (and so the value itself holds no {@code *});</li>
 *   <li>{@code source="S" [AND F="t"]... | where match(F, "re")} or {@code | where F=="v"}: the regex decodes
 *       (as a PCRE literal) to exactly the value, and every narrowing term {@code t} matches the value, so
 *       that the narrowing never loses an event.</li>
 * </ul>
 * The values come from {@link Hostile} with a fixed seed, so every run tries the same ones: first each piece of
 * {@link #HOSTILE} alone (and the empty value) under every operator and case mode, then random values. A failure
 * names the seed, the try and the value.
 */
class SplHostileValuesTest {
    static final Expr SRC = eq("source", "S");
    static final Pattern SEARCH_ONLY = Pattern.compile("source=\"…\" AND F=\"…\"");
    static final Pattern WITH_WHERE = Pattern.compile(
            "source=\"…\"((?: AND F=\"…\")*) \\| where (?:match\\(F, \"…\"\\)|F==\"…\")");

    private static final int TRIES = 10_000;
    private static final long SEED = 0x73706c5f686f7374L;

    static final Source<String> HOSTILE = Hostile.joined(Hostile.oneOf(
            Hostile.of("\"", "\\", "\\\\", "\\\"", "|", " | delete", "\n", "\r\n", "\t", "*", "?", "%", "`",
                    "$tok$", "[", "]", "(", ")", "=", "'", " ", "\\*", "\\x{0a}", "(?i)", "\u0000", "\u001b",
                    "\u007f", "\u0085", "\u2028", "\ufeff", "é", "İ", "日本", "😀", "ß", "AND", "OR", "NOT"),
            Hostile.run(Hostile.frequencyOf(Hostile.weight(26, Hostile.chars('a', 'z')),
                    Hostile.weight(26, Hostile.chars('A', 'Z')), Hostile.weight(10, Hostile.chars('0', '9'))), 1, 4),
            Hostile.chars('\u0000', '\u001f')), 8);

    /** One try: a value under an operator and case mode. */
    record Try(String value, StrOp op, boolean cased) {
        @Override
        public String toString() {
            return "value " + Hostile.literal(value) + ", " + op + (cased ? " cased" : "");
        }
    }

    @Test
    void everyValueIsExactlyOneLiteralOfItself() {
        Hostile h = Hostile.seeded(SEED);
        List<Try> edges = new ArrayList<>();
        for (String value : HOSTILE.edges()) {
            for (StrOp op : StrOp.values()) {
                for (boolean cased : new boolean[] {false, true}) {
                    edges.add(new Try(value, op, cased));
                }
            }
        }
        h.check(h.tries(TRIES, edges, g -> new Try(HOSTILE.next(g), g.pick(StrOp.class), g.bool())),
                t -> check(t.value(), t.op(), t.cased()));
    }

    static void check(String value, StrOp op, boolean cased) {
        StringMatch m = new StringMatch(Optional.of("F"), op, SigmaString.literal(value), cased, AT);
        String query = spl(and(SRC, m));
        java.util.function.Supplier<String> at = () -> op + (cased ? " cased " : " ") + printable(value) + " -> " + query;
        SplLexer.Lexed lexed = SplLexer.lex(query);
        List<String> lits = lexed.literals();
        assertEquals("S", lits.get(0), at);
        if (SEARCH_ONLY.matcher(lexed.skeleton()).matches()) {
            assertFalse(cased, at);
            assertFalse(value.indexOf('*') >= 0, () -> "a literal * would be a wildcard: " + at.get());
            String term = lits.get(1);
            String expected = (op.anchoredStart() ? "" : "*") + value + (op.anchoredEnd() ? "" : "*");
            assertEquals(expected.equals("**") ? "*" : expected, term, at);
            return;
        }
        Matcher w = WITH_WHERE.matcher(lexed.skeleton());
        assertTrue(w.matches(), () -> "unexpected shape " + lexed.skeleton() + ": " + at.get());
        int terms = w.group(1).isEmpty() ? 0 : w.group(1).split(" AND ", -1).length - 1;
        for (int i = 1; i <= terms; i++) {
            String term = lits.get(i);
            assertTrue(outerWildcardsOnly(term), () -> "inner * in narrowing term " + term + ": " + at.get());
            assertTrue(wildcardMatches(term, value), () -> "narrowing term " + term + " loses the value: " + at.get());
        }
        String last = lits.get(lits.size() - 1);
        assertEquals(terms + 2, lits.size(), at);
        if (lexed.skeleton().endsWith("F==\"…\"")) {
            assertTrue(cased && op == StrOp.EQUALS, at);
            assertEquals(value, last, at);
        } else {
            String decoded = SplLexer.literalRegex(last, cased ? "(?s)" : "(?is)", op.anchoredStart(),
                    op.anchoredEnd());
            assertEquals(value, decoded, at);
        }
    }

    /** A search term's {@code *} may stand only at its ends (Splunk: inconsistent results in the middle). */
    static boolean outerWildcardsOnly(String term) {
        String inner = term.substring(term.startsWith("*") ? 1 : 0, Math.max(term.startsWith("*") ? 1 : 0,
                term.length() - (term.endsWith("*") && term.length() > 1 ? 1 : 0)));
        return inner.indexOf('*') < 0;
    }

    /** Splunk's field-value wildcard match: {@code *} is any run, the rest compared case-insensitively. */
    static boolean wildcardMatches(String term, String value) {
        StringBuilder re = new StringBuilder("(?s)(?iu)");
        for (String part : term.split("\\*", -1)) {
            re.append(Pattern.quote(part)).append(".*");
        }
        re.setLength(re.length() - 2);
        return Pattern.compile(re.toString()).matcher(value).matches();
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return sb.toString();
    }
}
