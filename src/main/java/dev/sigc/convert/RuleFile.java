package dev.sigc.convert;

import java.nio.file.Path;

/**
 * A rule file found under an input path. {@code pack} is the name of the input folder it was found in (or
 * of the file's own folder, for a file given directly) and {@code relative} its path inside that folder,
 * so outputs can mirror the input tree: {@code <out>/<target>/<pack>/<relative>}.
 */
public record RuleFile(Path path, String pack, String relative) {}
