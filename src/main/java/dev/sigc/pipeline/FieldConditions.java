package dev.sigc.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which fields a field-touching transformation acts on: its {@code field_name_conditions} ({@code include_fields}
 * or {@code exclude_fields}, each with a list of names, or of regular expressions that must match the whole name
 * with {@code match: re}), combined with {@code field_name_cond_op} ({@code and}, the default, or {@code or}) and
 * negated with {@code field_name_cond_not}. Conditions see the field's name at that step of the pipeline.
 *
 * <p>Without conditions every item is acted on, keywords (values without a field) included. With conditions, a
 * keyword is never acted on: it has no field name for a condition to hold for.
 */
record FieldConditions(List<FieldConditions.Condition> conditions, boolean or, boolean negate) {
    static final FieldConditions ANY = new FieldConditions(List.of(), false, false);

    FieldConditions {
        conditions = List.copyOf(conditions);
    }

    /**
     * One {@code include_fields} or {@code exclude_fields} condition. A plain name is compared as a string (it
     * is asked of every field of every rule, so no regex runs for it); {@code match: re} names are patterns.
     */
    record Condition(boolean include, java.util.Set<String> plain, List<Pattern> patterns) {
        Condition {
            plain = java.util.Set.copyOf(plain);
            patterns = List.copyOf(patterns);
        }

        boolean holds(String field) {
            boolean named = plain.contains(field);
            for (int i = 0; !named && i < patterns.size(); i++) {
                named = patterns.get(i).matcher(field).matches();
            }
            return include == named;
        }
    }

    boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** Whether an item on {@code field} (empty: a keyword) is acted on. */
    boolean matches(Optional<String> field) {
        if (conditions.isEmpty()) {
            return true;
        }
        return field.isPresent() && matches(field.get());
    }

    /** Whether a field of this name is acted on. */
    boolean matches(String field) {
        if (conditions.isEmpty()) {
            return true;
        }
        boolean r = !or; // or: any holds; and: all hold. A loop, not a stream: it runs for every value of every rule
        for (int i = 0; i < conditions.size(); i++) {
            if (conditions.get(i).holds(field) == or) {
                r = or;
                break;
            }
        }
        return r != negate;
    }
}
