package dev.sigc.ast;

import dev.sigc.diag.Span;
import java.util.Objects;

public record CidrMatch(String field, Cidr cidr, Span span) implements Expr {
    public CidrMatch {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(cidr, "cidr");
    }

    public CidrMatch withField(String newField) {
        return new CidrMatch(newField, cidr, span);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitCidr(this);
    }
}
