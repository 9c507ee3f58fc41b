package dev.sigc.ast;

/**
 * A visitor for leaves only: renderers that handle And/Or/Not themselves dispatch leaves through this,
 * and reaching a connective here is a bug, not input to report.
 */
public interface LeafVisitor<R> extends ExprVisitor<R> {
    @Override
    default R visitAnd(And node) {
        throw new IllegalStateException("not a leaf: " + node);
    }

    @Override
    default R visitOr(Or node) {
        throw new IllegalStateException("not a leaf: " + node);
    }

    @Override
    default R visitNot(Not node) {
        throw new IllegalStateException("not a leaf: " + node);
    }
}
