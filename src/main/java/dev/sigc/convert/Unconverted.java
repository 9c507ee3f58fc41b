package dev.sigc.convert;

import dev.sigc.diag.Diagnostic;
import dev.sigc.rule.SigmaRule;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid rule that one target, or one output format of it, could not take: the rule's logsource or a field is
 * not mapped, or it uses a construct the target cannot express exactly. {@code format} is empty when the rule
 * did not convert for the target at all (so no format of the target has it), and names the format that
 * rejected an otherwise converted rule. The diagnostic is the error as reported without
 * {@code --skip-unsupported}. Broken rules (bad YAML, conditions, modifiers) are never {@code Unconverted}.
 */
public record Unconverted(RuleFile file, int document, SigmaRule rule, String target, Optional<String> format,
                          Diagnostic diagnostic) {
    /** Source path, document, target, then format: the same order on every machine. */
    public static final Comparator<Unconverted> ORDER = Comparator
            .comparing((Unconverted u) -> u.file().path().toString().replace('\\', '/'))
            .thenComparingInt(Unconverted::document).thenComparing(Unconverted::target)
            .thenComparing(u -> u.format().orElse(""));

    public Unconverted {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(diagnostic, "diagnostic");
    }

    /** The same problem as a warning that says the rule was left out. */
    public Diagnostic asSkipped() {
        return Diagnostic.warning("skipped", diagnostic.span(), "skipped" + format.map(f -> " by format " + f).orElse("")
                + ": " + diagnostic.message());
    }
}
