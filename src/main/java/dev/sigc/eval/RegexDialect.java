package dev.sigc.eval;

import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.RegexMatch;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a rule's regular expression (Java syntax, validated by the compiler) so that it means what it
 * means in RE2, the engine behind KQL's {@code matches regex} and the reading the EQL backend translates
 * to. Java and RE2 differ on line breaks only:
 * <ul>
 *   <li>{@code .} excludes only {@code \n} in RE2, every Unicode line terminator in Java: compiled with
 *       {@link Pattern#UNIX_LINES}.</li>
 *   <li>{@code $} without {@code m} is the end of the value in RE2, while Java's also matches before a final
 *       line terminator (and so would PCRE's): rewritten to {@code \z}. UNIX_LINES alone does not change
 *       that.</li>
 *   <li>With {@code m}, RE2's {@code ^} matches after every {@code \n}, even one that ends the value, and
 *       Java's does not: {@code ^} becomes {@code (?<![^\n])} and {@code $} becomes {@code (?![^\n])}.</li>
 * </ul>
 * Inline flag groups ({@code (?m)}, {@code (?-m:...)}) are followed. A pattern using the comments flag
 * {@code x} is compiled as written (no target backend accepts it). Remaining known differences, not
 * rewritten: {@code \s} includes {@code \x0B} in Java, and Java 17's {@code \b} counts non-ASCII letters as
 * word characters while {@code \w} does not.
 */
final class RegexDialect {
    private static final Pattern FLAG_GROUP = Pattern.compile("\\(\\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])");
    private static final String MULTILINE_START = "(?<![^\\n])";
    private static final String MULTILINE_END = "(?![^\\n])";

    private RegexDialect() {}

    static Pattern compile(RegexMatch node) {
        boolean multiline = node.has(RegexFlag.MULTILINE);
        int flags = Pattern.UNIX_LINES;
        flags |= node.has(RegexFlag.IGNORE_CASE) ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        flags |= node.has(RegexFlag.DOTALL) ? Pattern.DOTALL : 0;
        return Pattern.compile(rewriteAnchors(node.pattern(), multiline), flags);
    }

    /** The pattern with {@code ^} and {@code $} outside classes and escapes spelled for RE2's meaning. */
    static String rewriteAnchors(String p, boolean multiline) {
        if (FLAG_GROUP.matcher(p).results().anyMatch(m -> m.group().indexOf('x') >= 0 || m.group().indexOf('X') >= 0)) {
            return p;
        }
        StringBuilder out = new StringBuilder(p.length() + 16);
        Deque<Boolean> groups = new ArrayDeque<>();
        boolean m = multiline;
        int classDepth = 0;
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 < p.length() && p.charAt(i + 1) == 'Q') {
                    int end = p.indexOf("\\E", i + 2);
                    int stop = end < 0 ? p.length() : end + 2;
                    out.append(p, i, stop);
                    i = stop;
                } else {
                    int stop = Math.min(p.length(), i + 2);
                    out.append(p, i, stop);
                    i = stop;
                }
                continue;
            }
            if (classDepth > 0) {
                if (c == '[') {
                    classDepth++;
                } else if (c == ']') {
                    classDepth--;
                }
                out.append(c);
                i++;
                continue;
            }
            switch (c) {
                case '[' -> {
                    classDepth = 1;
                    out.append(c);
                    i++;
                    if (i < p.length() && p.charAt(i) == '^') {
                        out.append('^');
                        i++;
                    }
                    if (i < p.length() && p.charAt(i) == ']') { // a ']' first in a class is literal in Java
                        out.append(']');
                        i++;
                    }
                    continue;
                }
                case '(' -> {
                    Matcher fm = FLAG_GROUP.matcher(p).region(i, p.length());
                    if (fm.lookingAt()) {
                        boolean next = m;
                        if (fm.group(1).indexOf('m') >= 0) {
                            next = true;
                        }
                        if (fm.group(2) != null && fm.group(2).indexOf('m') >= 0) {
                            next = false;
                        }
                        if (fm.group(3).equals(")")) {
                            m = next; // (?m) holds to the end of the enclosing group
                        } else {
                            groups.push(m);
                            m = next;
                        }
                        out.append(fm.group());
                        i = fm.end();
                        continue;
                    }
                    groups.push(m);
                    out.append(c);
                }
                case ')' -> {
                    if (!groups.isEmpty()) {
                        m = groups.pop();
                    }
                    out.append(c);
                }
                case '^' -> out.append(m ? MULTILINE_START : "^");
                case '$' -> out.append(m ? MULTILINE_END : "\\z");
                default -> out.append(c);
            }
            i++;
        }
        return out.toString();
    }
}
