package dev.sigc.pipeline;

import dev.sigc.ast.Expr;
import dev.sigc.ast.ExprRewriter;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StringMatch;
import dev.sigc.diag.SigcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code value_placeholders}: each {@code %name%} of an {@code expand} value becomes each of the pipeline
 * variable's values (an OR over all combinations). Placeholders not named here are left for a later
 * pipeline; {@link #unresolved} finds any that remain at the end.
 */
final class Placeholders extends ExprRewriter {
    private static final int MAX_COMBINATIONS = 4096;
    private final Map<String, List<String>> vars;
    private final Set<String> include;
    private final FieldConditions fields;

    Placeholders(Map<String, List<String>> vars, Set<String> include, FieldConditions fields) {
        this.vars = vars;
        this.include = include;
        this.fields = fields;
    }

    private boolean resolves(String name) {
        return vars.containsKey(name) && (include.isEmpty() || include.contains(name));
    }

    @Override
    public Expr visitString(StringMatch node) {
        if (!node.pattern().hasPlaceholders() || !fields.matches(node.field())
                || node.pattern().parts().stream().noneMatch(p -> p instanceof SigmaString.Placeholder ph && resolves(ph.name()))) {
            return node;
        }
        List<SigmaString> variants = List.of(new SigmaString(List.of()));
        for (SigmaString.Part p : node.pattern().parts()) {
            List<SigmaString> pieces = p instanceof SigmaString.Placeholder ph && resolves(ph.name())
                    ? vars.get(ph.name()).stream().map(SigmaString::parse).toList()
                    : List.of(new SigmaString(List.of(p)));
            List<SigmaString> next = new ArrayList<>();
            for (SigmaString v : variants) {
                for (SigmaString piece : pieces) {
                    next.add(v.concat(piece));
                }
            }
            if (next.size() > MAX_COMBINATIONS) {
                throw new SigcException("placeholder-explosion", node.span(), "placeholders expand this value into more than "
                        + MAX_COMBINATIONS + " values; split the rule");
            }
            variants = next;
        }
        List<Expr> out = new ArrayList<>(variants.size());
        for (SigmaString v : variants) {
            out.add(StringMatch.fold(node.field(), node.op().anchoredStart(), node.op().anchoredEnd(), v,
                    node.caseSensitive(), node.span()));
        }
        return Exprs.or(out, node.span());
    }

    /** The first leaf that still holds a placeholder, if any. */
    static java.util.Optional<StringMatch> unresolved(Expr expr) {
        List<StringMatch> found = new ArrayList<>();
        expr.accept(new ExprRewriter() {
            @Override
            public Expr visitString(StringMatch node) {
                if (node.pattern().hasPlaceholders() && found.isEmpty()) {
                    found.add(node);
                }
                return node;
            }
        });
        return found.stream().findFirst();
    }
}
