package dev.sigc.backend.eql;

import java.util.List;

/**
 * A leaf compiled to EQL: either finished text, or a field/operator/value triple that can be merged with
 * others of the same field and operator into one list comparison ({@code F in~ ("a", "b")}).
 */
sealed interface EqlTerm {

    /** The term as a single EQL atom. */
    String render();

    /** Text that never joins a list ({@code F == null}, {@code F > 5}). */
    record Fixed(String text) implements EqlTerm {
        @Override
        public String render() {
            return text;
        }
    }

    /** {@code field} and {@code value} are already EQL tokens (escaped name, literal). */
    record Listable(String field, ListOp op, String value) implements EqlTerm {
        @Override
        public String render() {
            return op.single(field, value);
        }
    }

    /** Comparisons that have a list form; each value is an EQL literal. */
    enum ListOp {
        /** Case-insensitive equality without wildcards: {@code :} (which would treat * and ? as wildcards) or {@code in~}. */
        IEQ,
        /** Case-sensitive string equality: {@code ==} / {@code in}. */
        EQ_STR,
        /** Numeric equality: {@code ==} / {@code in}. */
        EQ_NUM,
        LIKE,
        ILIKE,
        REGEX,
        IREGEX,
        /** {@code cidrMatch(F, "net", ...)}. */
        CIDR;

        String single(String field, String value) {
            return switch (this) {
                // ':' treats * and ? in the value as wildcards; in~ compares the value exactly.
                case IEQ -> value.indexOf('*') >= 0 || value.indexOf('?') >= 0
                        ? field + " in~ (" + value + ")" : field + " : " + value;
                case EQ_STR, EQ_NUM -> field + " == " + value;
                case CIDR -> "cidrMatch(" + field + ", " + value + ")";
                default -> field + " " + keyword() + " " + value;
            };
        }

        String list(String field, List<String> values) {
            String joined = String.join(", ", values);
            return this == CIDR ? "cidrMatch(" + field + ", " + joined + ")" : field + " " + keyword() + " (" + joined + ")";
        }

        private String keyword() {
            return switch (this) {
                case IEQ -> "in~";
                case EQ_STR, EQ_NUM -> "in";
                case LIKE -> "like";
                case ILIKE -> "like~";
                case REGEX -> "regex";
                case IREGEX -> "regex~";
                case CIDR -> throw new IllegalStateException("cidrMatch is a function");
            };
        }
    }
}
