package dev.sigc.backend.spl;

import dev.sigc.ast.And;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.Not;
import dev.sigc.ast.Or;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Search terms that narrow a conjunct the search command cannot say exactly, so that its {@code | where}
 * stage runs on the events the index finds rather than on every event of the source.
 *
 * <p>{@link #relax} gives a searchable condition that every event satisfying the conjunct also satisfies (the
 * conjunct implies it); {@link #tighten} gives one that implies the conjunct. Searching for {@code relax(c)}
 * and then keeping the events where {@code c} holds is exactly {@code c}. A string pattern relaxes to its
 * literal chunks: {@code a*b?c} under EQUALS becomes {@code F="a*" AND F="*b*" AND F="*c"}, each with
 * wildcards only at its ends, case-insensitive even when the match is cased (a wider set, which is all a
 * relaxation must be). Negations swap the two directions.
 */
final class SplPrefilter {
    private SplPrefilter() {}

    /** A searchable condition implied by {@code e}; empty when there is none worth searching for. */
    static Optional<Expr> relax(Expr e) {
        if (SplSearchable.test(e)) {
            return Optional.of(e);
        }
        if (e instanceof And a) {
            List<Expr> kept = new ArrayList<>();
            a.terms().forEach(t -> relax(t).ifPresent(kept::add));
            return kept.isEmpty() ? Optional.empty() : Optional.of(Exprs.and(kept, a.span()));
        }
        if (e instanceof Or o) {
            List<Expr> all = new ArrayList<>();
            for (Expr t : o.terms()) {
                Optional<Expr> r = relax(t);
                if (r.isEmpty()) {
                    return Optional.empty(); // one unconstrained branch leaves the whole Or unconstrained
                }
                all.add(r.get());
            }
            return Optional.of(Exprs.or(all, o.span()));
        }
        if (e instanceof Not n) {
            return tighten(n.term()).map(t -> Exprs.not(t, n.span()));
        }
        if (e instanceof StringMatch s) {
            return chunks(s);
        }
        return Optional.empty();
    }

    /** A searchable condition that implies {@code e}; empty when there is none (it would be "false"). */
    static Optional<Expr> tighten(Expr e) {
        if (SplSearchable.test(e)) {
            return Optional.of(e);
        }
        if (e instanceof And a) {
            List<Expr> all = new ArrayList<>();
            for (Expr t : a.terms()) {
                Optional<Expr> r = tighten(t);
                if (r.isEmpty()) {
                    return Optional.empty();
                }
                all.add(r.get());
            }
            return Optional.of(Exprs.and(all, a.span()));
        }
        if (e instanceof Or o) {
            List<Expr> kept = new ArrayList<>();
            o.terms().forEach(t -> tighten(t).ifPresent(kept::add));
            return kept.isEmpty() ? Optional.empty() : Optional.of(Exprs.or(kept, o.span()));
        }
        if (e instanceof Not n) {
            return relax(n.term()).map(r -> Exprs.not(r, n.span()));
        }
        return Optional.empty();
    }

    /**
     * The literal runs of a string pattern as outer-wildcard search terms. A run is cut at every wildcard and
     * at every character a search term cannot carry (a literal {@code *}, a control character, a backtick),
     * since a term can only say "somewhere in between" for what lies between two runs. The first run keeps
     * the start anchor when nothing precedes it, the last the end anchor when nothing follows it.
     */
    private static Optional<Expr> chunks(StringMatch s) {
        if (s.field().isEmpty() || !SplStrings.isSearchField(s.field().get())) {
            return Optional.empty();
        }
        List<String> runs = new ArrayList<>();
        boolean startsWithRun = false;
        boolean endsWithRun = false;
        StringBuilder run = new StringBuilder();
        int position = 0;
        for (SigmaString.Part p : s.pattern().parts()) {
            if (p instanceof SigmaString.Text t) {
                String text = t.text();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (pair) {
                        run.append(c).append(text.charAt(++i));
                    } else if (c == '*' || SplStrings.needsHexEscape(c)) {
                        flush(run, runs);
                    } else {
                        if (run.length() == 0 && runs.isEmpty() && position == 0) {
                            startsWithRun = true;
                        }
                        run.append(c);
                    }
                    position++;
                }
                endsWithRun = run.length() > 0;
            } else {
                flush(run, runs);
                endsWithRun = false;
                position++;
            }
        }
        flush(run, runs);
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        List<Expr> terms = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            boolean anchoredStart = i == 0 && startsWithRun && s.op().anchoredStart();
            boolean anchoredEnd = i == runs.size() - 1 && endsWithRun && s.op().anchoredEnd();
            terms.add(StringMatch.of(s.field().get(), StrOp.of(anchoredStart, anchoredEnd), runs.get(i), false,
                    s.span()));
        }
        return Optional.of(Exprs.and(terms, s.span()));
    }

    private static void flush(StringBuilder run, List<String> runs) {
        if (run.length() > 0) {
            runs.add(run.toString());
            run.setLength(0);
        }
    }
}
