package dev.sigc.backend.spl;

import dev.sigc.ast.And;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.RegexMatch;
import dev.sigc.backend.Backend;
import dev.sigc.backend.Query;
import dev.sigc.pipeline.MappedRule;
import java.util.ArrayList;
import java.util.List;

/**
 * Splunk SPL over Sysmon events. The query is one line:
 * {@code <search terms> [| regex F="…"]... [| where <eval expression>]}.
 *
 * <p>The condition's top-level conjuncts are sorted by what can say them exactly. A conjunct the search
 * command can express goes to the search terms (fast, indexed, case-insensitive). A bare positive regex goes
 * to its own {@code | regex} stage. Anything else — a case-sensitive match, a {@code ?} wildcard, a literal
 * {@code *}, a value with a control character, a negated or nested regex, a field the search command cannot
 * name — is written entirely in eval syntax in one {@code | where} stage. When no conjunct is left for the
 * search command (the pipeline normally adds {@code source} and {@code EventCode}), the search part is
 * {@code *}, since a query cannot start with {@code | where}.
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

    @Override
    public Query render(MappedRule rule) {
        Expr condition = SplNegation.simplify(rule.condition());
        List<Expr> conjuncts = condition instanceof And a ? a.terms() : List.of(condition);
        List<Expr> search = new ArrayList<>();
        List<String> regexStages = new ArrayList<>();
        List<Expr> where = new ArrayList<>();
        for (Expr c : conjuncts) {
            if (SplSearchable.test(c)) {
                search.add(c);
            } else if (c instanceof RegexMatch r && SplStrings.isSearchField(r.field())) {
                regexStages.add(" | regex " + r.field() + "=" + SplStrings.quote(SplRegex.of(r)));
            } else {
                where.add(c);
            }
        }
        StringBuilder sb = new StringBuilder(search.isEmpty()
                ? "*"
                : new SplSearchRenderer(rule).render(Exprs.and(search, condition.span())));
        regexStages.forEach(sb::append);
        if (!where.isEmpty()) {
            Expr whereCondition = Exprs.and(where, condition.span());
            sb.append(" | where ").append(new SplEvalRenderer(rule).renderCondition(whereCondition));
        }
        return new Query(sb.toString());
    }

    @Override
    public java.util.Map<dev.sigc.backend.Construct, dev.sigc.backend.Capability> capabilities() {
        return java.util.Map.of(); // rated in the conformance work (issue 3)
    }
}
