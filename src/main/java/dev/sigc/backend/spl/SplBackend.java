package dev.sigc.backend.spl;

import dev.sigc.ast.And;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.Not;
import dev.sigc.ast.Or;
import dev.sigc.ast.RegexMatch;
import dev.sigc.backend.Backend;
import dev.sigc.backend.Capability;
import dev.sigc.backend.Construct;
import dev.sigc.backend.Query;
import dev.sigc.pipeline.MappedRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splunk SPL over Sysmon events. The query is one line:
 * {@code <search terms> [| regex F="…"]... [| eval _sigc_…=…]... [| where <eval expression>]}.
 *
 * <p>The condition's top-level conjuncts are sorted by what can say them exactly. A conjunct the search
 * command can express goes to the search terms (fast, indexed, case-insensitive). A bare positive regex goes
 * to its own {@code | regex} stage. Anything else — a case-sensitive match, a wildcard inside a value, a
 * literal {@code *}, a value with a control character, a negated or nested regex, a field reference, a time
 * part, a field the search command cannot name — is written entirely in eval syntax in one {@code | where}
 * stage, and its {@link SplPrefilter relaxation} (outer-wildcard terms it implies) joins the search terms so
 * that the index still does the narrowing. A negated OR is split first ({@code not (a or b)} is
 * {@code not a and not b}), so that its searchable terms stay in the search. When nothing is left for the
 * search command (the pipeline normally adds {@code source} and {@code EventCode}), the search part is
 * {@code *}, since a query cannot start with {@code | where}.
 *
 * <p>When the pipeline sets the state key {@code datamodel} (the bundled spl-cim.yml does), the query is a
 * {@code | tstats} search of that accelerated data model instead: see {@link SplTstats}.
 */
public final class SplBackend implements Backend {
    public SplBackend() {}

    @Override
    public String id() {
        return "spl";
    }

    @Override
    public String extension() {
        return "spl";
    }

    @Override
    public String defaultPipeline() {
        return "spl-sysmon.yml";
    }

    /** spl-cim.yml replaces spl-sysmon.yml: its rules search data models, not raw events by source. */
    @Override
    public List<String> alternativePipelines() {
        return List.of("spl-cim.yml");
    }

    @Override
    public Query render(MappedRule rule) {
        var datamodel = rule.state("datamodel");
        if (datamodel.isPresent()) {
            return SplTstats.render(rule, datamodel.get());
        }
        Expr condition = SplNegation.simplify(rule.condition());
        List<Expr> search = new ArrayList<>();
        List<String> regexStages = new ArrayList<>();
        List<Expr> where = new ArrayList<>();
        for (Expr c : conjuncts(condition)) {
            if (SplSearchable.test(c)) {
                search.add(c);
            } else if (c instanceof RegexMatch r && SplStrings.isSearchField(r.field())) {
                regexStages.add(" | regex " + r.field() + "=" + SplStrings.quote(SplRegex.of(r)));
            } else {
                SplPrefilter.relax(c).ifPresent(search::add);
                where.add(c);
            }
        }
        StringBuilder sb = new StringBuilder(search.isEmpty()
                ? "*"
                : new SplSearchRenderer(rule).render(Exprs.and(search, condition.span())));
        regexStages.forEach(sb::append);
        if (!where.isEmpty()) {
            SplEvalRenderer eval = new SplEvalRenderer(rule);
            String whereText = eval.renderCondition(Exprs.and(where, condition.span()));
            eval.helpers().forEach((name, expr) -> sb.append(" | eval ").append(name).append('=').append(expr));
            sb.append(" | where ").append(whereText);
        }
        return new Query(sb.toString());
    }

    /**
     * The top-level conjuncts, with each negated OR split into a NOT over its searchable terms and one
     * conjunct per other term, negated (De Morgan), so that one awkward term does not pull the rest out of
     * the search.
     */
    static List<Expr> conjuncts(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof And a) {
            a.terms().forEach(t -> out.addAll(conjuncts(t)));
        } else if (e instanceof Not n && n.term() instanceof Or o && !SplSearchable.test(e)) {
            List<Expr> searchable = new ArrayList<>();
            List<Expr> rest = new ArrayList<>();
            o.terms().forEach(t -> (SplSearchable.test(t) ? searchable : rest).add(t));
            if (!searchable.isEmpty()) {
                out.add(Exprs.not(Exprs.or(searchable, o.span()), n.span()));
            }
            rest.forEach(t -> out.addAll(conjuncts(SplNegation.simplify(Exprs.not(t, n.span())))));
        } else {
            out.add(e);
        }
        return out;
    }

    @Override
    public Map<Construct, Capability> capabilities() {
        return SplCapabilities.TABLE;
    }
}
