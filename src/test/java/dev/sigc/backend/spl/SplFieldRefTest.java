package dev.sigc.backend.spl;

import static dev.sigc.backend.spl.SplBackendTest.AT;
import static dev.sigc.backend.spl.SplBackendTest.not;
import static dev.sigc.backend.spl.SplBackendTest.spl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.StrOp;
import dev.sigc.diag.SigcException;
import dev.sigc.testing.Hostile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Field references: rendered queries run by {@link SplEvalInterpreter} against Sigma's meaning. */
class SplFieldRefTest {
    static FieldRefMatch ref(StrOp op, boolean cased) {
        return new FieldRefMatch("F", op, "G", cased, AT);
    }

    /** Sigma: both fields present, G's value sits where op says in F's; case-insensitive unless cased. */
    static boolean sigma(StrOp op, boolean cased, Optional<String> f, Optional<String> g) {
        if (f.isEmpty() || g.isEmpty()) {
            return false;
        }
        String a = cased ? f.get() : f.get().toLowerCase(Locale.ROOT);
        String b = cased ? g.get() : g.get().toLowerCase(Locale.ROOT);
        return switch (op) {
            case EQUALS -> a.equals(b);
            case STARTS_WITH -> a.startsWith(b);
            case ENDS_WITH -> a.endsWith(b);
            case CONTAINS -> a.contains(b);
        };
    }

    /** Rendered once: the property runs the same twelve queries on many events. */
    static final Map<String, String> QUERIES = new HashMap<>();

    static {
        for (StrOp op : new StrOp[] {StrOp.EQUALS, StrOp.STARTS_WITH, StrOp.ENDS_WITH}) {
            for (boolean cased : new boolean[] {false, true}) {
                QUERIES.put(op + " " + cased, spl(ref(op, cased)));
                QUERIES.put("not " + op + " " + cased, spl(not(ref(op, cased))));
            }
        }
    }

    /** A small alphabet with both cases so that prefixes, suffixes and case variants are frequent. */
    static final Hostile.Source<Optional<String>> VALUES =
            Hostile.run(Hostile.of("a", "A", "b", "B"), 0, 4).optional(0.9);

    /** One try: the values of F and G, either possibly absent. */
    record Try(Optional<String> f, Optional<String> g) {
        @Override
        public String toString() {
            return "F=" + f.map(Hostile::literal).orElse("absent") + " G=" + g.map(Hostile::literal).orElse("absent");
        }
    }

    /** 600 pairs: every pair of edge cases (absent, empty, one letter of each case), then seeded random pairs. */
    @Test
    void agreesWithSigma() {
        Hostile h = Hostile.seeded(0x666c645f72656673L);
        List<Try> edges = new ArrayList<>();
        for (Optional<String> f : VALUES.edges()) {
            for (Optional<String> g : VALUES.edges()) {
                edges.add(new Try(f, g));
            }
        }
        h.check(h.tries(600, edges, r -> new Try(VALUES.next(r), VALUES.next(r))), t -> agreesWithSigma(t.f(), t.g()));
    }

    private static void agreesWithSigma(Optional<String> f, Optional<String> g) {
        Map<String, Object> event = new HashMap<>();
        f.ifPresent(v -> event.put("F", v));
        g.ifPresent(v -> event.put("G", v));
        for (StrOp op : new StrOp[] {StrOp.EQUALS, StrOp.STARTS_WITH, StrOp.ENDS_WITH}) {
            for (boolean cased : new boolean[] {false, true}) {
                boolean want = sigma(op, cased, f, g);
                String what = op + (cased ? " cased" : "") + " F=" + f + " G=" + g;
                assertEquals(want, SplEvalInterpreter.keeps(QUERIES.get(op + " " + cased), event), what);
                assertEquals(!want, SplEvalInterpreter.keeps(QUERIES.get("not " + op + " " + cased), event),
                        "not " + what);
            }
        }
    }

    @Test
    void renderings() {
        assertEquals("* | where lower(F)==lower(G)", spl(ref(StrOp.EQUALS, false)));
        assertEquals("* | where F.\"\"==G.\"\"", spl(ref(StrOp.EQUALS, true)));
        assertEquals("* | where (isnotnull(F) AND (len(G)==0 OR lower(substr(F, 1, len(G)))==lower(G)))",
                spl(ref(StrOp.STARTS_WITH, false)));
        assertEquals("* | where (isnotnull(F) AND (len(G)==0 OR (len(F)>=len(G) AND substr(F, max(1, len(F)-len(G)+1))==G.\"\")))",
                spl(ref(StrOp.ENDS_WITH, true)));
        assertEquals("* | where isnull(F) OR isnull(G) OR NOT (lower(F)==lower(G))", spl(not(ref(StrOp.EQUALS, false))));
    }

    @Test
    void numericLookingValuesAreComparedAsText() {
        // "1.0" and "1" are the same number but not the same string
        Map<String, Object> event = Map.of("F", "1.0", "G", "1");
        assertEquals(false, SplEvalInterpreter.keeps(spl(ref(StrOp.EQUALS, true)), event));
        assertEquals(false, SplEvalInterpreter.keeps(spl(ref(StrOp.EQUALS, false)), event));
    }

    @Test
    void containsIsAnErrorNamingTheConstruct() {
        SigcException e = assertThrows(SigcException.class, () -> spl(ref(StrOp.CONTAINS, false)));
        assertEquals("unsupported-construct", e.diagnostic().code());
        assertEquals(AT, e.diagnostic().span());
        assertTrue(e.diagnostic().message().startsWith("spl: fieldref|contains"), e.diagnostic().message());
    }

    @Test
    void fieldNamesAreQuotedInEval() {
        assertEquals("* | where lower('a-b')==lower('c d')", spl(new FieldRefMatch("a-b", StrOp.EQUALS, "c d", false, AT)));
    }
}
