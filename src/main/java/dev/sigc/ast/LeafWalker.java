package dev.sigc.ast;

/**
 * A visitor that walks the whole tree and acts on leaves only: And, Or and Not just visit their terms, so an
 * implementation writes one method per leaf kind (collecting fields, checking what a target can say).
 */
public interface LeafWalker extends ExprVisitor<Void> {
    @Override
    default Void visitAnd(And node) {
        node.terms().forEach(t -> t.accept(this));
        return null;
    }

    @Override
    default Void visitOr(Or node) {
        node.terms().forEach(t -> t.accept(this));
        return null;
    }

    @Override
    default Void visitNot(Not node) {
        return node.term().accept(this);
    }
}
