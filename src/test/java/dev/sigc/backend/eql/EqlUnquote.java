package dev.sigc.backend.eql;

/**
 * A strict reader of one EQL double-quoted string literal, following Elasticsearch's lexer rule
 * ({@code '"' (STRING_ESCAPE | UNICODE_ESCAPE | ~[\r\n"\\])* '"'}) and {@code AbstractBuilder.unquoteString}
 * (escapes {@code \t \b \f \n \r \" \' \\} and 2-8 hex digit code points, surrogates refused).
 */
final class EqlUnquote {
    private EqlUnquote() {}

    /** Decodes {@code literal}, which must be exactly one string token. */
    static String unquote(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != '"' || literal.charAt(literal.length() - 1) != '"') {
            throw new IllegalArgumentException("not a double-quoted literal: " + literal);
        }
        StringBuilder sb = new StringBuilder();
        int end = literal.length() - 1;
        for (int i = 1; i < end; ) {
            char c = literal.charAt(i);
            if (c == '\r' || c == '\n' || c == '"') {
                throw new IllegalArgumentException("raw " + (int) c + " inside literal at " + i + ": " + literal);
            }
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 >= end) {
                throw new IllegalArgumentException("dangling backslash: " + literal);
            }
            char e = literal.charAt(i + 1);
            i += 2;
            switch (e) {
                case 't' -> sb.append('\t');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case '"' -> sb.append('"');
                case '\'' -> sb.append('\'');
                case '\\' -> sb.append('\\');
                case 'u' -> {
                    if (i >= end || literal.charAt(i) != '{') {
                        throw new IllegalArgumentException("bad unicode escape: " + literal);
                    }
                    int close = literal.indexOf('}', i);
                    if (close < 0 || close >= end) {
                        throw new IllegalArgumentException("unterminated unicode escape: " + literal);
                    }
                    String hex = literal.substring(i + 1, close);
                    if (hex.length() < 2 || hex.length() > 8 || !hex.matches("[0-9a-fA-F]+")) {
                        throw new IllegalArgumentException("unicode escape needs 2-8 hex digits: " + literal);
                    }
                    int cp = Integer.parseInt(hex, 16);
                    if (cp >= 0xd800 && cp <= 0xdfff) {
                        throw new IllegalArgumentException("surrogate code: " + literal);
                    }
                    sb.appendCodePoint(cp);
                    i = close + 1;
                }
                default -> throw new IllegalArgumentException("escape the lexer rejects: \\" + e + " in " + literal);
            }
        }
        return sb.toString();
    }
}
