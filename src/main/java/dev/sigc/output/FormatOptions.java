package dev.sigc.output;

import java.util.Objects;

/** Options some formats take from the command line: {@code lookback} for the KQL union pack. */
public record FormatOptions(String lookback) {
    public static final FormatOptions DEFAULT = new FormatOptions("1d");

    public FormatOptions {
        Objects.requireNonNull(lookback, "lookback");
    }
}
