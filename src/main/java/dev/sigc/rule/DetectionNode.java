package dev.sigc.rule;

import dev.sigc.diag.Span;
import java.util.List;

/** The body of a search identifier: a YAML map (AND of its items) or a YAML list (OR of its elements). */
public sealed interface DetectionNode {
    Span span();

    /** A map: every item must match. */
    record AllOf(List<DetectionItem> items, Span span) implements DetectionNode {
        public AllOf {
            items = List.copyOf(items);
        }
    }

    /** A list: any element may match. */
    record AnyOf(List<DetectionNode> elements, Span span) implements DetectionNode {
        public AnyOf {
            elements = List.copyOf(elements);
        }
    }
}
