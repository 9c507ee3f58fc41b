package dev.sigc.pipeline;

import dev.sigc.ast.SigmaString;
import dev.sigc.diag.Span;
import dev.sigc.rule.DetectionItem;
import dev.sigc.rule.LogSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One step of a pipeline, named as in the Sigma ecosystem's processing pipelines. It applies to a rule when its
 * rule conditions hold for the rule's logsource (as a {@code change_logsource} before it left it). A step that
 * touches fields or values also has field conditions saying which items it acts on.
 */
sealed interface Transformation {
    String id();

    RuleConditions when();

    Span span();

    /** The YAML {@code type} of this step, for messages. */
    String type();

    default boolean appliesTo(LogSource ls) {
        return when().matches(ls);
    }

    /** {@code type 'id'} (or just the type when it has no id), for messages. */
    default String describe() {
        return type() + (id().isEmpty() ? "" : " '" + id() + "'");
    }

    /** A step that acts on some items of the condition, chosen by field. */
    sealed interface OnFields extends Transformation {
        FieldConditions fields();
    }

    /** {@code field_name_mapping}: Sigma field to one or more target fields (several mean OR). */
    record FieldNameMapping(String id, Map<String, List<String>> mapping, FieldConditions fields, RuleConditions when,
                            Span span) implements OnFields {
        public FieldNameMapping {
            mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        }

        @Override
        public String type() {
            return "field_name_mapping";
        }

        /** The names a field takes after this step (itself when the step leaves it alone). */
        List<String> targets(String field) {
            return fields.matches(field) ? mapping.getOrDefault(field, List.of(field)) : List.of(field);
        }
    }

    /** {@code field_name_prefix} / {@code field_name_suffix}: text added in front of or after field names. */
    record FieldNameAffix(String id, String prefix, String suffix, FieldConditions fields, RuleConditions when, Span span)
            implements OnFields {
        @Override
        public String type() {
            return prefix.isEmpty() ? "field_name_suffix" : "field_name_prefix";
        }

        List<String> targets(String field) {
            return List.of(fields.matches(field) ? prefix + field + suffix : field);
        }
    }

    /** {@code set_state}: a key the backend reads, e.g. the KQL table or the EQL event category. */
    record SetState(String id, String key, String value, RuleConditions when, Span span) implements Transformation {
        @Override
        public String type() {
            return "set_state";
        }
    }

    /** {@code add_condition}: detection items ANDed in front of the rule's condition. */
    record AddCondition(String id, List<DetectionItem> items, RuleConditions when, Span span) implements Transformation {
        public AddCondition {
            items = List.copyOf(items);
        }

        @Override
        public String type() {
            return "add_condition";
        }
    }

    /** {@code value_placeholders}: replaces {@code %name%} placeholders with the pipeline's {@code vars}. */
    record ValuePlaceholders(String id, List<String> include, FieldConditions fields, RuleConditions when, Span span)
            implements OnFields {
        public ValuePlaceholders {
            include = List.copyOf(include);
        }

        @Override
        public String type() {
            return "value_placeholders";
        }
    }

    /** {@code drop_detection_item}: the items on the chosen fields are taken as always true on the target. */
    record DropDetectionItem(String id, FieldConditions fields, RuleConditions when, Span span) implements OnFields {
        @Override
        public String type() {
            return "drop_detection_item";
        }
    }

    /**
     * {@code replace_string}: a regular expression replaced in string values. {@code replacement} is written as in
     * the Sigma ecosystem: {@code \1} ... {@code \99} insert a group, {@code \\} is a backslash.
     */
    record ReplaceString(String id, Pattern regex, String replacement, boolean skipSpecial, FieldConditions fields,
                         RuleConditions when, Span span) implements OnFields {
        public ReplaceString {
            Objects.requireNonNull(regex, "regex");
        }

        @Override
        public String type() {
            return "replace_string";
        }
    }

    /**
     * {@code map_string}: a whole string value (or the spelling of a number or boolean equality) to one or more
     * values (several mean OR); with {@code unmappedFailure}, an item on a chosen field whose value is not a key is
     * an error with that message.
     */
    record MapString(String id, Map<SigmaString, List<SigmaString>> mapping, Optional<String> unmappedFailure,
                     FieldConditions fields, RuleConditions when, Span span) implements OnFields {
        public MapString {
            mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
            Objects.requireNonNull(unmappedFailure, "unmappedFailure");
        }

        @Override
        public String type() {
            return "map_string";
        }
    }

    /**
     * {@code hashes_fields}: values {@code ALGO=hex} of Sysmon's hash list become matches of the hex on the field
     * that holds that algorithm's hash ({@code algorithms}: algorithm in upper case to one or more fields, several
     * mean OR). {@code message} says why an algorithm is not mapped, for the error a rule using it gets.
     */
    record HashesFields(String id, Map<String, List<String>> algorithms, String message, FieldConditions fields,
                        RuleConditions when, Span span) implements OnFields {
        public HashesFields {
            algorithms = Collections.unmodifiableMap(new LinkedHashMap<>(algorithms));
        }

        @Override
        public String type() {
            return "hashes_fields";
        }
    }

    /** {@code change_logsource}: the logsource later steps' rule conditions see. */
    record ChangeLogsource(String id, Optional<String> category, Optional<String> product, Optional<String> service,
                           RuleConditions when, Span span) implements Transformation {
        @Override
        public String type() {
            return "change_logsource";
        }

        LogSource apply(LogSource ls) {
            return new LogSource(category.or(ls::category), product.or(ls::product), service.or(ls::service),
                    ls.definition(), ls.span());
        }
    }

    /** {@code rule_failure}: the rules it applies to are errors with the pipeline's message. */
    record RuleFailure(String id, String message, RuleConditions when, Span span) implements Transformation {
        @Override
        public String type() {
            return "rule_failure";
        }
    }

    /** {@code detection_item_failure}: an item on a chosen field is an error with the pipeline's message. */
    record DetectionItemFailure(String id, String message, FieldConditions fields, RuleConditions when, Span span)
            implements OnFields {
        @Override
        public String type() {
            return "detection_item_failure";
        }
    }

    /**
     * {@code detection_item_unless}: each item on a chosen field also requires that none of {@code items} (target
     * field names, as in {@code add_condition}) holds: it becomes {@code item and not (c1 or c2 ...)}. For a target
     * that writes the mapped field on records where the Sigma field never appears.
     */
    record DetectionItemUnless(String id, List<DetectionItem> items, FieldConditions fields, RuleConditions when,
                               Span span) implements OnFields {
        public DetectionItemUnless {
            items = List.copyOf(items);
        }

        @Override
        public String type() {
            return "detection_item_unless";
        }
    }

    /**
     * {@code keyword_fields}: keywords (values without a field) become matches on these fields (several mean OR).
     * A keyword holding one of {@code forbidChars} is an error, with {@code message} when given.
     */
    record KeywordFields(String id, List<String> fieldNames, String forbidChars, String message, RuleConditions when,
                         Span span) implements Transformation {
        public KeywordFields {
            fieldNames = List.copyOf(fieldNames);
        }

        @Override
        public String type() {
            return "keyword_fields";
        }
    }
}
