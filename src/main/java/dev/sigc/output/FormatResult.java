package dev.sigc.output;

import dev.sigc.diag.Diagnostic;
import java.util.List;

/** The files a format wrote for a pack, and the rules it could not write. */
public record FormatResult(List<OutputFile> files, List<Diagnostic> diagnostics) {
    public FormatResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }
}
