package dev.sigc.output;

import dev.sigc.convert.Converted;
import dev.sigc.convert.Unconverted;
import dev.sigc.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The output folder of a {@code convert -o DIR} run: every file, plus {@code manifest.json} naming for each
 * file its format, target, pipelines and the rules (id, source path and SHA-256) it came from.
 *
 * <p>Writing is all or nothing: the whole tree is built in a new folder beside DIR, then swapped in with
 * two renames, so a failure at any point leaves the previous DIR as it was. A DIR that is not empty and has
 * no {@code manifest.json} was not written by sigc and is never replaced.
 */
public final class OutputTree {
    public static final String MANIFEST = "manifest.json";

    private OutputTree() {}

    /**
     * @param pipelines the pipeline names applied per target, in order
     * @return relative path to text, sorted, with the manifest
     */
    public static Map<String, String> build(List<OutputFile> files, Map<String, List<String>> pipelines,
                                            String sigcVersion, String attackVersion) {
        return build(files, pipelines, sigcVersion, attackVersion, java.util.Optional.empty());
    }

    /**
     * With {@code skipped} ({@code --skip-unsupported}), the manifest also lists the rules left out: for each, its
     * source, id, title, target, the format that rejected it ({@code null} when the target could not convert it
     * at all, so no format of the target has it), and the error as it would have been reported.
     */
    public static Map<String, String> build(List<OutputFile> files, Map<String, List<String>> pipelines,
                                            String sigcVersion, String attackVersion,
                                            java.util.Optional<List<Unconverted>> skipped) {
        Map<String, String> out = new TreeMap<>();
        List<Object> entries = new ArrayList<>();
        for (OutputFile f : files.stream().sorted(Comparator.comparing(OutputFile::path)).toList()) {
            if (out.put(f.path(), f.text()) != null || f.path().equals(MANIFEST)) {
                throw new IllegalStateException("two outputs for " + f.path());
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("path", f.path());
            e.put("sha256", sha256(f.text().getBytes(StandardCharsets.UTF_8)));
            e.put("format", f.format());
            String target = f.rules().isEmpty() ? "" : f.rules().get(0).target();
            e.put("target", target);
            e.put("pipelines", pipelines.getOrDefault(target, List.of()));
            List<Object> rules = new ArrayList<>();
            for (Converted c : f.rules()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", c.mapped().rule().id().orElse(""));
                r.put("title", c.mapped().rule().title());
                r.put("source", c.file().path().toString().replace('\\', '/'));
                r.put("sourceSha256", sourceSha256(c.file().path()));
                rules.add(r);
            }
            e.put("rules", rules);
            entries.add(e);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("generator", "sigc");
        manifest.put("sigcVersion", sigcVersion);
        manifest.put("attack", "MITRE ATT&CK Enterprise v" + attackVersion);
        manifest.put("files", entries);
        skipped.ifPresent(list -> manifest.put("skipped", list.stream().sorted(Unconverted.ORDER).map(u -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("source", u.file().path().toString().replace('\\', '/'));
            e.put("sourceSha256", sourceSha256(u.file().path()));
            e.put("id", u.rule().id().orElse(""));
            e.put("title", u.rule().title());
            e.put("target", u.target());
            e.put("format", u.format().orElse(null));
            e.put("code", u.diagnostic().code());
            e.put("diagnostic", u.diagnostic().render());
            return (Object) e;
        }).toList()));
        out.put(MANIFEST, Json.pretty(manifest) + "\n");
        return out;
    }

    /** Replaces {@code dir} with a folder holding exactly {@code files}; see the class comment. */
    public static void replace(Path dir, Map<String, String> files) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new IOException("cannot replace the root folder");
        }
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new IOException(dir + " exists and is not a folder");
            }
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent() && !Files.isRegularFile(target.resolve(MANIFEST))) {
                    throw new IOException(dir + " is not empty and has no " + MANIFEST
                            + ", so sigc did not write it; choose a new or empty folder");
                }
            }
        }
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        Path fresh = Files.createTempDirectory(parent, "." + name + ".sigc-new-");
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path dest = fresh.resolve(e.getKey()).normalize();
                if (!dest.startsWith(fresh) || dest.equals(fresh)) {
                    throw new IOException("refusing to write outside the output folder: " + e.getKey());
                }
                Files.createDirectories(dest.getParent());
                Files.writeString(dest, e.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(fresh);
            throw e;
        }
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(parent, "." + name + ".sigc-old-");
            Files.delete(old);
            move(target, old);
        }
        try {
            move(fresh, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target);
            }
            deleteTree(fresh);
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String sourceSha256(Path source) {
        try {
            return sha256(Files.readAllBytes(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
