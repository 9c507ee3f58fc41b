package dev.sigc.pipeline;

import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.rule.SigmaValue;
import dev.sigc.util.Text;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Node access with positioned errors, for pipeline and schema files. */
record NodeReader(String file) {
    Span span(Node n) {
        return n == null ? new Span(file, 1, 1)
                : new Span(file, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
    }

    SigcException error(Node n, String message) {
        return new SigcException("bad-pipeline", span(n), message);
    }

    MappingNode mapping(Node n, String what) {
        if (n instanceof MappingNode m) {
            return m;
        }
        throw error(n, what + " must be a mapping");
    }

    List<Node> sequence(Node n, String what) {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        throw error(n, what + " must be a list");
    }

    Map<String, Node> keys(MappingNode m) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String k = string(t.getKeyNode(), "key");
            if (out.put(k, t.getValueNode()) != null) {
                throw error(t.getKeyNode(), "duplicate key '" + k + "'");
            }
        }
        return out;
    }

    Node need(Map<String, Node> keys, String key, Node at) {
        Node n = keys.get(key);
        if (n == null) {
            throw error(at, "missing '" + key + "'");
        }
        return n;
    }

    String string(Node n, String what) {
        if (n instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return s.getValue();
        }
        throw error(n, what + " must be a string");
    }

    Optional<String> optString(Map<String, Node> keys, String key) {
        return keys.containsKey(key) ? Optional.of(string(keys.get(key), key)) : Optional.empty();
    }

    /** Absent: empty; YAML null: present but empty; else the string. */
    Optional<Optional<String>> attribute(Map<String, Node> keys, String key) {
        Node n = keys.get(key);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            return Optional.of(Optional.empty());
        }
        return Optional.of(Optional.of(string(n, key)));
    }

    /** Every key of {@code m} is one of {@code allowed}; else an error at the first other key. */
    void onlyKeys(MappingNode m, List<String> allowed, String what) {
        for (NodeTuple t : m.getValue()) {
            String k = string(t.getKeyNode(), "key");
            if (!allowed.contains(k)) {
                throw error(t.getKeyNode(), "unknown key '" + k + "' in " + what
                        + Text.closest(k, allowed).map(c -> " (did you mean '" + c + "'?)").orElse("")
                        + "; known: " + String.join(", ", allowed));
            }
        }
    }

    boolean bool(Node n, String what) {
        if (n instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
        }
        throw error(n, what + " must be true or false");
    }

    /** An optional {@code and}/{@code or}-style choice: {@code key}'s value, one of two words. */
    String op(Map<String, Node> keys, String key, String dflt) {
        if (!keys.containsKey(key)) {
            return dflt;
        }
        String v = string(keys.get(key), key);
        List<String> choices = switch (key) {
            case "match" -> List.of("plain", "re");
            default -> List.of("and", "or");
        };
        if (!choices.contains(v)) {
            throw error(keys.get(key), key + " must be " + String.join(" or ", choices) + ", not '" + v + "'");
        }
        return v;
    }

    String nonEmptyString(Node n, String what) {
        String s = string(n, what);
        if (s.isEmpty()) {
            throw error(n, what + " must not be empty");
        }
        return s;
    }

    /** One string or a list of one or more. */
    List<String> nonEmptyStrings(Node n, String what) {
        List<String> out = n instanceof SequenceNode ? strings(n, what) : List.of(string(n, what));
        if (out.isEmpty()) {
            throw error(n, what + " must not be empty");
        }
        return out;
    }

    List<String> strings(Node n, String what) {
        return sequence(n, what).stream().map(x -> string(x, what)).toList();
    }

    SigmaValue value(Node n) {
        if (!(n instanceof ScalarNode s)) {
            throw error(n, "a condition value must be a string or a number");
        }
        Span at = span(n);
        if (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT)) {
            try {
                return new SigmaValue.Num(new BigDecimal(s.getValue()), at);
            } catch (NumberFormatException e) {
                throw error(n, "bad number '" + s.getValue() + "'");
            }
        }
        if (s.getTag().equals(Tag.BOOL)) {
            return new SigmaValue.Bool(Boolean.parseBoolean(s.getValue()), at);
        }
        return new SigmaValue.Str(s.getValue(), at);
    }
}
