package dev.sigc.backend.eql;

import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.RegexMatch;
import dev.sigc.diag.SigcException;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates a Sigma regular expression (the PCRE/RE2 common subset, unanchored search semantics) into an
 * equivalent Lucene regular expression (whole-value match), or reports why it cannot.
 *
 * <p>Exact translations: an unanchored end becomes {@code .*}; {@code ^}/{@code $} are accepted only at
 * the very start/end of the pattern or of a top-level alternative ({@code ^a|b$} becomes
 * {@code (a.*|.*b)}); with {@code m} they match at line breaks too ({@code (.*\n)?} / {@code (\n.*)?});
 * without {@code s} a {@code .} is {@code [^\n]}; {@code \d \w \s} and their negations become explicit
 * ASCII classes (Lucene's {@code \s} lacks {@code \f} and {@code \v}); {@code \t \n \r \f \a \xHH \x{H..}
 * &#92;uHHHH} become the character itself; lazy quantifiers drop the {@code ?} (it cannot change whether a
 * match exists); named and non-capturing groups become plain groups. A group that is a whole top-level
 * alternative ({@code (^a$)|b}) is read as top-level alternatives, so anchors may stand inside it. A
 * leading inline flag group of {@code i}, {@code m} and {@code s} ({@code (?i)a}) sets those flags for the
 * whole pattern, which is what the Sigma modifiers of the same letters do.
 *
 * <p>Rejected ({@code unsupported-regex}): lookaround, backreferences, word boundaries and other
 * assertions, inline flags anywhere but at the very start (or with other letters, or scoped
 * {@code (?i:...)}), atomic groups, possessive quantifiers, Unicode properties, POSIX and nested
 * classes, class intersection, anchors anywhere else, and an unescaped '{' that is not a complete
 * quantifier (PCRE reads it as a literal, other engines as an error or a quantifier).
 * A {@code $} before a final line break (PCRE) is not matched: like RE2, {@code $} means end of value.
 */
final class RegexTranslator {
    static final String WORD = "0-9A-Z_a-z";
    static final String SPACE = " \t\n\u000b\f\r";
    /** Exactly the empty string, also under ASCII case folding (where Lucene's {@code ()} matches nothing). */
    static final String EMPTY = ".{0}";

    private final RegexMatch node;
    private final int[] cps;
    private final boolean ignoreCase;
    private final boolean multiline;
    private final boolean dotall;
    private int pos;

    private RegexTranslator(RegexMatch node) {
        this.node = node;
        this.cps = node.pattern().codePoints().toArray();
        String leading = leadingFlags(cps);
        this.pos = leading.isEmpty() ? 0 : leading.length() + 3;
        this.ignoreCase = node.has(RegexFlag.IGNORE_CASE) || leading.indexOf('i') >= 0;
        this.multiline = node.has(RegexFlag.MULTILINE) || leading.indexOf('m') >= 0;
        this.dotall = node.has(RegexFlag.DOTALL) || leading.indexOf('s') >= 0;
    }

    /** A Lucene regex and whether it must be used with {@code regex~} (case-insensitive). */
    record Translation(String regex, boolean ignoreCase) {}

    /**
     * The Lucene regex for {@code node}; case-insensitive when the rule has {@code i} or the pattern starts
     * with an inline {@code (?i)}.
     */
    static Translation translate(RegexMatch node) {
        RegexTranslator t = new RegexTranslator(node);
        return new Translation(t.top(), t.ignoreCase);
    }

    /**
     * The letters of a leading inline flag group made only of {@code i}, {@code m} and {@code s}
     * ({@code "(?im)..."} gives {@code "im"}), or "" when the pattern has none; anything else (other
     * letters, '-', a scoped {@code (?i:...)}) is left to the group parser, which rejects it.
     */
    private static String leadingFlags(int[] cps) {
        if (cps.length < 4 || cps[0] != '(' || cps[1] != '?') {
            return "";
        }
        StringBuilder letters = new StringBuilder();
        for (int i = 2; i < cps.length; i++) {
            int c = cps[i];
            if (c == ')') {
                return letters.toString();
            }
            if ((c != 'i' && c != 'm' && c != 's') || letters.indexOf(Character.toString(c)) >= 0) {
                return "";
            }
            letters.appendCodePoint(c);
        }
        return "";
    }

    private record Branch(String body, boolean start, boolean end) {}

    private String top() {
        List<Branch> branches = topBranches();
        if (more()) {
            throw fail("unbalanced ')' at offset " + pos);
        }
        if (branches.size() == 1) {
            return wrap(branches.get(0));
        }
        if (branches.stream().noneMatch(b -> b.start() || b.end())) {
            return ".*" + alternation(branches.stream().map(Branch::body).toList()) + ".*";
        }
        return "(" + String.join("|", branches.stream().map(this::wrap).toList()) + ")";
    }

    /** The alternatives up to an unmatched ')' or the end, each at depth 0. */
    private List<Branch> topBranches() {
        List<Branch> branches = new ArrayList<>(topBranch());
        while (more() && peek() == '|') {
            pos++;
            branches.addAll(topBranch());
        }
        return branches;
    }

    /**
     * One top-level alternative. When it does not parse as a plain sequence (say, anchors inside a group)
     * but is one group between '|'s or the ends ({@code (^a$)|b}), the group matches exactly what its own
     * alternatives do at the top level, so they are read there, where anchors are allowed.
     */
    private List<Branch> topBranch() {
        int startPos = pos;
        try {
            return List.of(branch(0));
        } catch (SigcException plain) {
            pos = startPos;
            int opening = more() && peek() == '(' ? plainGroupOpening() : 0;
            if (opening > 0) {
                pos += opening;
                try {
                    List<Branch> inner = topBranches();
                    if (more() && peek() == ')') {
                        pos++;
                        if (!more() || peek() == '|' || peek() == ')') {
                            return inner;
                        }
                    }
                } catch (SigcException ignored) {
                    // not a whole-alternative group either: the plain reading's error says more
                }
            }
            throw plain;
        }
    }

    /** The length of a plain, non-capturing or named group opening at the cursor, or 0 for other groups. */
    private int plainGroupOpening() {
        if (peekAt(1) != '?') {
            return 1;
        }
        if (peekAt(2) == ':') {
            return 3;
        }
        int close;
        int from;
        if (peekAt(2) == 'P' && peekAt(3) == '<') {
            close = '>';
            from = 4;
        } else if (peekAt(2) == '<' && peekAt(3) != '=' && peekAt(3) != '!') {
            close = '>';
            from = 3;
        } else if (peekAt(2) == '\'') {
            close = '\'';
            from = 3;
        } else {
            return 0;
        }
        int i = from;
        while (peekAt(i) >= 0 && (Character.isLetterOrDigit(peekAt(i)) || peekAt(i) == '_')) {
            i++;
        }
        return i > from && peekAt(i) == close ? i + 1 : 0;
    }

    private String wrap(Branch b) {
        String head = b.start() ? (multiline ? "(.*\n)?" : "") : ".*";
        String tail = b.end() ? (multiline ? "(\n.*)?" : "") : ".*";
        if (b.body().isEmpty() && !b.start() && !b.end()) {
            return ".*";
        }
        String text = head + b.body() + tail;
        return text.isEmpty() ? EMPTY : text;
    }

    /**
     * A group of alternatives. Lucene has no empty alternative, and under {@code regex~} (ASCII
     * case-insensitive) a standalone {@code ()} matches nothing at all, so an empty alternative is written
     * {@link #EMPTY} and an all-empty group is just {@link #EMPTY}.
     */
    private static String alternation(List<String> alts) {
        if (alts.stream().allMatch(String::isEmpty)) {
            return EMPTY;
        }
        return "(" + String.join("|", alts.stream().map(a -> a.isEmpty() ? EMPTY : a).toList()) + ")";
    }

    /** A sequence up to '|', ')' or the end; anchors allowed only at its ends and only at depth 0. */
    private Branch branch(int depth) {
        StringBuilder body = new StringBuilder();
        boolean start = false;
        boolean end = false;
        boolean first = true;
        while (more() && peek() != '|' && peek() != ')') {
            int c = peek();
            if (end) {
                throw fail("'$' is supported only at the end of the pattern or of a top-level alternative");
            }
            if (c == '^') {
                if (depth > 0 || !first) {
                    throw fail("'^' is supported only at the start of the pattern or of a top-level alternative");
                }
                pos++;
                start = true;
                first = false;
                noQuantifier("^");
                continue;
            }
            if (c == '$') {
                if (depth > 0) {
                    throw fail("'$' is supported only at the end of the pattern or of a top-level alternative");
                }
                pos++;
                end = true;
                noQuantifier("$");
                continue;
            }
            first = false;
            String atom = atom(depth);
            String quantifier = quantifier();
            // the empty string repeated is the empty string (and Java cannot stack ".{0}*" for readers)
            body.append(atom).append(atom.equals(EMPTY) ? "" : quantifier);
        }
        return new Branch(body.toString(), start, end);
    }

    private void noQuantifier(String what) {
        if (more() && "*+?{".indexOf(peek()) >= 0) {
            throw fail("a quantifier after '" + what + "' has no meaning here");
        }
    }

    private String atom(int depth) {
        int c = next();
        switch (c) {
            case '(':
                return group(depth);
            case '[':
                return new RegexClass(this, ignoreCase).parse();
            case '.':
                return dotall ? "." : "[^\n]";
            case '\\':
                return escape();
            case '*', '+', '?', '{':
                throw fail("'" + (char) c + "' at offset " + (pos - 1) + " has nothing to repeat; escape it for a literal");
            default:
                StringBuilder sb = new StringBuilder();
                LuceneRegex.appendLiteral(sb, c, ignoreCase);
                return sb.toString();
        }
    }

    private String group(int depth) {
        if (more() && peek() == '?') {
            pos++;
            int k = more() ? next() : -1;
            if (k == ':') {
                // non-capturing group
            } else if (k == 'P' && more() && peek() == '<') {
                pos++;
                skipName('>');
            } else if (k == '<' && more() && peek() != '=' && peek() != '!') {
                skipName('>');
            } else if (k == '\'') {
                skipName('\'');
            } else if (k == '=' || k == '!' || k == '<') {
                throw fail("lookaround assertions are not supported by Lucene regular expressions");
            } else {
                throw fail("group construct '(?" + (k < 0 ? "" : Character.toString(k))
                        + "' (inline flags, atomic group, backreference or comment) is not supported");
            }
        }
        List<String> alts = new ArrayList<>();
        alts.add(branch(depth + 1).body());
        while (more() && peek() == '|') {
            pos++;
            alts.add(branch(depth + 1).body());
        }
        if (!more() || next() != ')') {
            throw fail("missing ')'");
        }
        return alternation(alts);
    }

    private void skipName(int close) {
        int startPos = pos;
        while (more() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
            pos++;
        }
        if (pos == startPos || !more() || next() != close) {
            throw fail("malformed group name");
        }
    }

    /** Escape outside a class: a class shorthand, a control character, or a literal punctuation char. */
    private String escape() {
        if (!more()) {
            throw fail("trailing backslash");
        }
        int c = next();
        return switch (c) {
            case 'd' -> "[0-9]";
            case 'D' -> "[^0-9]";
            case 'w' -> "[" + WORD + "]";
            case 'W' -> "[^" + WORD + "]";
            case 's' -> "[" + SPACE + "]";
            case 'S' -> "[^" + SPACE + "]";
            default -> {
                StringBuilder sb = new StringBuilder();
                LuceneRegex.appendLiteral(sb, escapedChar(c, false), ignoreCase);
                yield sb.toString();
            }
        };
    }

    /** The character an escape other than a class shorthand stands for (the backslash already read). */
    int escapedChar(int c, boolean inClass) {
        switch (c) {
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 'f':
                return '\f';
            case 'a':
                return 0x07;
            case 'x':
                return hexEscape();
            case 'u':
                return hex(4);
            default:
                if (c < 0x80 && Character.isLetterOrDigit(c)) {
                    throw fail("escape '\\" + (char) c + "'" + (inClass ? " in a character class" : "")
                            + " (assertion, backreference, property or class) is not supported");
                }
                return c;
        }
    }

    private int hexEscape() {
        if (more() && peek() == '{') {
            pos++;
            int startPos = pos;
            while (more() && peek() != '}') {
                pos++;
            }
            if (!more() || pos == startPos || pos - startPos > 6) {
                throw fail("malformed \\x{...} escape");
            }
            int value = parseHex(startPos, pos);
            pos++;
            return value;
        }
        return hex(2);
    }

    private int hex(int digits) {
        if (pos + digits > cps.length) {
            throw fail("incomplete hex escape");
        }
        int value = parseHex(pos, pos + digits);
        pos += digits;
        return value;
    }

    private int parseHex(int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(cps[i], 16);
            if (d < 0) {
                throw fail("invalid hex digit in escape");
            }
            value = value * 16 + d;
        }
        if (value > Character.MAX_CODE_POINT || (value >= 0xd800 && value <= 0xdfff)) {
            throw fail("escape does not denote a Unicode character");
        }
        return value;
    }

    /** An optional quantifier after an atom, in Lucene spelling (identical), lazy '?' dropped. */
    private String quantifier() {
        if (!more()) {
            return "";
        }
        int c = peek();
        String q;
        if (c == '*' || c == '+' || c == '?') {
            pos++;
            q = Character.toString(c);
        } else if (c == '{') {
            q = counted();
        } else {
            return "";
        }
        if (more() && peek() == '?') {
            pos++; // lazy: the same set of values has a match
        } else if (more() && peek() == '+') {
            throw fail("possessive quantifiers are not supported");
        }
        if (more() && "*+?{".indexOf(peek()) >= 0) {
            throw fail("nested quantifier at offset " + pos);
        }
        return q;
    }

    private String counted() {
        int startPos = pos;
        pos++;
        long min = digits();
        long max = min;
        boolean comma = false;
        if (min >= 0 && more() && peek() == ',') {
            pos++;
            comma = true;
            max = digits();
        }
        if (min < 0 || !more() || next() != '}') {
            throw fail("'{' at offset " + startPos + " is not a complete {n}, {n,} or {n,m} quantifier; escape it as \\{");
        }
        if (min > 10_000 || max > 10_000 || (max >= 0 && max < min)) {
            throw fail("invalid repetition bounds at offset " + startPos);
        }
        return "{" + min + (comma ? "," + (max >= 0 ? Long.toString(max) : "") : "") + "}";
    }

    private long digits() {
        int startPos = pos;
        long value = 0;
        while (more() && peek() >= '0' && peek() <= '9' && pos - startPos < 9) {
            value = value * 10 + (next() - '0');
        }
        return pos == startPos ? -1 : value;
    }

    boolean more() {
        return pos < cps.length;
    }

    int peek() {
        return cps[pos];
    }

    int next() {
        return cps[pos++];
    }

    void skip() {
        pos++;
    }

    /** The code point {@code ahead} places after the cursor, or -1 past the end. */
    int peekAt(int ahead) {
        return pos + ahead < cps.length ? cps[pos + ahead] : -1;
    }

    SigcException fail(String why) {
        return new SigcException("unsupported-regex", node.span(), "eql: cannot translate regex '" + node.pattern()
                + "' to a Lucene regular expression exactly: " + why + "; rewrite the pattern or use another modifier");
    }
}
