package dev.sigc.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The shortcut for plain one-line scalars must give every position the full alignment gives. */
class YamlSourceTest {
    private static final String TRICKY = "title: x\n"
            + "detection:\n"
            + "    sel:\n"
            + "        CommandLine|contains|all: [a, 'b''c', \"d\\te\"]\n"
            + "        Image|endswith:   '\\\\curl.exe'   \n"
            + "        Émoji|contains: \"\\U0001F600 ok\"\n"
            + "        Path😀|re: x😀y\n"
            + "        Folded: >\n"
            + "            one\n"
            + "            two\n"
            + "        Multi: plain\n"
            + "            continued\n"
            + "    condition: sel and\n"
            + "        not 1 of x*\n"
            + "    other: \ttabbed value  # comment\n";

    @Test
    void shortcutAgreesWithTheAlignmentOnEveryScalar() throws IOException {
        List<String> texts = new ArrayList<>();
        texts.add(TRICKY);
        for (String root : List.of("sigma-rules", "src/test/resources")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                for (Path p : s.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList()) {
                    texts.add(Files.readString(p));
                }
            }
        }
        int scalars = 0;
        int straight = 0;
        for (String text : texts) {
            List<ScalarNode> nodes = new ArrayList<>();
            try {
                for (Node doc : new Yaml(new SafeConstructor(new LoaderOptions())).composeAll(new StringReader(text))) {
                    collect(doc, nodes);
                }
            } catch (RuntimeException e) {
                continue; // a deliberately broken file
            }
            YamlSource src = new YamlSource("f.yml", text);
            for (ScalarNode n : nodes) {
                PositionMap fast = src.positions(n);
                PositionMap full = src.alignedPositions(n);
                for (int i = -1; i <= n.getValue().length() + 1; i++) {
                    assertEquals(full.at(i), fast.at(i), n.getValue() + " @" + i);
                }
                scalars++;
                straight += fast.isStraight() ? 1 : 0;
            }
        }
        // most scalars take the shortcut, so the comparison above covers it well
        assertTrue(scalars > 1000 && straight > scalars / 2, scalars + " scalars, " + straight + " straight");
    }

    private static void collect(Node node, List<ScalarNode> out) {
        if (node instanceof ScalarNode s) {
            out.add(s);
        } else if (node instanceof SequenceNode seq) {
            seq.getValue().forEach(n -> collect(n, out));
        } else if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                collect(t.getKeyNode(), out);
                collect(t.getValueNode(), out);
            }
        }
    }
}
