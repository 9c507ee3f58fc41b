package dev.sigc.rule;

import dev.sigc.diag.Span;
import java.math.BigDecimal;
import java.util.Objects;

/** A value as written in a rule, with its YAML type kept: string, number, boolean and null stay distinct. */
public sealed interface SigmaValue {
    Span span();

    /** A YAML string; {@code raw} is the text after YAML unquoting, before Sigma wildcard parsing. */
    record Str(String raw, Span span) implements SigmaValue {
        public Str {
            Objects.requireNonNull(raw, "raw");
        }
    }

    record Num(BigDecimal value, Span span) implements SigmaValue {
        public Num {
            Objects.requireNonNull(value, "value");
        }
    }

    record Bool(boolean value, Span span) implements SigmaValue {}

    record Null(Span span) implements SigmaValue {}

    /** How the value reads in the rule, for messages. */
    default String describe() {
        if (this instanceof Str s) {
            return "'" + s.raw() + "'";
        }
        if (this instanceof Num n) {
            return n.value().toPlainString();
        }
        if (this instanceof Bool b) {
            return Boolean.toString(b.value());
        }
        return "null";
    }
}
