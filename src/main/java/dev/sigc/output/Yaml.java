package dev.sigc.output;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scalars for hand-written YAML: plain when YAML would read the text back as that same string, single
 * quotes otherwise, double quotes with escapes when the text has characters a quoted style cannot hold, and
 * literal blocks for multi-line text. Every choice reads back, in any YAML 1.1 or 1.2 reader, as the exact text.
 */
final class Yaml {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z]([A-Za-z0-9 _.,()/-]*[A-Za-z0-9_.)/-])?");
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null",
            "~");

    private Yaml() {}

    /** A scalar on the same line as its key. */
    static String scalar(String s) {
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(java.util.Locale.ROOT))) {
            return s;
        }
        if (printable(s) && s.indexOf('\n') < 0) {
            return "'" + s.replace("'", "''") + "'";
        }
        return doubleQuoted(s);
    }

    /**
     * A key's value that may span lines: a literal block ({@code |}, with the text's single final newline, or
     * {@code |-} without one) indented by {@code indent}, when the text allows it; a quoted scalar otherwise.
     */
    static String block(String s, String indent) {
        boolean oneFinalNewline = s.endsWith("\n") && !s.endsWith("\n\n");
        String body = oneFinalNewline ? s.substring(0, s.length() - 1) : s;
        if (body.isEmpty() || body.endsWith("\n") || !printable(body) || body.startsWith(" ")
                || body.lines().anyMatch(l -> l.endsWith(" ") || l.endsWith("\t"))) {
            return scalar(s);
        }
        StringBuilder sb = new StringBuilder(oneFinalNewline ? "|" : "|-");
        for (String line : body.split("\n", -1)) {
            sb.append('\n');
            if (!line.isEmpty()) {
                sb.append(indent).append(line);
            }
        }
        return sb.toString();
    }

    /** Only characters YAML allows unescaped (tab included), and no line break other than {@code \n}. */
    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\n' || c == '\t' || (c >= 0x20 && c <= 0x7e)
                    || (c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029) || (c >= 0xe000 && c <= 0xfffd && c != 0xfeff)
                    || Character.isSurrogate(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0xfeff
                            || c >= 0xfffe) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
