package dev.sigc.backend;

/** How a target expresses a construct. */
public enum Support {
    /** With the target's own operator, meaning exactly what Sigma means. */
    EXACT,
    /** With an exact equivalent that reads differently (e.g. a regex or a later filter stage). */
    FALLBACK,
    /** Not at all: a rule using it fails with an error naming the construct and the target. */
    UNSUPPORTED
}
