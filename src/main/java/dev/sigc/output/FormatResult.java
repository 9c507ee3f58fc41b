package dev.sigc.output;

import dev.sigc.convert.Converted;
import dev.sigc.convert.Unconverted;
import dev.sigc.diag.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The files a format wrote for a pack, and the problems it met. {@code diagnostics} holds them all;
 * {@code rejected} lists again those that concern one rule, which the files leave out.
 */
public record FormatResult(List<OutputFile> files, List<Diagnostic> diagnostics, List<Unconverted> rejected) {
    public FormatResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        rejected = List.copyOf(rejected);
    }

    public FormatResult(List<OutputFile> files, List<Diagnostic> diagnostics) {
        this(files, diagnostics, List.of());
    }

    /** {@code c}, left out by format {@code format} for {@code problem}. */
    static Unconverted rejection(Converted c, String format, Diagnostic problem) {
        return new Unconverted(c.file(), c.document(), c.mapped().rule(), c.target(), Optional.of(format), problem);
    }
}
