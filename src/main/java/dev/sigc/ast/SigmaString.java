package dev.sigc.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Sigma string value parsed once into parts: literal text and the wildcards {@code *} (any run of
 * characters, possibly empty) and {@code ?} (exactly one character). Adjacent text parts are merged and a
 * run of {@code *} is one part, so equal patterns have equal part lists.
 */
public record SigmaString(List<SigmaString.Part> parts) {

    /** A piece of a pattern. */
    public sealed interface Part permits Text, Wildcard, Placeholder {}

    /**
     * {@code %name%} in a value with the {@code expand} modifier. Pipelines replace it with values; a mapped
     * rule never holds one (see {@link dev.sigc.pipeline.MappedRule}), so backends do not handle it.
     */
    public record Placeholder(String name) implements Part {
        public Placeholder {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Literal characters, compared as they are (case folding is the match's business). */
    public record Text(String text) implements Part {
        public Text {
            Objects.requireNonNull(text, "text");
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty text part");
            }
        }
    }

    public enum Wildcard implements Part {
        /** {@code *}: any run of characters, including none. */
        ANY_STRING,
        /** {@code ?}: exactly one character. */
        ANY_CHAR
    }

    public SigmaString {
        parts = normalise(parts);
    }

    public static SigmaString literal(String text) {
        return new SigmaString(text.isEmpty() ? List.of() : List.of(new Text(text)));
    }

    /**
     * Parses a rule value by the specification's rules: {@code *} and {@code ?} are wildcards;
     * {@code \*}, {@code \?} and {@code \\} stand for the character itself; a backslash before anything
     * else (or at the end) is a plain backslash.
     */
    public static SigmaString parse(String raw) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && isEscapable(raw.charAt(i + 1))) {
                text.append(raw.charAt(++i));
            } else if (c == '*' || c == '?') {
                if (text.length() > 0) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(c == '*' ? Wildcard.ANY_STRING : Wildcard.ANY_CHAR);
            } else {
                text.append(c);
            }
        }
        if (text.length() > 0) {
            parts.add(new Text(text.toString()));
        }
        return new SigmaString(parts);
    }

    /**
     * Parses like {@link #parse(String)}, and also turns each {@code %name%} into a {@link Placeholder}
     * (for the {@code expand} modifier). A {@code %} without a closing one is literal.
     */
    public static SigmaString parseExpanding(String raw) {
        List<Part> parts = new ArrayList<>();
        int from = 0;
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', from)) {
            int end = raw.indexOf('%', i + 1);
            if (end < 0 || end == i + 1) {
                break;
            }
            parts.addAll(parse(raw.substring(from, i)).parts());
            parts.add(new Placeholder(raw.substring(i + 1, end)));
            from = end + 1;
        }
        parts.addAll(parse(raw.substring(from)).parts());
        return new SigmaString(parts);
    }

    public boolean hasPlaceholders() {
        for (int i = 0; i < parts.size(); i++) { // indexed, no iterator: called for every value by every target
            if (parts.get(i) instanceof Placeholder) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEscapable(char c) {
        return c == '*' || c == '?' || c == '\\';
    }

    private static List<Part> normalise(List<Part> in) {
        if (isNormal(in)) {
            return List.copyOf(in); // the usual case: no merging needed, one copy (none if already immutable)
        }
        List<Part> out = new ArrayList<>(in.size());
        for (Part p : in) {
            Objects.requireNonNull(p, "part");
            Part last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (p instanceof Text t && last instanceof Text l) {
                out.set(out.size() - 1, new Text(l.text() + t.text()));
            } else if (p == Wildcard.ANY_STRING && last == Wildcard.ANY_STRING) {
                continue;
            } else {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private static boolean isNormal(List<Part> in) {
        Part last = null;
        for (int i = 0; i < in.size(); i++) { // indexed: 'in' may be any list, but is always a small random-access one
            Part p = in.get(i);
            if (p == null || (p instanceof Text && last instanceof Text)
                    || (p == Wildcard.ANY_STRING && last == Wildcard.ANY_STRING)) {
                return false;
            }
            last = p;
        }
        return true;
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** No wildcard at all. */
    public boolean isPlain() {
        for (int i = 0; i < parts.size(); i++) { // indexed, no iterator: called for every value by every target
            if (!(parts.get(i) instanceof Text)) {
                return false;
            }
        }
        return true;
    }

    /** Concatenation, normalised. */
    public SigmaString concat(SigmaString other) {
        List<Part> p = new ArrayList<>(parts);
        p.addAll(other.parts);
        return new SigmaString(p);
    }

    public boolean hasAnyChar() {
        return parts.contains(Wildcard.ANY_CHAR);
    }

    /** The literal text; only for a {@link #isPlain() plain} string. */
    public String plainText() {
        if (!isPlain()) {
            throw new IllegalStateException("pattern has wildcards: " + this);
        }
        return parts.isEmpty() ? "" : ((Text) parts.get(0)).text();
    }

    public boolean startsWithStar() {
        return !parts.isEmpty() && parts.get(0) == Wildcard.ANY_STRING;
    }

    public boolean endsWithStar() {
        return !parts.isEmpty() && parts.get(parts.size() - 1) == Wildcard.ANY_STRING;
    }

    /** This pattern without one leading and one trailing {@code *}, where present. */
    public SigmaString stripOuterStars() {
        int from = startsWithStar() ? 1 : 0;
        int to = Math.max(from, endsWithStar() ? parts.size() - 1 : parts.size());
        return new SigmaString(parts.subList(from, to));
    }

    public SigmaString prepend(Part part) {
        List<Part> p = new ArrayList<>(parts.size() + 1);
        p.add(part);
        p.addAll(parts);
        return new SigmaString(p);
    }

    public SigmaString append(Part part) {
        List<Part> p = new ArrayList<>(parts);
        p.add(part);
        return new SigmaString(p);
    }

    /** The Sigma spelling, escaped so that {@link #parse} gives this value back. */
    public String toSigma() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Text t) {
                for (int i = 0; i < t.text().length(); i++) {
                    char c = t.text().charAt(i);
                    if (isEscapable(c)) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            } else if (p instanceof Placeholder ph) {
                sb.append('%').append(ph.name()).append('%');
            } else {
                sb.append(p == Wildcard.ANY_STRING ? '*' : '?');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toSigma();
    }
}
