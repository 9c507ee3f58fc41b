package dev.sigc.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every KQL golden must parse and bind with Microsoft's Kusto.Language (npm @kusto/language-service-next,
 * installed into tools/kql-check by the build) against the Defender XDR schema that sigc maps to.
 */
class KustoBindTest {
    @Test
    void everyKqlGoldenParsesAndBinds() throws IOException, InterruptedException {
        List<String> files;
        try (Stream<Path> s = Files.walk(Golden.ROOT.resolve("kql"))) {
            files = s.filter(p -> p.toString().endsWith(".kql")).map(Path::toString).sorted().toList();
        }
        assertTrue(files.size() > 10, "expected the pack's KQL goldens, found " + files.size());
        List<String> cmd = new ArrayList<>(List.of("node", "tools/kql-check/check.js", "--schema",
                "src/main/resources/schemas/defender-xdr.json"));
        cmd.addAll(files);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "kql-check timed out");
        assertEquals(0, p.exitValue(), "Kusto.Language found errors:\n" + output);
        assertTrue(output.contains("kql-check: " + files.size() + " files, 0 errors"), output);
    }
}
