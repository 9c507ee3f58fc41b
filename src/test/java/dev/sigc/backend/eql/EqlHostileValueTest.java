package dev.sigc.backend.eql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.TestRules;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.testing.Hostile;
import dev.sigc.testing.Hostile.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Hostile values (issue 3 §8) through the whole EQL renderer: every value comes out as exactly one string
 * literal that denotes it, whatever operator carries it, and never ends its literal to add query syntax.
 *
 * <p>Literals are read back by {@link EqlUnquote}, a strict reader written from Elasticsearch's lexer rule
 * and {@code unquoteString}, not by the escaper. What the operator then does with the decoded text is
 * checked against the operator's documented meaning: {@code :}, {@code in~}, {@code ==} compare the text
 * itself; in a {@code like} pattern {@code *} and {@code ?} are wildcards and everything else is literal;
 * a {@code regex} is a whole-value Lucene regex, run here with Java's engine (which reads the subset sigc
 * emits the same way, ASCII case folding included) and compared with a direct reference match.
 *
 * <p>The texts come from {@link Hostile} with a fixed seed, so every run tries the same ones: first each piece
 * of {@link #HOSTILE} alone (and the empty text) under every operator and case mode, then random texts. A
 * failure names the seed, the try and the text.
 */
class EqlHostileValueTest {
    private static final Span AT = new Span("rule.yml", 7, 9);
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z_@][A-Za-z0-9_]*(\\.[A-Za-z_@][A-Za-z0-9_]*)*");
    private static final Set<String> KEYWORDS = Set.of("and", "any", "by", "false", "fork", "in", "join", "like",
            "maxspan", "not", "null", "of", "or", "regex", "runs", "sample", "sequence", "true", "until", "where", "with");

    private static final int TRIES = 10_000;
    private static final long SEED = 0x65716c5f686f7374L;

    static final Source<String> HOSTILE;

    static {
        Source<String> special = Hostile.of("\"", "\\", "\\\\", "\\\"", "\"\"\"", "|", "\n", "\r", "\t", "*", "?",
                "%", "_", "'", "`", "~", "(", ")", ",", " or a : ", "\" or true or \"", "\\u{41}", "\\n", "$", "^", "[", "]",
                "{", "}", ".", "#", "@", "&", "<", ">", "+", "\u0000", "\u0001", "\u001b", "\u007f", "\u0085", "\u00a0",
                "\u200f", "\u2028", "\ufeff", "\u00e9", "\u00c9", "\u00df", "\u0130", "\u0131", "\u017f", "\u01c5",
                "\u212a", "\u5143\u6570\u636e", "\ud83d\ude42", "\ud83d", "\ude42", " ", "x", "Y", "0");
        Source<String> control = Hostile.chars('\u0000', '\u001f');
        Source<String> ascii = Hostile.chars(' ', '~');
        Source<String> any = Hostile.chars('\u0080', '\uffff');
        Source<String> token = Hostile.frequencyOf(
                Hostile.weight(6, special), Hostile.weight(2, control), Hostile.weight(3, ascii), Hostile.weight(1, any));
        HOSTILE = Hostile.joined(token, 16);
    }

    /** One try: a text, and the operator and case mode it is a value under. */
    record Try(String text, StrOp op, boolean caseSensitive) {
        @Override
        public String toString() {
            return "text " + Hostile.literal(text) + ", " + op + (caseSensitive ? " cased" : "");
        }
    }

    /**
     * Each generated text goes through both escapers: as a value under a string operator and case mode, and
     * as a field name. One test rather than two keeps the run short (each text is drawn once).
     */
    @Test
    void hostileTextBecomesExactlyOneToken() {
        Hostile h = Hostile.seeded(SEED);
        List<Try> edges = new ArrayList<>();
        for (String text : HOSTILE.edges()) {
            for (StrOp op : StrOp.values()) {
                for (boolean caseSensitive : new boolean[] {false, true}) {
                    edges.add(new Try(text, op, caseSensitive));
                }
            }
        }
        h.check(h.tries(TRIES, edges, g -> new Try(HOSTILE.next(g), g.pick(StrOp.class), g.bool())), t -> {
            valueBecomesExactlyOneLiteral(t.text(), t.op(), t.caseSensitive());
            fieldNameBecomesExactlyOneName(t.text());
        });
    }

    /** The value, under the operator and case mode, is one exact literal. */
    private static void valueBecomesExactlyOneLiteral(String value, StrOp op, boolean caseSensitive) {
        Expr leaf = new StringMatch(Optional.of("f"), op, SigmaString.literal(value), caseSensitive, AT);
        if (hasUnpairedSurrogate(value)) {
            SigcException e = assertThrows(SigcException.class, () -> cond(leaf));
            assertEquals("unsupported-value", e.diagnostic().code());
            return;
        }
        String q = cond(leaf);
        boolean wildcardChars = value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
        if (op == StrOp.EQUALS) {
            String head = caseSensitive ? "f == " : wildcardChars ? "f in~ (" : "f : ";
            String lit = literalAfter(q, head, head.endsWith("(") ? ")" : "");
            assertEquals(value, EqlUnquote.unquote(lit), q);
            return;
        }
        boolean likeSafe = !wildcardChars && value.indexOf('\u0001') < 0;
        if (likeSafe) {
            String lit = literalAfter(q, caseSensitive ? "f like " : "f like~ ", "");
            String expected = (op.anchoredStart() ? "" : "*") + value + (op.anchoredEnd() ? "" : "*");
            assertEquals(expected.equals("**") ? "*" : expected, EqlUnquote.unquote(lit), q);
            return;
        }
        String lit = literalAfter(q, caseSensitive ? "f regex " : "f regex~ ", "");
        Pattern emulated = Pattern.compile(EqlUnquote.unquote(lit), Pattern.DOTALL | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE));
        for (String candidate : candidates(value, caseSensitive)) {
            assertEquals(reference(candidate, value, op, caseSensitive), emulated.matcher(candidate).matches(),
                    () -> q + " on " + candidate);
        }
    }

    /** The field name is a plain dotted identifier, or one backticked name; never a way out. */
    private static void fieldNameBecomesExactlyOneName(String name) {
        Expr leaf = new ExistsMatch(name, true, AT);
        if (name.isEmpty() || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || hasUnpairedSurrogate(name)) {
            SigcException e = assertThrows(SigcException.class, () -> cond(leaf));
            assertEquals("invalid-field", e.diagnostic().code());
            return;
        }
        String q = cond(leaf);
        assertTrue(q.endsWith(" != null"), q);
        String token = q.substring(0, q.length() - " != null".length());
        if (!token.startsWith("`")) {
            assertTrue(PLAIN_PATH.matcher(token).matches(), q);
            for (String segment : token.split("\\.")) {
                assertTrue(!KEYWORDS.contains(segment.toLowerCase(java.util.Locale.ROOT)), q);
            }
            assertEquals(name, token);
            return;
        }
        assertTrue(token.length() >= 2 && token.endsWith("`"), q);
        String inner = token.substring(1, token.length() - 1);
        assertTrue(inner.replace("``", "").indexOf('`') < 0, () -> "a lone backtick ends the name early: " + q);
        assertEquals(name, inner.replace("``", "`"));
    }

    private static String cond(Expr e) {
        String q = new EqlBackend().render(TestRules.mapped(e, Map.of("category", "process"), Map.of())).text();
        assertTrue(q.startsWith("process where "), q);
        return q.substring("process where ".length());
    }

    /** The literal between {@code head} and {@code tail}; the query must be exactly head + literal + tail. */
    private static String literalAfter(String q, String head, String tail) {
        assertTrue(q.startsWith(head) && q.endsWith(tail), () -> "expected " + head + "... in " + q);
        String lit = q.substring(head.length(), q.length() - tail.length());
        assertTrue(lit.chars().allMatch(c -> c >= 0x20 && c < 0x7f), () -> "not printable ASCII: " + q);
        return lit;
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Strings to try the regex on: the value in and out of context, case-changed, and a character off. */
    private static List<String> candidates(String value, boolean caseSensitive) {
        List<String> out = new ArrayList<>(List.of(value, "pre" + value, value + "post", "pre" + value + "post",
                "\n" + value + "\n", "", "Z"));
        int[] cps = value.codePoints().toArray();
        if (cps.length > 0) {
            out.add(new String(cps, 0, cps.length - 1));
            out.add(value + new String(cps, cps.length - 1, 1));
            // one character off or case-changed at the ends and two inner positions: enough to catch a shifted or
            // unescaped character, and cheap enough for 10,000 tries
            for (int i : new TreeSet<>(List.of(0, cps.length / 3, 2 * cps.length / 3, cps.length - 1))) {
                int[] off = cps.clone();
                off[i] = cps[i] == 'Z' || cps[i] == 'z' ? 'Q' : 'Z';
                out.add(new String(off, 0, off.length));
                if (!caseSensitive) {
                    for (int v : variants(cps[i])) {
                        int[] swapped = cps.clone();
                        swapped[i] = v;
                        out.add(new String(swapped, 0, swapped.length));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The code points a pattern character matches case-insensitively under this backend's documented
     * semantics: itself and its lower, upper and title case, each with Lucene's ASCII case folding.
     */
    private static Set<Integer> variants(int cp) {
        Set<Integer> out = new TreeSet<>();
        for (int v : new int[] {cp, Character.toLowerCase(cp), Character.toUpperCase(cp), Character.toTitleCase(cp)}) {
            out.add(v);
            if (v < 0x80) {
                out.add(Character.toLowerCase(v));
                out.add(Character.toUpperCase(v));
            }
        }
        return out;
    }

    /** Direct reference: does {@code candidate} hold {@code value} where {@code op} says? */
    private static boolean reference(String candidate, String value, StrOp op, boolean caseSensitive) {
        int[] c = candidate.codePoints().toArray();
        int[] v = value.codePoints().toArray();
        if (v.length > c.length) {
            return false;
        }
        return switch (op) {
            case EQUALS -> c.length == v.length && at(c, 0, v, caseSensitive);
            case STARTS_WITH -> at(c, 0, v, caseSensitive);
            case ENDS_WITH -> at(c, c.length - v.length, v, caseSensitive);
            case CONTAINS -> {
                for (int i = 0; i + v.length <= c.length; i++) {
                    if (at(c, i, v, caseSensitive)) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    private static boolean at(int[] c, int from, int[] v, boolean caseSensitive) {
        for (int i = 0; i < v.length; i++) {
            if (c[from + i] != v[i] && (caseSensitive || !variants(v[i]).contains(c[from + i]))) {
                return false;
            }
        }
        return true;
    }
}
