package dev.sigc.backend.eql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.testing.AllStrings;
import org.junit.jupiter.api.Test;

/** The hand-written segment check agrees with its regular expression on every short name over edge characters. */
class EqlNameCheckTest {
    @Test
    void plainSegmentLoopMatchesItsPattern() {
        // no EQL keyword can be spelt from these letters, so the pattern alone decides
        for (String name : AllStrings.upTo("AZaz_@09.- é[`", 3)) {
            assertEquals(EqlEscaper.SEGMENT.matcher(name).matches(), EqlEscaper.isPlainSegment(name), name);
        }
        assertTrue(EqlEscaper.isPlainSegment("@timestamp"));
        assertFalse(EqlEscaper.isPlainSegment("and"));
        assertFalse(EqlEscaper.isPlainSegment("Where"));
    }
}
