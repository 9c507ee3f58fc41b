package dev.sigc.convert;

import dev.sigc.backend.Query;
import dev.sigc.pipeline.MappedRule;
import java.util.Objects;

/** One rule rendered for one target, with where its output belongs ({@code <pack>/<relative stem>.<ext>}). */
public record Converted(RuleFile file, String target, String extension, int document, MappedRule mapped, Query query) {
    public Converted {
        Objects.requireNonNull(query, "query");
    }

    /** {@code t1552.005/proc-x.kql}; a second rule in the same file gets {@code -2}, and so on. */
    public String outputPath() {
        return outputPath(extension);
    }

    /** The same path with another extension, for output formats that write other files than the query. */
    public String outputPath(String ext) {
        String rel = file.relative();
        int dot = rel.lastIndexOf('.');
        String stem = dot > 0 ? rel.substring(0, dot) : rel;
        return file.pack() + "/" + stem + (document > 0 ? "-" + (document + 1) : "") + "." + ext;
    }
}
