package dev.sigc.backend;

import java.util.Objects;

/** A target's rating for one construct, with a short note on how (or why not). */
public record Capability(Support support, String note) {
    public Capability {
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(note, "note");
    }

    public static Capability exact(String note) {
        return new Capability(Support.EXACT, note);
    }

    public static Capability fallback(String note) {
        return new Capability(Support.FALLBACK, note);
    }

    public static Capability unsupported(String note) {
        return new Capability(Support.UNSUPPORTED, note);
    }
}
