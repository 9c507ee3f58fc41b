package dev.sigc.rule;

import dev.sigc.diag.Span;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code detection} section: search identifiers in file order, and the condition(s). */
public record Detection(Map<String, DetectionNode> identifiers, List<ConditionText> conditions, Span span) {
    public Detection {
        identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
        conditions = List.copyOf(conditions);
    }
}
