package dev.sigc.output;

import dev.sigc.convert.Converted;
import java.util.List;
import java.util.Objects;

/** One file of an output tree: its path under the output folder ({@code /}-separated), text, and the rules in it. */
public record OutputFile(String path, String text, String format, List<Converted> rules) {
    public OutputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        rules = List.copyOf(rules);
    }
}
