package dev.sigc.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sigc.output.CapabilityTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/capabilities.md, which the README links, is the table the code prints, below a fixed header. */
class CapabilityDocTest {
    private static final Path DOC = Path.of("docs/capabilities.md");

    @Test
    void theDocumentedTableIsTheGeneratedOne() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int table = doc.indexOf("| construct |");
        String generated = CapabilityTable.render(Backends.all());
        if (Boolean.getBoolean("sigc.golden.update")) {
            Files.writeString(DOC, doc.substring(0, table) + generated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, doc.substring(table), "docs/capabilities.md is out of date: run the tests with "
                + "-Dsigc.golden.update=true and review the diff");
    }
}
