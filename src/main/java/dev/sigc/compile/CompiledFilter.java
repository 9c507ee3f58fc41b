package dev.sigc.compile;

import dev.sigc.ast.Expr;
import dev.sigc.ast.Exprs;
import dev.sigc.diag.Span;
import dev.sigc.rule.LogSource;
import dev.sigc.rule.SigmaFilter;
import dev.sigc.rule.SigmaRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A meta-filter compiled to the expression it ANDs to the rules it names. */
public record CompiledFilter(SigmaFilter filter, Expr condition, Map<String, Span> fieldSpans) {
    public CompiledFilter {
        fieldSpans = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldSpans));
    }

    /** Does the filter name this rule (by id or name)? */
    public boolean names(SigmaRule rule) {
        return rule.id().map(filter.rules()::contains).orElse(false)
                || rule.name().map(filter.rules()::contains).orElse(false);
    }

    /** Every logsource attribute the filter gives equals the rule's (case-insensitive). */
    public boolean logsourceFits(SigmaRule rule) {
        LogSource f = filter.logsource();
        LogSource r = rule.logsource();
        return fits(f.category(), r.category()) && fits(f.product(), r.product()) && fits(f.service(), r.service());
    }

    private static boolean fits(Optional<String> wanted, Optional<String> actual) {
        return wanted.isEmpty() || actual.map(a -> a.equalsIgnoreCase(wanted.get())).orElse(false);
    }

    /** The rule with this filter's condition ANDed to its own; the filter's fields keep their own positions. */
    public CompiledRule applyTo(CompiledRule rule) {
        Map<String, Span> spans = new LinkedHashMap<>(rule.fieldSpans());
        fieldSpans.forEach(spans::putIfAbsent);
        return new CompiledRule(rule.rule(), Exprs.and(List.of(rule.condition(), condition), rule.condition().span()), spans);
    }
}
