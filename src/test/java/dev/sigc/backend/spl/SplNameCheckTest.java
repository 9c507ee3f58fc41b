package dev.sigc.backend.spl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.testing.AllStrings;
import org.junit.jupiter.api.Test;

/** The hand-written search-field check agrees with its regular expression on every short name over edge characters. */
class SplNameCheckTest {
    @Test
    void searchFieldLoopMatchesItsPattern() {
        // no reserved word can be spelt from these letters, so the pattern alone decides
        for (String name : AllStrings.upTo("AZaz_@09.- é[`", 3)) {
            assertEquals(SplStrings.SEARCH_FIELD.matcher(name).matches(), SplStrings.isSearchField(name), name);
        }
        assertTrue(SplStrings.isSearchField("winlog.event_data.Image"));
        assertFalse(SplStrings.isSearchField("OR"));
    }
}
