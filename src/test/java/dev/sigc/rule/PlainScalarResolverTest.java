package dev.sigc.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/** The fast resolver must tag every plain scalar exactly as SnakeYAML's resolver does. */
class PlainScalarResolverTest {
    private final Resolver snake = new Resolver();
    private final Resolver fast = new PlainScalarResolver();

    private void agree(String value) {
        for (boolean implicit : new boolean[] {true, false}) {
            assertEquals(snake.resolve(NodeId.scalar, value, implicit), fast.resolve(NodeId.scalar, value, implicit),
                    "'" + value + "' implicit=" + implicit);
        }
    }

    @Test
    void agreesOnEveryYaml11SpellingAndItsNeighbours() {
        String[] words = {"yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
            "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL", "~", "y", "n", "Y", "N", "tRUE", "nULL",
            "yes ", "nope", "onn", "offf", "", " ", "<<", "=", "!", "&", "*", ".inf", ".NaN", "0x1F", "0o7", "0b101",
            "1_000", "1e5", "-1", "+.5", "2023-01-02", "2023-1-2 10:00:00", "190:20:30", "\0", "\u00f1", "\u00d6"};
        for (String w : words) {
            agree(w);
            agree(w + "x");
            agree("x" + w);
        }
    }

    @Test
    void agreesOnRandomScalars() {
        Random r = new Random(11);
        String alphabet = "aeflnNoOrstTuyY01-+.~<=!&*_: xXeE\u00e9";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = 1 + r.nextInt(7); n > 0; n--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            agree(b.toString());
        }
    }

    @Test
    void agreesOnEveryPlainScalarOfOurRulePacks() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("sigma-rules"))) {
            files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        List<String> values = new ArrayList<>();
        for (Path f : files) {
            for (Event e : new Yaml(new LoaderOptions()).parse(Files.newBufferedReader(f))) {
                if (e instanceof ScalarEvent s && s.getImplicit().canOmitTagInPlainScalar()) {
                    values.add(s.getValue());
                }
            }
        }
        assertEquals(true, values.size() > 1000, "scalars read: " + values.size());
        values.forEach(this::agree);
    }
}
