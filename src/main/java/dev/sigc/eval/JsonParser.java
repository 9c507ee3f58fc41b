package dev.sigc.eval;

import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON reader. SnakeYAML is not used here because it is not a JSON parser: it rejects
 * valid JSON (the {@code \/} escape) and accepts invalid JSON (raw tabs in strings, octal {@code 0777},
 * comments). Errors are {@link SigcException}s at {@code file:line:column}; a repeated object key is an
 * error too, since readers disagree on which one wins. Every value's position is kept by its JSON Pointer
 * (RFC 6901), so that a caller can point at the member it rejects.
 */
public final class JsonParser {
    /** Deeper nesting than this is refused rather than risking the stack. */
    public static final int MAX_DEPTH = 128;

    private final String file;
    private final String text;
    private final Map<String, Span> positions = new HashMap<>();
    private int pos;
    private int line = 1;
    private int lineStart;
    private int countedLineStart = -1;
    private int countedTo;
    private int countedColumns;

    private JsonParser(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** A parsed document: its root value and the position of every value by JSON Pointer ("" is the root). */
    public record Document(Json root, Map<String, Span> positions) {
        public Document {
            positions = Map.copyOf(positions);
        }

        /** Where the value at {@code pointer} starts; the document start when unknown. */
        public Span at(String pointer) {
            return positions.getOrDefault(pointer, positions.getOrDefault("", Span.NONE));
        }
    }

    public static Document parse(String file, String text) {
        JsonParser p = new JsonParser(file, text);
        if (text.startsWith("\uFEFF")) {
            p.pos = 1;
            p.lineStart = 1;
        }
        p.skipSpace();
        Json root = p.value("", 0);
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describeHere() + " after the JSON value");
        }
        return new Document(root, p.positions);
    }

    /** Parses text that must be one JSON value; for tests and library users without a file. */
    public static Json parse(String text) {
        return parse("<json>", text).root();
    }

    /** Appends one reference token to a JSON Pointer, escaped as RFC 6901 says. */
    public static String pointer(String parent, String token) {
        return parent + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    private Json value(String ptr, int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        positions.put(ptr, here());
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(ptr, depth);
            case '[' -> array(ptr, depth);
            case '"' -> new Json.Str(string());
            case 't' -> literal("true", new Json.Bool(true));
            case 'f' -> literal("false", new Json.Bool(false));
            case 'n' -> literal("null", Json.NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected " + describeHere() + ", expected a value");
            }
        };
    }

    private Json object(String ptr, int depth) {
        pos++;
        Map<String, Json> members = new LinkedHashMap<>();
        Map<String, Span> keyAt = new HashMap<>();
        skipSpace();
        if (peek('}')) {
            pos++;
            return new Json.Obj(members);
        }
        while (true) {
            skipSpace();
            if (!peek('"')) {
                throw error("unexpected " + describeHere() + ", expected a member name in double quotes");
            }
            Span at = here();
            String key = string();
            Span first = keyAt.putIfAbsent(key, at);
            if (first != null) {
                throw new SigcException("json-syntax", at, "duplicate member " + Json.quote(key)
                        + " (first at line " + first.line() + ")");
            }
            skipSpace();
            expect(':', "':' after the member name");
            skipSpace();
            members.put(key, value(pointer(ptr, key), depth + 1));
            skipSpace();
            if (peek(',')) {
                pos++;
                continue;
            }
            expect('}', "',' or '}'");
            return new Json.Obj(members);
        }
    }

    private Json array(String ptr, int depth) {
        pos++;
        List<Json> elements = new ArrayList<>();
        skipSpace();
        if (peek(']')) {
            pos++;
            return new Json.Arr(elements);
        }
        while (true) {
            skipSpace();
            elements.add(value(ptr + "/" + elements.size(), depth + 1));
            skipSpace();
            if (peek(',')) {
                pos++;
                continue;
            }
            expect(']', "',' or ']'");
            return new Json.Arr(elements);
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character U+" + String.format("%04X", (int) c)
                        + " in a string; write it as an escape such as \\n or \\u00XX");
            }
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= text.length()) {
                throw error("unterminated string");
            }
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 6 > text.length() || !text.substring(pos + 2, pos + 6).matches("[0-9A-Fa-f]{4}")) {
                        throw error("'\\u' must be followed by four hex digits");
                    }
                    sb.append((char) Integer.parseInt(text.substring(pos + 2, pos + 6), 16));
                    pos += 4;
                }
                default -> throw error("invalid escape '\\" + e + "' (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
            }
            pos += 2;
        }
    }

    private Json number() {
        int start = pos;
        if (peek('-')) {
            pos++;
        }
        if (peek('0')) {
            pos++;
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                throw error("a number must not have a leading zero");
            }
        } else {
            digits("a digit");
        }
        if (peek('.')) {
            pos++;
            digits("a digit after '.'");
        }
        if (peek('e') || peek('E')) {
            pos++;
            if (peek('+') || peek('-')) {
                pos++;
            }
            digits("a digit in the exponent");
        }
        String lexeme = text.substring(start, pos);
        try {
            return new Json.Num(new BigDecimal(lexeme), lexeme);
        } catch (NumberFormatException | ArithmeticException ex) {
            throw new SigcException("json-syntax", spanAt(start), "number out of range: " + lexeme);
        }
    }

    private void digits(String what) {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error("expected " + what);
        }
    }

    private Json literal(String word, Json value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describeHere() + ", expected a value");
        }
        pos += word.length();
        return value;
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c, String what) {
        if (!peek(c)) {
            throw error("unexpected " + describeHere() + ", expected " + what);
        }
        pos++;
    }

    private String describeHere() {
        if (pos >= text.length()) {
            return "end of input";
        }
        int cp = text.codePointAt(pos);
        return cp < 0x20 || cp == 0x7f ? String.format("character U+%04X", cp) : "'" + new String(Character.toChars(cp)) + "'";
    }

    private Span here() {
        return spanAt(pos);
    }

    /**
     * Strings hold no raw line break, so any position handed here is on the current line. Columns count code
     * points (as SnakeYAML's do), counted on from the last position asked for, so a long one-line document
     * costs linear time, not quadratic.
     */
    private Span spanAt(int offset) {
        if (countedLineStart != lineStart || offset < countedTo) {
            countedLineStart = lineStart;
            countedTo = lineStart;
            countedColumns = 0;
        }
        countedColumns += text.codePointCount(countedTo, offset);
        countedTo = offset;
        return new Span(file, line, countedColumns + 1);
    }

    private SigcException error(String message) {
        return new SigcException("json-syntax", here(), "invalid JSON: " + message);
    }
}
