package dev.sigc.pipeline;

import dev.sigc.ast.BoolMatch;
import dev.sigc.ast.CidrMatch;
import dev.sigc.ast.ExistsMatch;
import dev.sigc.ast.Expr;
import dev.sigc.ast.FieldRefMatch;
import dev.sigc.ast.LeafWalker;
import dev.sigc.ast.NullMatch;
import dev.sigc.ast.NumberMatch;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.StringMatch;
import dev.sigc.ast.TimePartMatch;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields an expression uses, in first-use order, each with its first leaf. */
public final class Fields implements LeafWalker {
    private final Map<String, Expr> found = new LinkedHashMap<>();

    private Fields() {}

    public static Map<String, Expr> of(Expr expr) {
        Fields f = new Fields();
        expr.accept(f);
        return f.found;
    }

    private Void add(String field, Expr leaf) {
        found.putIfAbsent(field, leaf);
        return null;
    }

    @Override
    public Void visitString(StringMatch node) {
        node.field().ifPresent(f -> add(f, node));
        return null;
    }

    @Override
    public Void visitRegex(RegexMatch node) {
        return add(node.field(), node);
    }

    @Override
    public Void visitCidr(CidrMatch node) {
        return add(node.field(), node);
    }

    @Override
    public Void visitNumber(NumberMatch node) {
        return add(node.field(), node);
    }

    @Override
    public Void visitBool(BoolMatch node) {
        return add(node.field(), node);
    }

    @Override
    public Void visitNull(NullMatch node) {
        return add(node.field(), node);
    }

    @Override
    public Void visitExists(ExistsMatch node) {
        return add(node.field(), node);
    }

    @Override
    public Void visitFieldRef(FieldRefMatch node) {
        add(node.field(), node);
        return add(node.otherField(), node);
    }

    @Override
    public Void visitTimePart(TimePartMatch node) {
        return add(node.field(), node);
    }
}
