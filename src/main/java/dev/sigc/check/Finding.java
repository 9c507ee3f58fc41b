package dev.sigc.check;

import dev.sigc.diag.Severity;
import dev.sigc.diag.Span;
import java.util.Objects;
import java.util.Optional;

/** One problem a check found, at a file position, in the rule with {@code ruleId} when it has one. */
public record Finding(Check check, Span span, String message, Optional<String> ruleId) {
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(ruleId, "ruleId");
    }

    public Severity severity() {
        return check.severity();
    }

    /** {@code file:line:col: error[check-id]: message}. */
    public String render() {
        return span + ": " + severity().label() + "[" + check.id() + "]: " + message.replace('\n', ' ');
    }
}
