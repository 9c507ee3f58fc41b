package dev.sigc.backend.spl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test-only interpreter for the part of SPL's eval language sigc writes in {@code | eval} and
 * {@code | where} stages, following the Search Reference: numbers are doubles; {@code .} concatenates as
 * strings; a function of a null (missing) field is null; {@code ==} and friends on null are null;
 * {@code AND}/{@code OR}/{@code NOT} are three-valued (false AND null is false, true OR null is true); a
 * {@code where} keeps an event only when its expression is true. Functions: floor, max (of two), if, lower, len, substr
 * (1-based start, optional length, characters), isnull, isnotnull, tonumber. It is written from the
 * documentation, not from sigc's renderer, so that running the rendered text checks the renderer.
 */
final class SplEvalInterpreter {
    private final String src;
    private int pos;
    private final Map<String, Object> fields;

    private SplEvalInterpreter(String src, Map<String, Object> fields) {
        this.src = src;
        this.fields = fields;
    }

    /** Runs a query's {@code | eval name=expr} stages and its {@code | where}; whether the event is kept. */
    static boolean keeps(String query, Map<String, Object> event) {
        Map<String, Object> fields = new HashMap<>(event);
        String[] stages = query.split(" \\| ");
        Optional<Object> verdict = Optional.empty();
        for (int i = 1; i < stages.length; i++) {
            String stage = stages[i];
            if (stage.startsWith("eval ")) {
                int eq = stage.indexOf('=');
                fields.put(stage.substring(5, eq), eval(stage.substring(eq + 1), fields));
            } else if (stage.startsWith("where ")) {
                verdict = Optional.ofNullable(eval(stage.substring(6), fields));
            } else {
                throw new IllegalArgumentException("stage not interpreted: " + stage);
            }
        }
        return verdict.map(Boolean.TRUE::equals).orElse(false);
    }

    static Object eval(String expr, Map<String, Object> fields) {
        SplEvalInterpreter p = new SplEvalInterpreter(expr, fields);
        Object v = p.or();
        p.skipSpaces();
        if (p.pos != expr.length()) {
            throw new IllegalArgumentException("trailing text at " + p.pos + ": " + expr);
        }
        return v;
    }

    private Object or() {
        Object left = and();
        while (word("OR")) {
            Object right = and();
            left = Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right) ? Boolean.TRUE
                    : left == null || right == null ? null : Boolean.FALSE;
        }
        return left;
    }

    private Object and() {
        Object left = not();
        while (word("AND")) {
            Object right = not();
            left = Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right) ? Boolean.FALSE
                    : left == null || right == null ? null : Boolean.TRUE;
        }
        return left;
    }

    private Object not() {
        if (word("NOT")) {
            Object v = not();
            return v == null ? null : !(Boolean) v;
        }
        return comparison();
    }

    private Object comparison() {
        Object left = concat();
        skipSpaces();
        for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                Object right = concat();
                if (left == null || right == null) {
                    return null;
                }
                int c = left instanceof Double a && right instanceof Double b ? Double.compare(a, b)
                        : String.valueOf(left).compareTo(String.valueOf(right));
                return switch (op) {
                    case "==" -> c == 0;
                    case "!=" -> c != 0;
                    case "<=" -> c <= 0;
                    case ">=" -> c >= 0;
                    case "<" -> c < 0;
                    default -> c > 0;
                };
            }
        }
        return left;
    }

    private Object concat() {
        Object left = additive();
        while (peek('.') && !Character.isDigit(charAt(pos + 1))) {
            pos++;
            Object right = additive();
            left = left == null || right == null ? null : text(left) + text(right);
        }
        return left;
    }

    private Object additive() {
        Object left = multiplicative();
        while (peek('+') || peek('-')) {
            char op = src.charAt(pos++);
            Object right = multiplicative();
            left = left == null || right == null ? null
                    : op == '+' ? num(left) + num(right) : num(left) - num(right);
        }
        return left;
    }

    private Object multiplicative() {
        Object left = unary();
        while (peek('*') || peek('/')) {
            char op = src.charAt(pos++);
            Object right = unary();
            left = left == null || right == null ? null : op == '*' ? num(left) * num(right) : num(left) / num(right);
        }
        return left;
    }

    private Object unary() {
        if (peek('-')) {
            pos++;
            Object v = unary();
            return v == null ? null : -num(v);
        }
        return primary();
    }

    private Object primary() {
        skipSpaces();
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            Object v = or();
            expect(')');
            return v;
        }
        if (c == '"') {
            return string();
        }
        if (Character.isDigit(c)) {
            int start = pos;
            while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                pos++;
            }
            return Double.parseDouble(src.substring(start, pos));
        }
        String name = identifier();
        if (peek('(')) {
            pos++;
            return call(name);
        }
        return fields.get(name);
    }

    private Object call(String name) {
        List<Object> args = new java.util.ArrayList<>();
        if (!peek(')')) {
            do {
                args.add(or());
            } while (consume(','));
        }
        expect(')');
        Object a = args.isEmpty() ? null : args.get(0);
        return switch (name) {
            case "floor" -> a == null ? null : Math.floor(num(a));
            case "max" -> args.contains(null) ? null : Math.max(num(a), num(args.get(1)));
            case "if" -> Boolean.TRUE.equals(a) ? args.get(1) : args.get(2);
            case "isnull" -> a == null;
            case "isnotnull" -> a != null;
            case "lower" -> a == null ? null : text(a).toLowerCase(java.util.Locale.ROOT);
            case "len" -> a == null ? null : (double) text(a).codePointCount(0, text(a).length());
            case "tonumber" -> a == null ? null : tonumber(a);
            case "substr" -> args.contains(null) ? null : substr(text(a), num(args.get(1)),
                    args.size() > 2 ? Optional.of(num(args.get(2))) : Optional.empty());
            default -> throw new IllegalArgumentException("function not interpreted: " + name);
        };
    }

    private static Object tonumber(Object a) {
        try {
            return a instanceof Double ? a : Double.parseDouble(text(a));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** 1-based start counted in characters (code points); Z characters, or to the end. Only Y >= 1 is used. */
    private static String substr(String s, double y, Optional<Double> z) {
        if (y < 1) {
            throw new IllegalArgumentException("substr start below 1 is not interpreted: " + y);
        }
        int[] cps = s.codePoints().toArray();
        int from = (int) Math.min(cps.length, y - 1);
        int to = z.map(n -> (int) Math.min(cps.length, from + n)).orElse(cps.length);
        return new String(cps, from, Math.max(0, to - from));
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (src.charAt(pos) != '"') {
            char c = src.charAt(pos++);
            sb.append(c == '\\' ? src.charAt(pos++) : c);
        }
        pos++;
        return sb.toString();
    }

    private String identifier() {
        skipSpaces();
        if (peek('\'')) {
            int end = src.indexOf('\'', pos + 1);
            String name = src.substring(pos + 1, end);
            pos = end + 1;
            return name;
        }
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("unexpected '" + src.charAt(pos) + "' at " + pos + ": " + src);
        }
        return src.substring(start, pos);
    }

    private static double num(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        throw new IllegalArgumentException("not a number: " + v);
    }

    private static String text(Object v) {
        if (v instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }

    private boolean word(String w) {
        skipSpaces();
        if (src.startsWith(w + " ", pos) || src.startsWith(w + "(", pos)) {
            pos += w.length();
            return true;
        }
        return false;
    }

    private boolean peek(char c) {
        skipSpaces();
        return pos < src.length() && src.charAt(pos) == c;
    }

    private boolean consume(char c) {
        if (peek(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + ": " + src);
        }
    }

    private char charAt(int i) {
        return i < src.length() ? src.charAt(i) : 0;
    }

    private void skipSpaces() {
        while (pos < src.length() && src.charAt(pos) == ' ') {
            pos++;
        }
    }
}
