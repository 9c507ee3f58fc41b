package dev.sigc.output;

import dev.sigc.convert.Converted;
import dev.sigc.convert.Unconverted;
import dev.sigc.diag.Diagnostic;
import dev.sigc.diag.SigcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A format that writes one file per rule: {@code <folder>/<pack>/<rule>.<extension>}. */
record PerRuleFormat(String id, Optional<String> target, String summary, String folder, String extension,
                     RuleWriter writer) implements OutputFormat {

    @Override
    public FormatResult render(String pack, List<Converted> rules, FormatOptions options) {
        List<OutputFile> files = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        List<Unconverted> rejected = new ArrayList<>();
        for (Converted c : rules) {
            try {
                String text = writer.write(c.mapped(), c.query());
                files.add(new OutputFile(folder(c) + "/" + c.outputPath(extension(c)), text, id, List.of(c)));
            } catch (SigcException e) {
                diags.add(e.diagnostic());
                rejected.add(FormatResult.rejection(c, id, e.diagnostic()));
            }
        }
        return new FormatResult(files, diags, rejected);
    }

    private String folder(Converted c) {
        return folder.isEmpty() ? c.target() : folder;
    }

    private String extension(Converted c) {
        return extension.isEmpty() ? c.extension() : extension;
    }
}
