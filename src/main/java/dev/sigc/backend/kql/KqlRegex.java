package dev.sigc.backend.kql;

import dev.sigc.backend.Patterns;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks that a rule's regular expression means the same in Java (the reference the rule tests run on) and
 * in RE2 (Kusto's {@code matches regex}), and spells it for RE2. Constructs RE2 lacks, or that the two read
 * differently, are rejected; the few that differ only in spelling are rewritten ({@code (?<n>} to
 * {@code (?P<n>}, {@code \}{@code uXXXX} to {@code \x{XXXX}}, {@code \Q...\E} and escaped non-ASCII
 * characters to plain quoted text).
 *
 * <p>Line breaks are read as RE2 reads them, as the EQL backend does too: only {@code \n} ends a line for
 * {@code .} and {@code (?m)}, and {@code $} without {@code m} is the end of the value (not also the place
 * before a final line break, as in Java and PCRE). Java's wider set of line terminators is not emulated.
 */
final class KqlRegex {
    private KqlRegex() {}

    /** Unicode general categories, the {@code \p} names both engines accept with the same meaning. */
    private static final Set<String> CATEGORIES = Set.of("C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt",
            "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S",
            "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs");
    private static final String ESCAPES_ANYWHERE = "aftnrdDsSwW";
    private static final String ESCAPES_OUTSIDE_CLASS = "bBAz";
    private static final Pattern REPETITION = Pattern.compile("\\{(\\d+)(?:,(\\d*))?}");
    private static final Pattern HEX_ESCAPE = Pattern.compile("\\\\x(?:[0-9A-Fa-f]{2}|\\{[0-9A-Fa-f]{1,6}})");
    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*>");
    private static final Pattern FLAGS = Pattern.compile("[A-Za-z]+(?:-[A-Za-z]+)?[:)]|-[A-Za-z]+[:)]");
    private static final int MAX_REPEAT = 1000;

    /** The pattern for RE2, or a {@link SigcException} saying what cannot be translated exactly. */
    static String toRe2(String pattern, Span span) {
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new SigcException("invalid-regex", span,
                    "kql: invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
        return new Scan(pattern, span).run();
    }

    private static final class Scan {
        private final String p;
        private final Span span;
        private final StringBuilder out = new StringBuilder();
        private int i;
        private boolean inClass;
        /** The previous token was a quantifier (and whether it already had a lazy {@code ?}). */
        private boolean afterQuantifier;
        private boolean lazyTaken;

        Scan(String p, Span span) {
            this.p = p;
            this.span = span;
        }

        String run() {
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == '\\') {
                    escape();
                    afterQuantifier = false;
                } else if (inClass) {
                    classChar(c);
                } else if (c == '[') {
                    openClass();
                    afterQuantifier = false;
                } else if (c == '(') {
                    group();
                    afterQuantifier = false;
                } else if (c == '*' || c == '+' || c == '?' || (c == '{' && REPETITION.matcher(p).region(i, p.length()).lookingAt())) {
                    quantifier(c);
                } else {
                    out.append(c);
                    i++;
                    afterQuantifier = false;
                }
            }
            return out.toString();
        }

        private void escape() {
            if (i + 1 >= p.length()) {
                throw unsupported("a trailing backslash");
            }
            char d = p.charAt(i + 1);
            if (d == 'Q' && !inClass) {
                int end = p.indexOf("\\E", i + 2);
                String text = end < 0 ? p.substring(i + 2) : p.substring(i + 2, end);
                out.append(Patterns.quote(text));
                i = end < 0 ? p.length() : end + 2;
            } else if (d == 'u' && i + 6 <= p.length() && p.substring(i + 2, i + 6).matches("[0-9A-Fa-f]{4}")) {
                out.append("\\x{").append(p, i + 2, i + 6).append('}');
                i += 6;
            } else if (d == 'p' || d == 'P') {
                property(d);
            } else if (d == 'x') {
                Matcher m = HEX_ESCAPE.matcher(p).region(i, p.length());
                if (!m.lookingAt()) {
                    throw unsupported("a malformed '\\x' escape");
                }
                out.append(m.group());
                i = m.end();
            } else if (d >= '1' && d <= '9' || d == 'k' || d == 'g') {
                throw unsupported("backreference '\\" + d + "' (RE2 has no backreferences)");
            } else if (d == '0') {
                throw unsupported("octal escape '\\0' (RE2 and Java read octal differently; write \\xHH)");
            } else if (d < 0x80 && Character.isLetterOrDigit(d)) {
                boolean ok = ESCAPES_ANYWHERE.indexOf(d) >= 0 || (!inClass && ESCAPES_OUTSIDE_CLASS.indexOf(d) >= 0);
                if (!ok) {
                    throw unsupported("escape '\\" + d + "'" + (inClass ? " inside a character class" : "")
                            + " (not supported by RE2, or meaning something else there than in Java)");
                }
                out.append('\\').append(d);
                i += 2;
            } else if (d >= 0x80) {
                // Java: the character itself; RE2 rejects escaped non-ASCII, so drop the needless backslash
                int cp = p.codePointAt(i + 1);
                out.appendCodePoint(cp);
                i += 1 + Character.charCount(cp);
            } else {
                out.append('\\').append(d);
                i += 2;
            }
        }

        private void property(char d) {
            String name;
            int next;
            if (i + 2 < p.length() && p.charAt(i + 2) == '{') {
                int close = p.indexOf('}', i + 3);
                name = close < 0 ? "" : p.substring(i + 3, close);
                next = close + 1;
            } else {
                name = i + 2 < p.length() ? String.valueOf(p.charAt(i + 2)) : "";
                next = i + 3;
            }
            if (!CATEGORIES.contains(name)) {
                throw unsupported("character property '\\" + d + "{" + name + "}' (only Unicode general categories such"
                        + " as \\p{L} or \\p{Nd} mean the same in RE2 and Java)");
            }
            out.append('\\').append(d).append('{').append(name).append('}');
            i = next;
        }

        private void openClass() {
            inClass = true;
            out.append('[');
            i++;
            if (i < p.length() && p.charAt(i) == '^') {
                out.append('^');
                i++;
            }
            if (i < p.length() && p.charAt(i) == ']') {
                throw unsupported("']' first in a character class (escape it as \\])");
            }
        }

        private void classChar(char c) {
            if (c == '[') {
                throw unsupported("'[' inside a character class (a POSIX class in RE2, a union in Java; escape it as \\[)");
            }
            if (c == '&' && i + 1 < p.length() && p.charAt(i + 1) == '&') {
                throw unsupported("'&&' inside a character class (an intersection in Java, two characters in RE2)");
            }
            if (c == ']') {
                inClass = false;
            }
            out.append(c);
            i++;
        }

        private void group() {
            if (i + 1 >= p.length() || p.charAt(i + 1) != '?') {
                out.append('(');
                i++;
                return;
            }
            String rest = p.substring(i + 2);
            if (rest.startsWith(":")) {
                out.append("(?:");
                i += 3;
            } else if (rest.startsWith("=") || rest.startsWith("!") || rest.startsWith("<=") || rest.startsWith("<!")) {
                throw unsupported("lookaround '(?" + rest.charAt(0) + (rest.charAt(0) == '<' ? rest.charAt(1) : "")
                        + "' (RE2 has no lookahead or lookbehind)");
            } else if (rest.startsWith(">")) {
                throw unsupported("atomic group '(?>' (not supported by RE2)");
            } else if (rest.startsWith("<") && GROUP_NAME.matcher(rest).region(1, rest.length()).lookingAt()) {
                out.append("(?P<");
                i += 3;
            } else {
                Matcher m = FLAGS.matcher(rest);
                if (!m.lookingAt()) {
                    throw unsupported("group '(?" + (rest.isEmpty() ? "" : rest.substring(0, 1)) + "' (not supported by RE2)");
                }
                String flags = m.group();
                for (char f : flags.substring(0, flags.length() - 1).toCharArray()) {
                    if (f != 'i' && f != 'm' && f != 's' && f != '-') {
                        throw unsupported("inline flag '" + f + "' (RE2 knows only i, m, s with the same meaning)");
                    }
                }
                out.append("(?").append(flags);
                i += 2 + flags.length();
            }
        }

        private void quantifier(char c) {
            if (afterQuantifier) {
                if (c == '?' && !lazyTaken) {
                    lazyTaken = true;
                    out.append('?');
                    i++;
                    return;
                }
                throw unsupported(c == '+' && !lazyTaken ? "possessive quantifier (not supported by RE2)"
                        : "a quantifier directly after another (not supported by RE2)");
            }
            afterQuantifier = true;
            lazyTaken = false;
            if (c == '{') {
                Matcher m = REPETITION.matcher(p).region(i, p.length());
                m.lookingAt();
                checkCount(m.group(1));
                if (m.group(2) != null && !m.group(2).isEmpty()) {
                    checkCount(m.group(2));
                }
                out.append(m.group());
                i = m.end();
            } else {
                out.append(c);
                i++;
            }
        }

        private void checkCount(String digits) {
            if (digits.length() > 4 || Integer.parseInt(digits) > MAX_REPEAT) {
                throw unsupported("repetition count " + digits + " (RE2 allows at most " + MAX_REPEAT + ")");
            }
        }

        private SigcException unsupported(String what) {
            return new SigcException("unsupported-regex", span,
                    "kql: the regular expression uses " + what + "; rewrite it without this construct");
        }
    }
}
