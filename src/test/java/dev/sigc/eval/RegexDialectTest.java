package dev.sigc.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RegexDialectTest {
    @Test
    void rewritesAnchorsOutsideClassesEscapesAndQuotes() {
        assertEquals("^a\\z", RegexDialect.rewriteAnchors("^a$", false));
        assertEquals("(?<![^\\n])a(?![^\\n])", RegexDialect.rewriteAnchors("^a$", true));
        assertEquals("[$^]\\$\\Q$^\\E[]$]\\z", RegexDialect.rewriteAnchors("[$^]\\$\\Q$^\\E[]$]$", false));
        assertEquals("[a[$]]\\z", RegexDialect.rewriteAnchors("[a[$]]$", false));
    }

    @Test
    void followsInlineFlagGroups() {
        assertEquals("(?m)a(?![^\\n])", RegexDialect.rewriteAnchors("(?m)a$", false));
        assertEquals("(?-m:a\\z)b(?![^\\n])", RegexDialect.rewriteAnchors("(?-m:a$)b$", true));
        assertEquals("(a(?m)b(?![^\\n]))c\\z", RegexDialect.rewriteAnchors("(a(?m)b$)c$", false));
        assertEquals("(?<n>a\\z)|(?=b\\z)", RegexDialect.rewriteAnchors("(?<n>a$)|(?=b$)", false));
        assertEquals("(?x)a$ # $", RegexDialect.rewriteAnchors("(?x)a$ # $", false));
    }
}
