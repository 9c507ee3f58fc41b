package dev.sigc.backend.eql;

import dev.sigc.ast.And;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Not;
import dev.sigc.ast.Or;
import dev.sigc.backend.BoolGrammar;
import dev.sigc.backend.InfixRenderer;
import dev.sigc.backend.eql.EqlTerm.Listable;
import dev.sigc.pipeline.MappedRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EQL condition text: {@code not} binds tighter than {@code and}, which binds tighter than {@code or}.
 * Terms of an {@code or} on the same field with the same list operator are merged into one list
 * comparison at the position of the first of them ({@code F in~ ("a", "b")}, {@code F like~ ("*a*", "b*")},
 * {@code cidrMatch(F, "10.0.0.0/8", "192.168.0.0/16")}), keeping the order of their values.
 */
final class EqlRenderer extends InfixRenderer {
    private final LeafCompiler compiler;

    EqlRenderer(MappedRule rule) {
        super(BoolGrammar.cStyle("and", "or", "not "));
        this.compiler = new LeafCompiler(rule);
    }

    @Override
    protected String leaf(Expr leaf) {
        return leaf.accept(compiler).render();
    }

    @Override
    protected List<Object> groupOr(List<Expr> terms) {
        List<EqlTerm> compiled = new ArrayList<>(terms.size());
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            Expr t = terms.get(i);
            EqlTerm term = t instanceof And || t instanceof Or || t instanceof Not ? null : t.accept(compiler);
            compiled.add(term);
            if (term instanceof Listable l) {
                groups.computeIfAbsent(l.op().name() + '\u0000' + l.field(), k -> new ArrayList<>()).add(i);
            }
        }
        List<Object> out = new ArrayList<>(terms.size());
        for (int i = 0; i < terms.size(); i++) {
            EqlTerm term = compiled.get(i);
            if (term == null) {
                out.add(terms.get(i));
                continue;
            }
            if (term instanceof Listable l) {
                List<Integer> members = groups.get(l.op().name() + '\u0000' + l.field());
                if (members.size() > 1) {
                    if (members.get(0) == i) {
                        List<String> values = members.stream().map(m -> ((Listable) compiled.get(m)).value()).toList();
                        out.add(l.op().list(l.field(), values));
                    }
                    continue;
                }
            }
            out.add(term.render());
        }
        return out;
    }
}
