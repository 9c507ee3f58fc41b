package dev.sigc.rule;

import dev.sigc.diag.Span;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sigma detection rule (schema v2.1). {@code custom} keeps unknown top-level keys, in file order, as
 * plain Java values (String, Number, Boolean, List, Map). {@code span} is the start of the YAML document;
 * {@code valueSpans} where metadata values stand (see {@link #spanOf}).
 */
public record SigmaRule(
        String file,
        Span span,
        String title,
        Optional<String> id,
        Optional<String> name,
        List<Related> related,
        Optional<String> status,
        Optional<String> description,
        Optional<String> license,
        Optional<String> author,
        List<String> references,
        Optional<String> date,
        Optional<String> modified,
        LogSource logsource,
        Detection detection,
        List<String> fields,
        List<String> falsepositives,
        Optional<String> level,
        List<String> tags,
        List<String> scope,
        Map<String, Object> custom,
        Map<String, Span> valueSpans) {

    public SigmaRule {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        related = List.copyOf(related);
        references = List.copyOf(references);
        fields = List.copyOf(fields);
        falsepositives = List.copyOf(falsepositives);
        tags = List.copyOf(tags);
        scope = List.copyOf(scope);
        custom = Collections.unmodifiableMap(new LinkedHashMap<>(custom));
        valueSpans = Collections.unmodifiableMap(new LinkedHashMap<>(valueSpans));
    }

    /**
     * Where a value stands in the file: a top-level key's value ({@code "status"}), an entry of a top-level
     * list ({@code "tags.1"}), or a search identifier's name ({@code "detection.selection"}); the rule's
     * own position when the rule does not have it.
     */
    public Span spanOf(String key) {
        return valueSpans.getOrDefault(key, span);
    }

    /** The rule's file name without folder and extension, used to name outputs. */
    public String baseName() {
        String f = file.replace('\\', '/');
        String name = f.substring(f.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
