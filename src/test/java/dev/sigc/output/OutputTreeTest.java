package dev.sigc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sigc.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert -o DIR}: one file per rule and format, a manifest, and all-or-nothing replacement of DIR. */
class OutputTreeTest {
    private static final String[] ALL_FORMATS = {"-f", "query,union,sentinel,arm,elastic-toml,ndjson,savedsearches",
            "-t", "kql,eql,spl"};

    @TempDir
    Path dir;

    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return out;
    }

    private CliRun convert(Path out, Path rules) {
        String[] args = new String[ALL_FORMATS.length + 4];
        args[0] = "convert";
        System.arraycopy(ALL_FORMATS, 0, args, 1, ALL_FORMATS.length);
        args[ALL_FORMATS.length + 1] = "-o";
        args[ALL_FORMATS.length + 2] = out.toString();
        args[ALL_FORMATS.length + 3] = rules.toString();
        return CliRun.of(args);
    }

    private Path copyOfPack() throws IOException {
        Path pack = dir.resolve("rules/t1552.005");
        Files.createDirectories(pack);
        try (Stream<Path> s = Files.list(Path.of("sigma-rules/t1552.005"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".yml")).toList()) {
                Files.copy(p, pack.resolve(p.getFileName()));
            }
        }
        return pack;
    }

    @Test
    void aFailingRuleInAPackLeavesTheOldOutputUnchanged() throws IOException {
        Path pack = copyOfPack();
        Path out = dir.resolve("out");
        CliRun first = convert(out, pack);
        assertEquals(0, first.exitCode(), first.err());
        Map<String, String> before = tree(out);
        assertEquals(19 * 3 + 1 + 19 * 3 + 1 + 1 + 1, before.size(), before.keySet().toString());

        // one more rule, good on every target, changes the output ...
        Files.copy(pack.resolve("proc-linux-shell-dev-tcp-imds.yml"), pack.resolve("zz-new.yml"));
        Files.writeString(pack.resolve("zz-new.yml"), Files.readString(pack.resolve("zz-new.yml"))
                .replace("ce9083c0-f908", "ce9083c0-f909").replaceFirst("title: .*", "title: A New Rule"));
        // ... but a broken one in the same run means nothing is written
        Files.writeString(pack.resolve("zz-broken.yml"), "title: Broken\nid: 11111111-2222-4333-8444-555555555555\n"
                + "level: high\nlogsource:\n    category: process_creation\ndetection:\n    sel:\n"
                + "        CommandLine|contians: x\n    condition: sel\n");
        CliRun second = convert(out, pack);
        assertEquals(1, second.exitCode(), second.err());
        assertTrue(second.err().contains("zz-broken.yml:8:21: error: unknown modifier 'contians'"), second.err());
        assertTrue(second.err().contains("nothing written to " + out), second.err());
        assertEquals(before, tree(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count(), "no leftover temporary folder beside the output");
        }

        // fixed, the whole tree is replaced: the new rule is in, and nothing stale is left
        Files.delete(pack.resolve("zz-broken.yml"));
        assertEquals(0, convert(out, pack).exitCode());
        Map<String, String> after = tree(out);
        assertTrue(after.containsKey("sentinel/t1552.005/zz-new.yaml"), after.keySet().toString());
        Files.delete(pack.resolve("zz-new.yml"));
        assertEquals(0, convert(out, pack).exitCode());
        assertEquals(before, tree(out));
    }

    @Test
    void sameInputSameBytesAndAManifestNamingEveryFile() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, convert(a, Path.of("sigma-rules/t1552.005")).exitCode());
        assertEquals(0, convert(b, Path.of("sigma-rules/t1552.005")).exitCode());
        assertEquals(tree(a), tree(b));
        String manifest = Files.readString(a.resolve("manifest.json"));
        assertTrue(manifest.contains("\"path\": \"sentinel/t1552.005/proc-aws-imds-role-credentials-curl-wget.yaml\""));
        assertTrue(manifest.contains("\"source\": \"sigma-rules/t1552.005/proc-aws-imds-role-credentials-curl-wget.yml\""));
        assertTrue(manifest.contains("\"pipelines\": [\n        \"kql-defender\"\n      ]"), manifest);
        assertTrue(manifest.contains("\"attack\": \"MITRE ATT&CK Enterprise v18.1\""), manifest);
        String sha = OutputTree.sha256(Files.readAllBytes(Path.of("sigma-rules/t1552.005/proc-aws-imds-role-credentials-curl-wget.yml")));
        assertTrue(manifest.contains("\"sourceSha256\": \"" + sha + "\""), manifest);
        for (String path : tree(a).keySet()) {
            assertTrue(path.equals("manifest.json") || manifest.contains("\"path\": \"" + path + "\""), path);
        }
    }

    @Test
    void aFolderSigcDidNotWriteIsNeverReplaced() throws IOException {
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        CliRun run = CliRun.of("convert", "-t", "kql", "-o", mine.toString(), "sigma-rules/t1552.005");
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("has no manifest.json"), run.err());
        assertEquals(Map.of("notes.txt", "keep me"), tree(mine));
    }

    @Test
    void aWriteFailureLeavesTheOldTreeAndNoTemporaryFolder() throws IOException {
        Path out = dir.resolve("out");
        OutputTree.replace(out, Map.of("a/x.txt", "1\n", OutputTree.MANIFEST, "{}\n"));
        Map<String, String> before = tree(out);
        // a file and a folder at the same path cannot both be written
        assertThrows(IOException.class, () -> OutputTree.replace(out, new TreeMap<>(Map.of("b", "file\n", "b/c.txt", "x\n"))));
        assertEquals(before, tree(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().contains("sigc-")));
        }
        assertThrows(IOException.class, () -> OutputTree.replace(out, Map.of("../escape.txt", "x")));
        assertEquals(before, tree(out));
    }
}
