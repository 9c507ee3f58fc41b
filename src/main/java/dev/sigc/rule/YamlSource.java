package dev.sigc.rule;

import dev.sigc.diag.Span;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The text of one YAML file, to turn SnakeYAML marks into file positions, down to a single character of a
 * scalar's value. Lines and columns are 1-based and count code points, as SnakeYAML does.
 */
final class YamlSource {
    private final String file;
    private final String text;
    private final int[] lineStarts;

    YamlSource(String file, String text) {
        this.file = file;
        this.text = text;
        int[] starts = new int[64];
        int n = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (n == starts.length) {
                starts = java.util.Arrays.copyOf(starts, n * 2);
            }
            starts[n++] = i + 1;
        }
        this.lineStarts = java.util.Arrays.copyOf(starts, n);
    }

    String file() {
        return file;
    }

    Span span(Mark mark) {
        return new Span(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    Span span(Node node) {
        return span(node.getStartMark());
    }

    /** Where each character of a scalar's value stands in the file (see {@link PositionMap}). */
    PositionMap positions(ScalarNode node) {
        // The usual scalar, a plain one on one line with no surrogate pair, stands in the file character for
        // character: the alignment below would map character i to i columns after the first.
        String value = node.getValue();
        Mark start = node.getStartMark();
        if (node.getScalarStyle() == ScalarStyle.PLAIN && start.getLine() == node.getEndMark().getLine()) {
            int raw = utf16Offset(start.getLine(), start.getColumn());
            if (text.regionMatches(raw, value, 0, value.length()) && isSingleUnitText(value)) {
                return PositionMap.straight(span(start), value.length());
            }
        }
        return alignedPositions(node);
    }

    /** No line break and no surrogate: each char is one column. */
    private static boolean isSingleUnitText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #positions} by aligning the value with the file text, for any scalar; package-private for tests. */
    PositionMap alignedPositions(ScalarNode node) {
        String value = node.getValue();
        Mark start = node.getStartMark();
        int line = start.getLine();
        int raw = utf16Offset(line, start.getColumn());
        int column = start.getColumn();
        int end = Math.min(text.length(), utf16Offset(node.getEndMark().getLine(), node.getEndMark().getColumn()));
        ScalarStyle style = node.getScalarStyle();
        // skip what precedes the value's first character: an opening quote, or a block scalar's header line
        if (style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED) {
            raw++;
            column++;
        } else if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
            while (raw < end && text.charAt(raw) != '\n') {
                raw++;
            }
            raw++;
            line++;
            column = 0;
        }
        int[] lines = new int[value.length() + 1];
        int[] columns = new int[value.length() + 1];
        // Greedy alignment: each value character is matched to the next equal raw character. Raw
        // characters the value does not have (quotes doubled, escapes, folded line breaks, indentation)
        // are skipped. A value character with no match keeps the last position.
        for (int j = 0; j < value.length(); j++) {
            int r = raw;
            int l = line;
            int c = column;
            while (r < end && text.charAt(r) != value.charAt(j)) {
                if (text.charAt(r) == '\n') {
                    l++;
                    c = 0;
                } else if (!Character.isLowSurrogate(text.charAt(r))) {
                    c++;
                }
                r++;
            }
            if (r < end) {
                raw = r + 1;
                line = l;
                column = c;
            }
            lines[j] = line + 1;
            columns[j] = column + 1;
            if (r < end) {
                if (text.charAt(r) == '\n') {
                    line++;
                    column = 0;
                } else if (!Character.isLowSurrogate(text.charAt(r))) {
                    column++;
                }
            }
        }
        lines[value.length()] = line + 1;
        columns[value.length()] = column + 1;
        return new PositionMap(file, lines, columns);
    }

    private int utf16Offset(int line, int codePointColumn) {
        int offset = line < lineStarts.length ? lineStarts[line] : text.length();
        for (int i = 0; i < codePointColumn && offset < text.length(); i++) {
            offset += Character.charCount(text.codePointAt(offset));
        }
        return offset;
    }
}
