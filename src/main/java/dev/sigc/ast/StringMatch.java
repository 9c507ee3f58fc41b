package dev.sigc.ast;

import dev.sigc.diag.Span;
import java.util.Objects;
import java.util.Optional;

/**
 * A string comparison. {@code field} is empty for a Sigma keyword (full-text) search. The pattern has no
 * leading or trailing {@code *} (those are folded into {@code op}); it may be empty (e.g. {@code field: ''}).
 */
public record StringMatch(Optional<String> field, StrOp op, SigmaString pattern, boolean caseSensitive, Span span)
        implements Expr {
    public StringMatch {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(span, "span");
    }

    public static StringMatch of(String field, StrOp op, String literal, boolean caseSensitive, Span span) {
        return new StringMatch(Optional.of(field), op, SigmaString.literal(literal), caseSensitive, span);
    }

    /**
     * The match of a whole pattern whose ends are anchored as given, with a leading or trailing {@code *}
     * of the pattern folded into the op (so {@code *x*} anchored both ends is CONTAINS x).
     */
    public static StringMatch fold(Optional<String> field, boolean anchoredStart, boolean anchoredEnd,
                                   SigmaString pattern, boolean caseSensitive, Span span) {
        SigmaString full = pattern;
        if (!anchoredStart) {
            full = full.prepend(SigmaString.Wildcard.ANY_STRING);
        }
        if (!anchoredEnd) {
            full = full.append(SigmaString.Wildcard.ANY_STRING);
        }
        StrOp op = StrOp.of(!full.startsWithStar(), !full.endsWithStar());
        return new StringMatch(field, op, full.stripOuterStars(), caseSensitive, span);
    }

    /** True when the pattern has no wildcard, so that {@code op} alone says how to compare. */
    public boolean isPlain() {
        return pattern.isPlain();
    }

    public StringMatch withField(String newField) {
        return new StringMatch(Optional.of(newField), op, pattern, caseSensitive, span);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitString(this);
    }
}
