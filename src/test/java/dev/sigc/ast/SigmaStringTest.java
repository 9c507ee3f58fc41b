package dev.sigc.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SigmaStringTest {
    private static final SigmaString.Wildcard STAR = SigmaString.Wildcard.ANY_STRING;
    private static final SigmaString.Wildcard ONE = SigmaString.Wildcard.ANY_CHAR;

    private static SigmaString.Text t(String s) {
        return new SigmaString.Text(s);
    }

    @Test
    void wildcardsAndEscapesFollowTheSpecification() {
        assertEquals(List.of(STAR, t("a"), ONE, t("b"), STAR), SigmaString.parse("*a?b*").parts());
        assertEquals(List.of(t("a*b?c")), SigmaString.parse("a\\*b\\?c").parts());
        assertEquals(List.of(t("C:\\Windows\\")), SigmaString.parse("C:\\Windows\\").parts(), "lone backslashes stay");
        assertEquals(List.of(t("a\\"), STAR), SigmaString.parse("a\\\\*").parts(), "\\\\ is one backslash, then a wildcard");
        assertEquals(List.of(STAR), SigmaString.parse("***").parts(), "a run of * is one wildcard");
        assertTrue(SigmaString.parse("").isEmpty());
    }

    @Test
    void printingThenParsingGivesTheSameValue() {
        for (String raw : List.of("a*b", "\\*lit", "x\\\\y", "tail\\", "?", "a\\?b", "\\\\*")) {
            SigmaString s = SigmaString.parse(raw);
            assertEquals(s, SigmaString.parse(s.toSigma()), raw);
        }
    }

    @Test
    void outerStarsAreStripped() {
        SigmaString s = SigmaString.parse("*a*b*");
        assertTrue(s.startsWithStar() && s.endsWithStar());
        assertEquals(List.of(t("a"), STAR, t("b")), s.stripOuterStars().parts());
        assertFalse(s.stripOuterStars().isPlain());
        assertTrue(SigmaString.parse("*").stripOuterStars().isEmpty());
    }

    @Test
    void cidrIsNormalised() {
        assertEquals("10.0.0.0/8", Cidr.parse("10.1.2.3/8").orElseThrow().text());
        assertEquals("fd00:ec2::254/128", Cidr.parse("fd00:0ec2:0:0:0:0:0:0254/128").orElseThrow().text());
        assertTrue(Cidr.parse("169.254.169.254/33").isEmpty());
        assertTrue(Cidr.parse("example.com/8").isEmpty());
        assertTrue(Cidr.parse("1.2.3/8").isEmpty());
    }
}
