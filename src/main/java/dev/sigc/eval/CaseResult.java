package dev.sigc.eval;

import java.util.Optional;

/**
 * One fixture against one rule: the verdict expected and the one given, on {@code event} (the fixture's
 * event, carried over to the target's field names when testing a target), and for a failure the explanation
 * of the verdict given.
 */
public record CaseResult(Fixture fixture, boolean expected, boolean actual, boolean explicit, Json.Obj event,
                         Optional<Explanation> explanation) {
    public boolean passed() {
        return expected == actual;
    }

    /** {@code expected match, got no match}. */
    public String verdicts() {
        return "expected " + word(expected) + ", got " + word(actual);
    }

    static String word(boolean match) {
        return match ? "match" : "no match";
    }
}
