package dev.sigc.backend.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KqlRegexTest {
    static final Span SPAN = new Span("r.yml", 3, 4);

    @ParameterizedTest
    @ValueSource(strings = {
        "abc", "^a.*b$", "a|b", "(a)(?:b)", "[a-z0-9_]+", "[^\\]]", "\\d\\D\\s\\S\\w\\W", "\\bword\\B", "\\Aabc\\z",
        "a*?b+?c??", "a{2}b{2,}c{2,5}?", "\\x41\\x{263a}", "\\p{L}\\P{Nd}", "[\\p{Lu}\\d]", "(?i)a", "(?i:a)",
        "(?-i)a", "(?im-s:a)", "\\.\\*\\\\\\(\\)\\[\\{\\|", "\\t\\n\\r\\f\\a", "a\\-b", "[a\\-z]", "\\_",
        "C:\\\\Windows\\\\System32\\\\.*\\.exe", "é+", "[-a]", "[a-]", "\\/"
    })
    void acceptedUnchanged(String pattern) {
        assertEquals(pattern, KqlRegex.toRe2(pattern, SPAN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "(?<name>a)|(?P<name>a)",
        "\\u0041\\u263A|\\x{0041}\\x{263A}",
        "[\\u0041-\\u005a]|[\\x{0041}-\\x{005a}]",
        "a\\Q.*(\\Eb|a\\.\\*\\(b",
        "\\Q[x|\\[x",
        "\\é|é",
        "\\pL\\PN|\\p{L}\\P{N}",
    })
    void rewritten(String pattern, String expected) {
        assertEquals(expected, KqlRegex.toRe2(pattern, SPAN));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a(?=b)", "a(?!b)", "(?<=a)b", "(?<!a)b", "(a)\\1", "(a)\\9", "(?<n>a)\\k<n>", "(?>ab)", "a*+", "a++", "a?+",
        "a{2}+", "a{2,3}+", "\\Z", "\\G", "\\R", "\\X", "\\h", "\\H", "\\v", "\\V", "\\e", "\\cA", "\\N{LATIN SMALL LETTER A}",
        "\\0101", "(?x)a b", "(?u)a", "(?U)a", "(?d)a", "[[a]]", "[a[b]]", "[a&&b]", "[]a]", "[\\b]", "\\p{Greek}",
        "\\p{IsLatin}", "\\p{Alpha}", "\\p{javaLowerCase}", "a{1001}", "a{1,1001}", "a{2}{3}", "\\E", "[\\Qa\\E]"
    })
    void rejected(String pattern) {
        var e = assertThrows(SigcException.class, () -> KqlRegex.toRe2(pattern, SPAN));
        assertTrue(e.diagnostic().code().equals("unsupported-regex") || e.diagnostic().code().equals("invalid-regex"),
                e.diagnostic().code());
        assertEquals(SPAN, e.diagnostic().span());
        assertTrue(e.getMessage().contains("kql: "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "a)", "[a", "*a", "a{2", "\\", "(?P<n>a)", "(?#c)", "{", "a{,2}", "a**"})
    void invalidInJavaIsInvalidRegex(String pattern) {
        var e = assertThrows(SigcException.class, () -> KqlRegex.toRe2(pattern, SPAN));
        assertEquals("invalid-regex", e.diagnostic().code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a(?=b)", "(a)\\1", "a*+", "(?>a)"})
    void rejectionCodeIsUnsupportedRegex(String pattern) {
        assertEquals("unsupported-regex",
                assertThrows(SigcException.class, () -> KqlRegex.toRe2(pattern, SPAN)).diagnostic().code());
    }
}
