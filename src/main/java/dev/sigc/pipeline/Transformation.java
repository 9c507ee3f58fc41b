package dev.sigc.pipeline;

import dev.sigc.diag.Span;
import dev.sigc.rule.DetectionItem;
import dev.sigc.rule.LogSource;
import java.util.List;
import java.util.Map;

/**
 * One step of a pipeline, named as in the Sigma ecosystem's processing pipelines. It applies to a rule
 * when any of its logsource conditions matches (or it has none).
 */
sealed interface Transformation {
    String id();

    List<LogsourceCondition> conditions();

    Span span();

    default boolean appliesTo(LogSource ls) {
        return conditions().isEmpty() || conditions().stream().anyMatch(c -> c.matches(ls));
    }

    /** {@code field_name_mapping}: Sigma field to one or more target fields (several mean OR). */
    record FieldNameMapping(String id, Map<String, List<String>> mapping, List<LogsourceCondition> conditions, Span span)
            implements Transformation {
        public FieldNameMapping {
            mapping = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mapping));
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code set_state}: a key the backend reads, e.g. the KQL table or the EQL event category. */
    record SetState(String id, String key, String value, List<LogsourceCondition> conditions, Span span)
            implements Transformation {
        public SetState {
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code add_condition}: detection items ANDed in front of the rule's condition. */
    record AddCondition(String id, List<DetectionItem> items, List<LogsourceCondition> conditions, Span span)
            implements Transformation {
        public AddCondition {
            items = List.copyOf(items);
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code value_placeholders}: replaces {@code %name%} placeholders with the pipeline's {@code vars}. */
    record ValuePlaceholders(String id, List<String> include, List<LogsourceCondition> conditions, Span span)
            implements Transformation {
        public ValuePlaceholders {
            include = List.copyOf(include);
            conditions = List.copyOf(conditions);
        }
    }
}
