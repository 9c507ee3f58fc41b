package dev.sigc.backend.kql;

import dev.sigc.pipeline.FieldType;
import dev.sigc.pipeline.MappedRule;
import java.util.Optional;

/**
 * How a query reads a target field: a column by its name, or a member of a dynamic column (Sentinel's
 * {@code WindowsEvent.EventData}, a property bag keyed by the event's data names).
 *
 * <p>A schema declares a member as {@code "Column.name"} beside the dynamic column {@code "Column"}; the
 * pipeline runner then records the column's type with the field's, which is what tells a member from a
 * column whose name holds a dot. Everything after the first dot is one key, so a data name may hold a dot
 * itself. A member is written {@code EventData.Image}, or {@code EventData['Threat Name']} when its name is
 * not a plain identifier, and read through the conversion its declared type needs: a member value is
 * {@code dynamic}, and Kusto's string operators and {@code in~} lists want a string, so a string member is
 * {@code tostring(EventData.Image)}. {@code tostring} of a missing member is {@code ""}, so a string member
 * behaves as a string column (never null, absent is empty).
 */
final class KqlField {
    private KqlField() {}

    /** The dynamic column and key of a member, when {@code field} is one. */
    record Member(String column, String key) {
        /** {@code Column.key}, or {@code Column['key']} for a key that is not a plain identifier. */
        String path() {
            String key = KqlEscaper.identifier(this.key);
            return KqlEscaper.identifier(column) + (key.startsWith("[") ? key : "." + key);
        }
    }

    static Optional<Member> member(String field, MappedRule rule) {
        int dot = field.indexOf('.');
        if (dot <= 0 || dot == field.length() - 1) {
            return Optional.empty();
        }
        String column = field.substring(0, dot);
        return rule.fieldTypes().get(column) == FieldType.DYNAMIC
                ? Optional.of(new Member(column, field.substring(dot + 1))) : Optional.empty();
    }

    static boolean isMember(String field, MappedRule rule) {
        return member(field, rule).isPresent();
    }

    /**
     * The field as a value of its declared type: a column as it is, a member converted ({@code tostring},
     * {@code toreal}, {@code tobool}, {@code todatetime}; a dynamic member stays dynamic).
     */
    static String read(String field, MappedRule rule) {
        Optional<Member> m = member(field, rule);
        if (m.isEmpty()) {
            return KqlEscaper.identifier(field);
        }
        String path = m.get().path();
        return switch (rule.typeOf(field)) {
            case STRING, IP, GUID -> "tostring(" + path + ")";
            case NUMBER -> "toreal(" + path + ")";
            case BOOL -> "tobool(" + path + ")";
            case DATETIME -> "todatetime(" + path + ")";
            case DYNAMIC -> path;
        };
    }

    /** The field as a string: a string column (or string member) as read, anything else through {@code tostring}. */
    static String text(String field, MappedRule rule) {
        Optional<Member> m = member(field, rule);
        if (m.isPresent()) {
            return "tostring(" + m.get().path() + ")";
        }
        return KqlEquality.isStringColumn(rule.typeOf(field)) ? KqlEscaper.identifier(field)
                : "tostring(" + KqlEscaper.identifier(field) + ")";
    }

}
