package dev.sigc.cli;

import dev.sigc.backend.Backend;
import dev.sigc.pipeline.Pipeline;
import dev.sigc.pipeline.PipelineLoader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The pipelines bundled with sigc ({@code resources/pipelines/NAME.yml}), by name. A name starts with its
 * target and a dash ({@code kql-sentinel} is for kql), so {@code -p kql-sentinel -t kql,eql} applies it to
 * kql only. A backend's default pipeline is one of them and always applies first.
 */
final class BundledPipelines {
    private static final String DIR = "pipelines/";
    private static final String EXT = ".yml";

    private BundledPipelines() {}

    /** A pipeline named with {@code -p}: a file, or a bundled pipeline and the target it is for. */
    record Choice(Pipeline pipeline, Optional<String> target) {
        boolean appliesTo(Backend backend) {
            return target.map(backend.id()::equals).orElse(true);
        }
    }

    /** The file at {@code arg}; when there is none and {@code arg} names a bundled pipeline, that one. */
    static Choice resolve(Path arg) {
        String name = arg.toString();
        if (!Files.exists(arg) && names().contains(name)) {
            return new Choice(PipelineLoader.bundled(name + EXT), Optional.of(target(name)));
        }
        return new Choice(PipelineLoader.file(arg), Optional.empty());
    }

    /** The target a bundled pipeline is for: its name up to the first dash. */
    static String target(String name) {
        int dash = name.indexOf('-');
        return dash < 0 ? name : name.substring(0, dash);
    }

    /** Names of the bundled pipelines, sorted; read from the jar (or the class folder when run from a build). */
    static List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        var source = BundledPipelines.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return List.of(); // no listing: a -p argument is then read as a file, which reports what is wrong
        }
        try {
            Path home = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(home)) {
                Path dir = home.resolve(DIR);
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        files.map(f -> f.getFileName().toString()).forEach(f -> add(names, f));
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(home.toFile())) {
                    jar.stream().map(ZipEntry::getName).filter(e -> e.startsWith(DIR) && e.indexOf('/', DIR.length()) < 0)
                            .forEach(e -> add(names, e.substring(DIR.length())));
                }
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            return List.of();
        }
        return new ArrayList<>(names);
    }

    private static void add(TreeSet<String> names, String file) {
        if (file.endsWith(EXT) && file.length() > EXT.length()) {
            names.add(file.substring(0, file.length() - EXT.length()));
        }
    }
}
