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
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.MappedRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * <p>When the pipeline sets the state key {@code macro} (spl-sysmon.yml does for sources no Splunk add-on names a
 * sourcetype for), the query starts with that search macro, in parentheses and ANDed with the rest:
 * {@code (`sigma_opencanary`) AND logtype=2000}. The user defines the macro to select the source's events; until
 * then Splunk refuses the search (the macro cannot be found) instead of searching everything. The parentheses make
 * the conjunction hold whatever search terms the definition holds, and make a definition with a pipe a syntax error
 * rather than a command that swallows the rule's terms as its arguments. The name comes from the pipeline, never
 * from the rule, and must be a plain macro name ({@link #MACRO_NAME}).
 *
 * <p>When the pipeline sets the state key {@code datamodel} (the bundled spl-cim.yml does), the query is a
 * {@code | tstats} search of that accelerated data model instead: see {@link SplTstats}.
 */
public final class SplBackend implements Backend {
    /**
     * A macro name the query can carry between backticks: lower-case letters, digits and {@code _}, starting with a
     * letter (Splunk's names also allow upper case and {@code -}, and {@code (n)} for arguments; none is needed).
     */
    static final Pattern MACRO_NAME = Pattern.compile("[a-z][a-z0-9_]*");

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
        Optional<String> macro = macro(rule);
        var datamodel = rule.state("datamodel");
        if (datamodel.isPresent()) {
            if (macro.isPresent()) {
                throw new SigcException("bad-pipeline-state", rule.rule().logsource().span(), "spl: the pipeline sets"
                        + " both datamodel and macro; a tstats search reads the data model, which a search macro cannot"
                        + " narrow, so set only one");
            }
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
        String terms = search.isEmpty() ? "" : new SplSearchRenderer(rule).render(Exprs.and(search, condition.span()));
        boolean topOr = search.size() == 1 && search.get(0) instanceof Or;
        StringBuilder sb = new StringBuilder();
        if (macro.isPresent()) {
            // OR binds tighter than AND in the search command anyway; the parentheses are for readers used to SQL
            sb.append("(`").append(macro.get()).append("`)");
            if (!terms.isEmpty()) {
                sb.append(" AND ").append(topOr ? "(" + terms + ")" : terms);
            }
        } else {
            sb.append(terms.isEmpty() ? "*" : terms);
        }
        regexStages.forEach(sb::append);
        if (!where.isEmpty()) {
            SplEvalRenderer eval = new SplEvalRenderer(rule);
            String whereText = eval.renderCondition(Exprs.and(where, condition.span()));
            eval.helpers().forEach((name, expr) -> sb.append(" | eval ").append(name).append('=').append(expr));
            sb.append(" | where ").append(whereText);
        }
        return new Query(sb.toString());
    }

    /** The pipeline's search macro, checked to be a name that cannot break out of its backticks. */
    private static Optional<String> macro(MappedRule rule) {
        Optional<String> macro = rule.state("macro");
        if (macro.isPresent() && !MACRO_NAME.matcher(macro.get()).matches()) {
            throw new SigcException("bad-pipeline-state", rule.rule().logsource().span(), "spl: the pipeline's macro '"
                    + SplStrings.printable(macro.get()) + "' is not a search macro name this backend writes (lower-case"
                    + " letters, digits and _, starting with a letter)");
        }
        return macro;
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
