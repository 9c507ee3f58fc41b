package dev.sigc.backend.eql;

import static dev.sigc.backend.eql.EqlFixtures.AT;
import static dev.sigc.backend.eql.EqlFixtures.fails;
import static dev.sigc.backend.eql.EqlFixtures.re;
import static dev.sigc.backend.eql.EqlFixtures.regexOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigc.ast.RegexFlag;
import dev.sigc.ast.RegexMatch;
import dev.sigc.ast.SigmaString;
import dev.sigc.ast.StrOp;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Sigma regex to Lucene regex. Expected strings are the Lucene text (after EQL unquoting). A semantic
 * check runs each case-sensitive translation against samples: Lucene's whole-value match is emulated with
 * {@code java.util.regex} {@code matches()} under DOTALL (the emitted subset reads the same in both), the
 * reference is a Java {@code find()} of the Sigma pattern with UNIX_LINES (only {@code \n} is a line break).
 */
class LuceneRegexTest {
    private static final List<String> SAMPLES = List.of("", "a", "abc", "xabcx", "ABC", "foo\nbar", "bar\nfoo",
            "foobar", "barfoo", "x.y", "xzy", "a1", "a 1", "a\t1", "a\f1", "\u00e9", "\u00c9", "{}", "a{2}",
            "aa", "aaa", "aaaa", "a\"b", "a@b", "a#b", "a&b", "a~b", "a<1-2>b", "\\", "a\\b", "[x]", "^x$", "-", "x-y",
            "\n", "foo\n\nbar", "C:\\Windows\\System32\\cmd.exe", "cmd.exe", "1234", "12ab", "_", "a_b", "\u000b",
            "xy", "yx", "y");

    @Test
    void unanchoredEndsOpen() {
        assertEquals(".*abc.*", lucene("abc"));
        assertEquals("abc.*", lucene("^abc"));
        assertEquals(".*abc", lucene("abc$"));
        assertEquals("abc", lucene("^abc$"));
        assertEquals(".*", lucene(""));
        assertEquals(".{0}", lucene("^$"));
    }

    @Test
    void topLevelAlternation() {
        assertEquals(".*(a|b).*", lucene("a|b"));
        assertEquals("(a.*|.*b)", lucene("^a|b$"));
        assertEquals("(a|.*b.*|.*c)", lucene("^a$|b|c$"));
        assertEquals(".*(a|.{0}).*", lucene("a|"));
        assertEquals(".*x(a|.{0}|b).*", lucene("x(a||b)"));
        assertEquals("(.{0}|a.*)", lucene("^$|^a"));
    }

    @Test
    void anchorsElsewhereAreRejected() {
        rejects("a^b");
        rejects("a$b");
        rejects("(^a)b");
        rejects("b(a$)");
        rejects("(^a)+");
        rejects("((^a)b)");
        rejects("(?=^a)");
        rejects("^^a");
        rejects("^*a");
        rejects("a$*");
    }

    @Test
    void aGroupThatIsAWholeAlternativeIsReadAtTheTopLevel() {
        assertEquals("a.*", lucene("(^a)"));
        assertEquals(".*a", lucene("(?:a$)"));
        assertEquals("([a-zA-Z]{4}|[a-zA-Z]{8})", lucene("(^[a-zA-Z]{4}$)|(^[a-zA-Z]{8}$)"));
        assertEquals("(a|b.*|.*c.*)", lucene("((^a$)|(?<n>^b))|c"));
        assertEquals(".*(a|b).*", lucene("(a|b)"));
        assertEquals("(.*\n)?a(\n.*)?", lucene("(^a$)", RegexFlag.MULTILINE));
    }

    @Test
    void aLeadingInlineFlagGroupSetsTheFlagsOfTheWholePattern() {
        assertEquals(".*[a-zA-Z]b.*", lucene("(?i)[a-z]b"));
        assertEquals(".*a.b.*", lucene("(?s)a.b"));
        assertEquals("(.*\n)?a.*", lucene("(?m)^a"));
        assertEquals(".*[a-zA-Z].b.*", lucene("(?mis)[a-z].b"));
        assertEquals(".*", lucene("(?i)"));
        assertEquals(RegexTranslator.translate(re("f", "(?i)abc")), RegexTranslator.translate(re("f", "abc",
                RegexFlag.IGNORE_CASE)));
        assertEquals(new RegexTranslator.Translation(".*abc.*", false), RegexTranslator.translate(re("f", "abc")));
        assertEquals(new RegexTranslator.Translation(".*abc.*", true), RegexTranslator.translate(re("f", "(?i)abc")));
        for (String bad : List.of("a(?i)b", "(?i:a)b", "(?x)a", "(?-i)a", "(?ii)a", "(?i)(?s)a", "(?u)a", "(?im")) {
            rejects(bad);
        }
    }

    @Test
    void inlineFlagTranslationsMatchWhatJavaFinds() {
        // regex~ folds ASCII letters: emulated with CASE_INSENSITIVE (ASCII only without UNICODE_CASE)
        List<String> patterns = List.of("(?i)abc", "(?i)^abc$", "(?i)[a-c]x", "(?is)a.c", "(?m)^foo$", "(?i)(^a$)|b",
                "(?i)\\$\\{`?e`?n`?v\\}", "(^[a-zA-Z]{2}$)|(^[a-zA-Z]{4}$)");
        for (String pattern : patterns) {
            RegexTranslator.Translation t = RegexTranslator.translate(re("f", pattern));
            Pattern reference = Pattern.compile(pattern, Pattern.UNIX_LINES);
            Pattern emulated = Pattern.compile(t.regex(), Pattern.DOTALL | (t.ignoreCase() ? Pattern.CASE_INSENSITIVE : 0));
            for (String s : List.of("", "abc", "ABC", "xAbCx", "a\nc", "A\nC", "bx", "Bx", "foo", "x\nfoo\ny",
                    "${env}", "${`E`N`V}", "a", "B", "ab", "AbCd", "abcde", "a1")) {
                assertEquals(reference.matcher(s).find(), emulated.matcher(s).matches(),
                        () -> "pattern " + pattern + " as " + t + " on " + s);
            }
        }
    }

    @Test
    void multilineAnchorsMatchAtLineBreaks() {
        assertEquals("(.*\n)?abc.*", lucene("^abc", RegexFlag.MULTILINE));
        assertEquals(".*abc(\n.*)?", lucene("abc$", RegexFlag.MULTILINE));
        assertEquals(".*abc.*", lucene("abc", RegexFlag.MULTILINE));
    }

    @Test
    void dotExcludesNewlineUnlessDotall() {
        assertEquals(".*a[^\n]b.*", lucene("a.b"));
        assertEquals(".*a.b.*", lucene("a.b", RegexFlag.DOTALL));
    }

    @Test
    void shorthandsBecomeExplicitClasses() {
        assertEquals(".*[0-9][^0-9][0-9A-Z_a-z][^0-9A-Z_a-z][ \t\n\u000b\f\r][^ \t\n\u000b\f\r].*", lucene("\\d\\D\\w\\W\\s\\S"));
        assertEquals(".*[0-9A-Z_a-z\\-].*", lucene("[\\w-]"));
        assertEquals(".*[^0-9 \t\n\u000b\f\r].*", lucene("[^\\d\\s]"));
        rejects("[\\D]");
        rejects("[a-\\d]");
    }

    @Test
    void escapes() {
        assertEquals(".*\t\n\r\f\u0007AB\u00e9.*", lucene("\\t\\n\\r\\f\\a\\x41\\x{42}\\u00e9"));
        assertEquals(".*\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\\\/-.*", lucene("\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\\\\\/\\-"));
        for (String bad : List.of("\\b", "\\B", "\\A", "\\z", "\\Z", "\\G", "\\1", "\\k<n>", "\\p{L}", "\\Q.\\E", "\\v",
                "\\h", "\\R", "\\x4", "\\x{}", "\\x{110000}", "\\ud800", "a\\")) {
            rejects(bad);
        }
    }

    @Test
    void luceneOperatorsAreEscapedAsLiterals() {
        assertEquals(".*\\@\\#\\&\\~\\<1-2\\>\\\"\\^\\$.*", lucene("@#&~<1-2>\"\\^\\$"));
        assertEquals(".*\\]\\}.*", lucene("]}"));
    }

    @Test
    void groups() {
        assertEquals(".*(ab)+.*", lucene("(ab)+"));
        assertEquals(".*(ab)+.*", lucene("(?:ab)+"));
        assertEquals(".*(ab)(cd).*", lucene("(?<x>ab)(?P<y_1>cd)"));
        assertEquals(".*(ab).*", lucene("(?'n'ab)"));
        assertEquals(".*.{0}.*", lucene("()"));
        assertEquals(".*a.{0}.*", lucene("a()*"));
        for (String bad : List.of("a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b", "a(?i)", "(?>a)", "(?#c)", "(?P=x)",
                "(a)\\1", "(a", "a)", "(?<>a)", "(?P<x)")) {
            rejects(bad);
        }
    }

    @Test
    void quantifiers() {
        assertEquals(".*a*b+c?d{2}e{2,}f{2,3}g{3,3}.*", lucene("a*b+c?d{2}e{2,}f{2,3}g{3,3}"));
        assertEquals(".*a*b+c?d{2}.*", lucene("a*?b+?c??d{2}?"));
        for (String bad : List.of("a*+", "a++", "a**", "*a", "+a", "?a", "{2}", "a{", "a{,3}", "a{x}", "a{3,2}",
                "a{2}{3}", "a{99999}")) {
            rejects(bad);
        }
    }

    @Test
    void classes() {
        assertEquals(".*[a-z].*", lucene("[a-z]"));
        assertEquals(".*[^a-z].*", lucene("[^a-z]"));
        assertEquals(".*[\\]a].*", lucene("[]a]"));
        assertEquals(".*[^\\]].*", lucene("[^]]"));
        assertEquals(".*[a\\-].*", lucene("[a-]"));
        assertEquals(".*[\\-a].*", lucene("[-a]"));
        assertEquals(".*[\\.\\*\\+\\?\\(\\)\\{\\}\\|\\@\\#\\&\\~\\<\\>\\\"\\$\\^].*", lucene("[.*+?(){}|@#&~<>\"$^]"));
        assertEquals(".*[\\\\\\]\\[].*", lucene("[\\\\\\]\\[]"));
        assertEquals(".*[\t\n].*", lucene("[\\t\\n]"));
        for (String bad : List.of("[a", "[[:alpha:]]", "[a[b]]", "[a&&b]", "[z-a]", "[\\b]", "[a-")) {
            rejects(bad);
        }
    }

    @Test
    void ignoreCaseWidensRangesAndNonAsciiLetters() {
        assertEquals(".*abc.*", lucene("abc", RegexFlag.IGNORE_CASE));
        assertEquals(".*[a-zA-Z].*", lucene("[a-z]", RegexFlag.IGNORE_CASE));
        assertEquals(".*[^a-fA-F0-9].*", lucene("[^a-f0-9]", RegexFlag.IGNORE_CASE));
        assertEquals(".*[X-cA-Cx-z].*", lucene("[X-c]", RegexFlag.IGNORE_CASE));
        assertEquals(".*[\u00e9\u00c9]t[\u00c9\u00e9].*", lucene("\u00e9t\u00c9", RegexFlag.IGNORE_CASE));
        assertEquals(".*[x\u00e9\u00c9].*", lucene("[x\u00e9]", RegexFlag.IGNORE_CASE));
        assertEquals(".*[\u00e0-\u00ff].*", lucene("[\u00e0-\u00ff]"));
        rejects("[\u00e0-\u00ff]", RegexFlag.IGNORE_CASE);
    }

    @Test
    void sigmaPatternFallback() {
        SigmaString p = SigmaString.parse("a\\*b?c*d");
        assertEquals("a\\*b.c.*d", LuceneRegex.fromPattern(p, StrOp.EQUALS, false));
        assertEquals(".*a\\*b.c.*d.*", LuceneRegex.fromPattern(p, StrOp.CONTAINS, false));
        assertEquals("a\\*b.c.*d.*", LuceneRegex.fromPattern(p, StrOp.STARTS_WITH, false));
        assertEquals(".*a\\*b.c.*d", LuceneRegex.fromPattern(p, StrOp.ENDS_WITH, false));
        assertEquals(".{0}", LuceneRegex.fromPattern(SigmaString.literal(""), StrOp.EQUALS, false));
    }

    @Test
    void translationsMatchWhatTheSigmaRegexFinds() {
        List<String> patterns = List.of("abc", "^abc", "abc$", "^abc$", "a|b", "^foo|bar$", "^x$|y", "a.b", "x.y",
                "^foo.bar$", "\\d+", "^\\d+$", "\\w\\s\\d", "[^a-z]", "^[a-c]+$", "a{2}", "^a{2,3}$", "^a{2,}$",
                "(ab|cd)+", "[]x]", "\\\\", "C:\\\\Windows\\\\.*\\.exe$", "@|#|&|~|<1-2>", "\"", "\\{\\}", "[-]", "^$",
                "", "^", "$", "foo\\nbar", "^(?:a|b)c?$", "(?<n>a)", "a*?b", "[\\s]", "^[^\\n]*$", "y$|^x", "^(a|b|)$", "a()*b", "^$|^a", "x(|y)z");
        for (String pattern : patterns) {
            for (RegexFlag[] flags : List.of(new RegexFlag[0], new RegexFlag[] {RegexFlag.DOTALL},
                    new RegexFlag[] {RegexFlag.MULTILINE})) {
                String lucene = lucene(pattern, flags);
                int javaFlags = Pattern.UNIX_LINES | (flags.length > 0 && flags[0] == RegexFlag.DOTALL ? Pattern.DOTALL : 0)
                        | (flags.length > 0 && flags[0] == RegexFlag.MULTILINE ? Pattern.MULTILINE : 0);
                Pattern reference = Pattern.compile(pattern, javaFlags);
                Pattern emulated = Pattern.compile(lucene, Pattern.DOTALL);
                for (String s : SAMPLES) {
                    if (s.endsWith("\n") && pattern.contains("$")) {
                        continue; // PCRE/Java '$' also matches before a final newline; RE2 and this backend do not
                    }
                    if ((s.isEmpty() || s.endsWith("\n")) && pattern.contains("^") && javaFlags != Pattern.UNIX_LINES
                            && (javaFlags & Pattern.MULTILINE) != 0) {
                        continue; // Java's multiline '^' never matches at the end of input; PCRE, Python, RE2 do
                    }
                    assertEquals(reference.matcher(s).find(), emulated.matcher(s).matches(),
                            () -> "pattern " + pattern + " as " + lucene + " on " + s.replace("\n", "\\n"));
                }
            }
        }
    }

    private static String lucene(String pattern, RegexFlag... flags) {
        return regexOf(re("f", pattern, flags));
    }

    private static void rejects(String pattern, RegexFlag... flags) {
        EnumSet<RegexFlag> set = EnumSet.noneOf(RegexFlag.class);
        set.addAll(List.of(flags));
        fails("unsupported-regex", new RegexMatch("f", pattern, set, AT));
    }
}
