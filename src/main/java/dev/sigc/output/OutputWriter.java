package dev.sigc.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes output files under a folder. Every file is first written beside its destination under a temporary
 * name; only when all are written are they moved into place, so a failure leaves no half-written file.
 */
public final class OutputWriter {
    private OutputWriter() {}

    /** @param files relative path (with {@code /}) to UTF-8 content */
    public static void write(Path root, Map<String, String> files) throws IOException {
        List<Path[]> staged = new ArrayList<>();
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path dest = root.resolve(e.getKey()).normalize();
                if (!dest.startsWith(root.normalize())) {
                    throw new IOException("refusing to write outside the output folder: " + e.getKey());
                }
                Files.createDirectories(dest.getParent());
                Path tmp = dest.resolveSibling("." + dest.getFileName() + ".sigc-tmp");
                Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
                staged.add(new Path[] {tmp, dest});
            }
            for (Path[] s : staged) {
                try {
                    Files.move(s[0], s[1], StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(s[0], s[1], StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            for (Path[] s : staged) {
                Files.deleteIfExists(s[0]);
            }
        }
    }
}
