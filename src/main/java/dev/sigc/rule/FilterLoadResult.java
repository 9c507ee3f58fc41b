package dev.sigc.rule;

import dev.sigc.diag.Diagnostic;
import java.util.List;

/** The meta-filters read from one file and every problem found while reading it. */
public record FilterLoadResult(List<SigmaFilter> filters, List<Diagnostic> diagnostics) {
    public FilterLoadResult {
        filters = List.copyOf(filters);
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
