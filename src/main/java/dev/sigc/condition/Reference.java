package dev.sigc.condition;

import dev.sigc.ast.Expr;
import dev.sigc.diag.Span;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A place where a condition names search identifiers: a plain name ({@code selection}), or the target of
 * {@code 1 of} / {@code any of} / {@code all of}: a pattern ({@code selection_*}) or {@code them}.
 * {@code quantifier} is {@code 1}, {@code any} or {@code all} for the latter.
 */
public record Reference(String target, Optional<String> quantifier, Span span) {
    public Reference {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(quantifier, "quantifier");
        Objects.requireNonNull(span, "span");
    }

    public boolean isThem() {
        return quantifier.isPresent() && target.equals("them");
    }

    /** The identifiers of {@code names} (in order) that this reference covers. */
    public List<String> matches(Collection<String> names) {
        if (quantifier.isEmpty()) {
            return names.contains(target) ? List.of(target) : List.of();
        }
        Map<String, Expr> byName = new LinkedHashMap<>();
        names.forEach(n -> byName.put(n, null));
        return ConditionParser.matching(target, byName, isThem());
    }
}
