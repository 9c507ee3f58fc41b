package dev.sigc.ast;

/** One method per node kind, so that adding a node breaks every renderer at compile time. */
public interface ExprVisitor<R> {
    R visitAnd(And node);

    R visitOr(Or node);

    R visitNot(Not node);

    R visitString(StringMatch node);

    R visitRegex(RegexMatch node);

    R visitCidr(CidrMatch node);

    R visitNumber(NumberMatch node);

    R visitBool(BoolMatch node);

    R visitNull(NullMatch node);

    R visitExists(ExistsMatch node);

    R visitFieldRef(FieldRefMatch node);

    R visitTimePart(TimePartMatch node);
}
