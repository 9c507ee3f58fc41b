package dev.sigc.eval;

import dev.sigc.diag.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a condition (or a part of it) came out as it did on one event: the part's source position, how it
 * reads, its result, for a leaf what the event held ({@code detail}), and the sub-results that decided it.
 * Only deciding parts are kept: for an {@code and} that failed, its failing terms; for an {@code or} that
 * matched, its matching terms; otherwise every term. {@code omitted} counts deciding terms left out to keep
 * the explanation short.
 */
public record Explanation(Span span, String text, boolean result, Optional<String> detail,
                          List<Explanation> children, int omitted) {
    public Explanation {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(detail, "detail");
        children = List.copyOf(children);
    }

    /**
     * Indented lines, one per part: {@code file:line:col: match|no match: text (detail)}. A leaf's detail is
     * left out when it repeats the previous sibling's (several values tested against one field).
     */
    public String render(String indent) {
        StringBuilder sb = new StringBuilder();
        render(sb, indent, Optional.empty());
        return sb.toString();
    }

    private void render(StringBuilder sb, String indent, Optional<String> previousDetail) {
        sb.append(indent).append(span.isKnown() ? span + ": " : "").append(result ? "match" : "no match")
                .append(": ").append(text);
        if (detail.isPresent() && !detail.equals(previousDetail)) {
            sb.append(" (").append(detail.get()).append(')');
        }
        sb.append('\n');
        Optional<String> previous = Optional.empty();
        for (Explanation c : children) {
            c.render(sb, indent + "  ", previous);
            previous = c.detail();
        }
        if (omitted > 0) {
            sb.append(indent).append("  ... ").append(omitted).append(" more ")
                    .append(omitted == 1 ? "term" : "terms").append(", each ").append(result ? "a match" : "no match")
                    .append('\n');
        }
    }
}
