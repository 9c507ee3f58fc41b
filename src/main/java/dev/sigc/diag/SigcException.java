package dev.sigc.diag;

/**
 * Carries one {@link Diagnostic} out of a deep call; caught by the stage that collects diagnostics. Never
 * escapes to the user as a stack trace.
 */
public final class SigcException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Diagnostic diagnostic;

    public SigcException(Diagnostic diagnostic) {
        super(diagnostic.render(), null, false, false);
        this.diagnostic = diagnostic;
    }

    public SigcException(String code, Span span, String message) {
        this(Diagnostic.error(code, span, message));
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
