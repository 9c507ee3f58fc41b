package dev.sigc.output;

import dev.sigc.convert.Converted;
import dev.sigc.convert.Unconverted;
import dev.sigc.diag.Diagnostic;
import dev.sigc.diag.SigcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A format that writes a pack's rules into one file or a few (union query, NDJSON bundle, savedsearches.conf). */
record PackFormat(String id, String targetId, String summary, PackWriter writer) implements OutputFormat {

    /** Renders a whole pack: relative path to text. Throws {@link SigcException} at the first rule it cannot write. */
    @FunctionalInterface
    interface PackWriter {
        Map<String, String> write(String pack, List<Converted> rules, FormatOptions options);
    }

    @Override
    public Optional<String> target() {
        return Optional.of(targetId);
    }

    @Override
    public FormatResult render(String pack, List<Converted> rules, FormatOptions options) {
        List<Converted> mine = rules.stream().filter(c -> c.target().equals(targetId)).toList();
        if (mine.isEmpty()) {
            return new FormatResult(List.of(), List.of());
        }
        List<Diagnostic> diags = new ArrayList<>();
        List<Converted> writable = new ArrayList<>();
        List<Unconverted> rejected = new ArrayList<>();
        // each rule is first written on its own, so that every rule the format rejects is reported
        for (Converted c : mine) {
            try {
                writer.write(pack, List.of(c), options);
                writable.add(c);
            } catch (SigcException e) {
                diags.add(e.diagnostic());
                rejected.add(FormatResult.rejection(c, id, e.diagnostic()));
            }
        }
        List<OutputFile> files = new ArrayList<>();
        if (!writable.isEmpty()) {
            try {
                writer.write(pack, writable, options)
                        .forEach((path, text) -> files.add(new OutputFile(path, text, id, writable)));
            } catch (SigcException e) {
                diags.add(e.diagnostic());
            }
        }
        return new FormatResult(files, diags, rejected);
    }
}
