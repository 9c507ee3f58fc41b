package dev.sigc.convert;

import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds rule files (.yml, .yaml) under the paths given on the command line, in a stable order. */
public final class RuleFiles {
    private RuleFiles() {}

    public static List<RuleFile> find(List<Path> inputs) {
        List<RuleFile> out = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isRegularFile(input)) {
                Path parent = input.toAbsolutePath().normalize().getParent();
                String pack = parent == null || parent.getFileName() == null ? "rules" : parent.getFileName().toString();
                out.add(new RuleFile(input, pack, input.getFileName().toString()));
            } else if (Files.isDirectory(input)) {
                Path abs = input.toAbsolutePath().normalize();
                String pack = abs.getFileName() == null ? "rules" : abs.getFileName().toString();
                try (Stream<Path> walk = Files.walk(input)) {
                    // the relative name is computed once per file, not once per comparison of the sort
                    walk.filter(p -> isRule(p) && !inTestsFolder(input.relativize(p)) && Files.isRegularFile(p))
                            .map(p -> new RuleFile(p, pack, input.relativize(p).toString().replace('\\', '/')))
                            .sorted(Comparator.comparing(RuleFile::relative))
                            .forEach(out::add);
                } catch (IOException e) {
                    throw new SigcException("io", new Span(input.toString(), 0, 0), "cannot read folder: " + e.getMessage());
                }
            } else {
                throw new SigcException("io", new Span(input.toString(), 0, 0), "no such file or folder");
            }
        }
        return out;
    }

    private static boolean isRule(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yml") || n.endsWith(".yaml");
    }

    /** A pack's {@code tests/} folder holds events for rule tests, not rules. */
    private static boolean inTestsFolder(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("tests")) {
                return true;
            }
        }
        return false;
    }
}
