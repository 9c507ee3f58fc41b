package dev.sigc.output;

import java.util.List;

/** TOML values, escaped per TOML 1.0, in the layout elastic/detection-rules writes. */
final class Toml {
    static final int WIDTH = 120;

    private Toml() {}

    /** A basic string: {@code "..."} with escapes. */
    static String string(String s) {
        return "\"" + escape(s, false) + "\"";
    }

    /** {@code key = [...]}: on one line when it fits in {@link #WIDTH}, else one element per line. */
    static String array(String key, List<String> values) {
        String inline = key + " = [" + String.join(", ", values.stream().map(Toml::string).toList()) + "]";
        if (inline.length() <= WIDTH || values.isEmpty()) {
            return inline;
        }
        StringBuilder sb = new StringBuilder(key).append(" = [\n");
        for (String v : values) {
            sb.append("    ").append(string(v)).append(",\n");
        }
        return sb.append(']').toString();
    }

    /** A multi-line basic string holding {@code text} word-wrapped at {@link #WIDTH}, as detection-rules does. */
    static String wrapped(String text) {
        StringBuilder sb = new StringBuilder("\"\"\"\n");
        for (String paragraph : text.strip().split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                    sb.append(escape(line.toString(), true)).append('\n');
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            sb.append(escape(line.toString(), true)).append('\n');
        }
        return sb.append("\"\"\"").toString();
    }

    /**
     * A multi-line literal string ({@code '''}) when the text can be one (no {@code '''}, no control
     * characters but tab), else a multi-line basic string with escapes. The value is the text plus a final newline.
     */
    static String multiline(String text) {
        boolean literal = !text.contains("'''") && text.chars().allMatch(c ->
                c == '\n' || c == '\t' || (c >= 0x20 && c != 0x7f));
        if (literal) {
            return "'''\n" + text + "\n'''";
        }
        return "\"\"\"\n" + escape(text, true) + "\n\"\"\"";
    }

    private static String escape(String s, boolean multiline) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append(multiline ? "\n" : "\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
