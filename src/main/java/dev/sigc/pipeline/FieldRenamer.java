package dev.sigc.pipeline;

import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.ExprRewriter;
import dev.sigc.ast.Exprs;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.StringMatch;
import dev.sigc.ast.TimePartMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Renames fields. A field mapped to several target fields becomes an OR of the leaf over each of them
 * (for a field reference, over each pair). Returns the same instance where nothing changed.
 */
final class FieldRenamer extends ExprRewriter {
    private final Function<String, List<String>> targets;
    private final BiConsumer<String, String> renamed;

    /**
     * {@code targets} gives the names a field takes (the field itself when it keeps its name); {@code renamed} is
     * told each rename made ({@code from}, {@code to}).
     */
    FieldRenamer(Function<String, List<String>> targets, BiConsumer<String, String> renamed) {
        this.targets = targets;
        this.renamed = renamed;
    }

    FieldRenamer(Map<String, List<String>> mapping) {
        this(f -> mapping.getOrDefault(f, List.of(f)), (from, to) -> { });
    }

    private List<String> targets(String field) {
        List<String> to = targets.apply(field);
        if (to.size() != 1 || !to.get(0).equals(field)) {
            for (String t : to) {
                if (!t.equals(field)) {
                    renamed.accept(field, t);
                }
            }
        }
        return to;
    }

    private Expr rename(Expr node, String field, Function<String, Expr> with) {
        List<String> targets = targets(field);
        if (targets.equals(List.of(field))) {
            return node;
        }
        List<Expr> copies = new ArrayList<>(targets.size());
        for (String t : targets) {
            copies.add(with.apply(t));
        }
        return Exprs.or(copies, node.span());
    }

    @Override
    public Expr visitString(StringMatch node) {
        return node.field().map(f -> rename(node, f, node::withField)).orElse(node);
    }

    @Override
    public Expr visitRegex(RegexMatch node) {
        return rename(node, node.field(), node::withField);
    }

    @Override
    public Expr visitCidr(CidrMatch node) {
        return rename(node, node.field(), node::withField);
    }

    @Override
    public Expr visitNumber(NumberMatch node) {
        return rename(node, node.field(), node::withField);
    }

    @Override
    public Expr visitBool(BoolMatch node) {
        return rename(node, node.field(), node::withField);
    }

    @Override
    public Expr visitNull(NullMatch node) {
        return rename(node, node.field(), node::withField);
    }

    @Override
    public Expr visitExists(ExistsMatch node) {
        return rename(node, node.field(), node::withField);
    }

    @Override
    public Expr visitTimePart(TimePartMatch node) {
        return rename(node, node.field(), node::withField);
    }

    @Override
    public Expr visitFieldRef(FieldRefMatch node) {
        List<String> left = targets(node.field());
        List<String> right = targets(node.otherField());
        if (left.equals(List.of(node.field())) && right.equals(List.of(node.otherField()))) {
            return node;
        }
        List<Expr> copies = new ArrayList<>();
        for (String l : left) {
            for (String r : right) {
                copies.add(node.withField(l).withOtherField(r));
            }
        }
        return Exprs.or(copies, node.span());
    }
}
