package dev.sigc.eval;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON value: what an event is made of. Objects keep their members in document order. A number keeps
 * the text it was written with (a rule's string value is compared with that text) next to its value.
 */
public sealed interface Json permits Json.Obj, Json.Arr, Json.Str, Json.Num, Json.Bool, Json.Null {

    Null NULL = new Null();

    record Obj(Map<String, Json> members) implements Json {
        public Obj {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }
    }

    record Arr(List<Json> elements) implements Json {
        public Arr {
            elements = List.copyOf(elements);
        }
    }

    record Str(String value) implements Json {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code text} is the number as written (JSON syntax); {@code value} its exact decimal value. */
    record Num(BigDecimal value, String text) implements Json {
        public Num {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(text, "text");
        }

        public static Num of(BigDecimal value) {
            return new Num(value, value.toPlainString());
        }

        public static Num of(long value) {
            return of(BigDecimal.valueOf(value));
        }
    }

    record Bool(boolean value) implements Json {}

    /** JSON {@code null}: a value that says "no value"; see {@link #NULL}. */
    record Null() implements Json {}

    /** Compact JSON text: members in order, no spaces, only the escapes JSON requires (plus U+2028/9). */
    default String toText() {
        StringBuilder sb = new StringBuilder();
        write(this, sb, -1);
        return sb.toString();
    }

    /** JSON text indented by two spaces per level, {@code "name": value}; an empty object or array stays {@code {}}. */
    default String toPrettyText() {
        StringBuilder sb = new StringBuilder();
        write(this, sb, 0);
        return sb.toString();
    }

    /** {@code level} < 0: compact. */
    private static void write(Json v, StringBuilder sb, int level) {
        if (v instanceof Obj o) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Json> e : o.members().entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, level + 1, level);
                quote(e.getKey(), sb);
                sb.append(level < 0 ? ":" : ": ");
                write(e.getValue(), sb, level < 0 ? level : level + 1);
            }
            if (!o.members().isEmpty()) {
                newline(sb, level, level);
            }
            sb.append('}');
        } else if (v instanceof Arr a) {
            sb.append('[');
            for (int i = 0; i < a.elements().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(sb, level + 1, level);
                write(a.elements().get(i), sb, level < 0 ? level : level + 1);
            }
            if (!a.elements().isEmpty()) {
                newline(sb, level, level);
            }
            sb.append(']');
        } else if (v instanceof Str s) {
            quote(s.value(), sb);
        } else if (v instanceof Num n) {
            sb.append(n.text());
        } else if (v instanceof Bool b) {
            sb.append(b.value());
        } else {
            sb.append("null");
        }
    }

    private static void newline(StringBuilder sb, int indent, int level) {
        if (level >= 0) {
            sb.append('\n').append("  ".repeat(indent));
        }
    }

    /** Appends {@code s} as a JSON string literal. */
    static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        quote(s, sb);
        return sb.toString();
    }
}
