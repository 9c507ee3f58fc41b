package dev.sigc.backend.spl;

import java.util.ArrayList;
import java.util.List;

/**
 * A test-only reader of SPL query text, written from Splunk's documented lexical rules rather than from sigc's
 * escaper: a double-quoted string ends at the first {@code "} not preceded by an escaping backslash; inside
 * it {@code \"} is a quote and {@code \\} a backslash ("Quotes and escaping characters", Search Reference);
 * a {@code |} outside quotes starts the next command. It is strict: a backslash before any other character,
 * an unterminated string, a raw control character or a backtick (SPL expands {@code `macro`} text even
 * inside quotes) anywhere in the query is an error, since sigc never needs one.
 */
final class SplLexer {
    private SplLexer() {}

    /** A query with every string literal replaced by {@code "…"}, and the literals' decoded values in order. */
    record Lexed(String skeleton, List<String> literals) {}

    static Lexed lex(String query) {
        StringBuilder skeleton = new StringBuilder();
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '`') {
                throw new IllegalArgumentException("raw control character or backtick at " + i + " in: " + query);
            }
            if (c != '"') {
                skeleton.append(c);
                continue;
            }
            StringBuilder lit = new StringBuilder();
            int j = i + 1;
            for (; ; j++) {
                if (j >= query.length()) {
                    throw new IllegalArgumentException("unterminated string from " + i + " in: " + query);
                }
                char d = query.charAt(j);
                if (d == '"') {
                    break;
                }
                if (d == '\\') {
                    char e = j + 1 < query.length() ? query.charAt(j + 1) : 0;
                    if (e != '"' && e != '\\') {
                        throw new IllegalArgumentException("ambiguous backslash at " + j + " in: " + query);
                    }
                    lit.append(e);
                    j++;
                } else if (d < 0x20 || d == 0x7f || d == '`') {
                    throw new IllegalArgumentException("raw control character or backtick at " + j + " in: " + query);
                } else {
                    lit.append(d);
                }
            }
            literals.add(lit.toString());
            skeleton.append("\"…\"");
            i = j;
        }
        return new Lexed(skeleton.toString(), literals);
    }

    /**
     * Decodes a regex made only of an option group, optional anchors and literal items (PCRE: a
     * metacharacter after a backslash is itself, {@code \x{hh}} is that character, any other character but a
     * metacharacter is itself), as sigc writes values. Returns the literal text; anything else is an error.
     */
    static String literalRegex(String regex, String options, boolean start, boolean end) {
        if (!regex.startsWith(options)) {
            throw new IllegalArgumentException("options " + options + " expected: " + regex);
        }
        int i = options.length();
        if (start) {
            if (!regex.startsWith("^", i)) {
                throw new IllegalArgumentException("^ expected: " + regex);
            }
            i++;
        }
        int stop = regex.length();
        if (end) {
            if (!regex.endsWith("\\z")) {
                throw new IllegalArgumentException("\\z expected: " + regex);
            }
            stop -= 2;
        }
        StringBuilder out = new StringBuilder();
        while (i < stop) {
            char c = regex.charAt(i);
            if (c == '\\') {
                char e = regex.charAt(i + 1);
                if (e == 'x') {
                    int close = regex.indexOf('}', i);
                    if (regex.charAt(i + 2) != '{' || close < 0) {
                        throw new IllegalArgumentException("bad \\x at " + i + ": " + regex);
                    }
                    out.append((char) Integer.parseInt(regex.substring(i + 3, close), 16));
                    i = close + 1;
                } else if ("\\^$.|?*+()[]{}".indexOf(e) >= 0) {
                    out.append(e);
                    i += 2;
                } else {
                    throw new IllegalArgumentException("escape \\" + e + " is not a literal: " + regex);
                }
            } else if ("^$.|?*+()[]{}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("unescaped metacharacter " + c + " at " + i + ": " + regex);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
