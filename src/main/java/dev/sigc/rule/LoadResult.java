package dev.sigc.rule;

import dev.sigc.diag.Diagnostic;
import java.util.List;

/** The rules read from one file and every problem found while reading it. */
public record LoadResult(List<SigmaRule> rules, List<Diagnostic> diagnostics) {
    public LoadResult {
        rules = List.copyOf(rules);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
