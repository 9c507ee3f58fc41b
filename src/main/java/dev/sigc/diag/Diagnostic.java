package dev.sigc.diag;

import java.util.Objects;

/**
 * One problem found in an input, with where it is. {@code code} is a stable kebab-case id such as
 * {@code unknown-modifier}; {@code message} says what is wrong and, where it can, what to do.
 */
public record Diagnostic(Severity severity, String code, Span span, String message) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(String code, Span span, String message) {
        return new Diagnostic(Severity.ERROR, code, span, message);
    }

    public static Diagnostic warning(String code, Span span, String message) {
        return new Diagnostic(Severity.WARNING, code, span, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error: message}, one line. */
    public String render() {
        return span + ": " + severity.label() + ": " + message.replace('\n', ' ');
    }
}
