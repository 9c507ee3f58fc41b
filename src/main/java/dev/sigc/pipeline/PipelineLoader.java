package dev.sigc.pipeline;

import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.rule.DetectionItem;
import dev.sigc.rule.SigmaValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads pipeline YAML (bundled under {@code pipelines/} or a user's file) and the JSON schemas they name.
 * Every problem is a {@link SigcException} at the file position of the offending node.
 */
public final class PipelineLoader {
    private PipelineLoader() {}

    /** A pipeline bundled with sigc, by file name (e.g. {@code kql-defender.yml}). */
    public static Pipeline bundled(String name) {
        return parse("pipelines/" + name, resource("pipelines/" + name), Optional.empty());
    }

    public static Pipeline file(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SigcException("io", new Span(path.toString(), 0, 0), "cannot read pipeline: " + e.getMessage());
        }
        return parse(path.toString(), text, Optional.ofNullable(path.toAbsolutePath().getParent()));
    }

    static String resource(String name) {
        try (InputStream in = PipelineLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new SigcException("unknown-pipeline", Span.NONE, "no bundled resource '" + name + "'");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SigcException("io", Span.NONE, "cannot read resource '" + name + "': " + e.getMessage());
        }
    }

    private static Node compose(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        try {
            Node n = new Yaml(options).compose(new StringReader(text));
            if (n == null) {
                throw new SigcException("bad-pipeline", new Span(file, 1, 1), "empty file");
            }
            return n;
        } catch (MarkedYAMLException e) {
            var m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Span at = m == null ? new Span(file, 1, 1) : new Span(file, m.getLine() + 1, m.getColumn() + 1);
            throw new SigcException("yaml-syntax", at, "invalid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new SigcException("yaml-syntax", new Span(file, 1, 1), "invalid YAML: " + e.getMessage());
        }
    }

    static Pipeline parse(String file, String text, Optional<Path> dir) {
        Reader r = new Reader(file);
        MappingNode root = r.mapping(compose(file, text), "pipeline");
        Map<String, Node> keys = r.keys(root);
        String name = keys.containsKey("name") ? r.string(keys.get("name"), "name") : file;
        List<String> requires = keys.containsKey("requires") ? r.strings(keys.get("requires"), "requires") : List.of();
        Optional<Schema> schema = Optional.empty();
        String table = "";
        if (keys.containsKey("schema")) {
            Map<String, Node> s = r.keys(r.mapping(keys.get("schema"), "schema"));
            if (!s.containsKey("file") || !s.containsKey("table")) {
                throw r.error(keys.get("schema"), "schema needs 'file' and 'table'");
            }
            String schemaFile = r.string(s.get("file"), "file");
            schema = Optional.of(schema(r, s.get("file"), schemaFile, dir));
            table = r.string(s.get("table"), "table");
        }
        List<Transformation> steps = new ArrayList<>();
        if (keys.containsKey("transformations")) {
            for (Node n : r.sequence(keys.get("transformations"), "transformations")) {
                steps.add(transformation(r, r.mapping(n, "transformation")));
            }
        }
        Map<String, List<String>> vars = new LinkedHashMap<>();
        if (keys.containsKey("vars")) {
            for (NodeTuple t : r.mapping(keys.get("vars"), "vars").getValue()) {
                String var = r.string(t.getKeyNode(), "variable");
                Node v = t.getValueNode();
                vars.put(var, v instanceof SequenceNode ? r.strings(v, var) : List.of(r.string(v, var)));
            }
        }
        List<String> replaces = keys.containsKey("replaces") ? r.strings(keys.get("replaces"), "replaces") : List.of();
        return new Pipeline(name, file, steps, requires, schema, table, vars, replaces);
    }

    private static Transformation transformation(Reader r, MappingNode m) {
        Map<String, Node> k = r.keys(m);
        String id = k.containsKey("id") ? r.string(k.get("id"), "id") : "";
        if (!k.containsKey("type")) {
            throw r.error(m, "transformation has no 'type'");
        }
        String type = r.string(k.get("type"), "type");
        List<LogsourceCondition> conds = new ArrayList<>();
        if (k.containsKey("rule_conditions")) {
            for (Node c : r.sequence(k.get("rule_conditions"), "rule_conditions")) {
                Map<String, Node> ck = r.keys(r.mapping(c, "rule condition"));
                String ctype = ck.containsKey("type") ? r.string(ck.get("type"), "type") : "";
                if (!ctype.equals("logsource")) {
                    throw r.error(c, "unsupported rule condition type '" + ctype + "'; supported: logsource");
                }
                conds.add(new LogsourceCondition(r.attribute(ck, "category"), r.attribute(ck, "product"),
                        r.attribute(ck, "service")));
            }
        }
        Span span = r.span(m);
        switch (type) {
            case "field_name_mapping" -> {
                Map<String, List<String>> mapping = new LinkedHashMap<>();
                for (NodeTuple t : r.mapping(r.need(k, "mapping", m), "mapping").getValue()) {
                    String from = r.string(t.getKeyNode(), "field");
                    Node v = t.getValueNode();
                    mapping.put(from, v instanceof SequenceNode ? r.strings(v, from) : List.of(r.string(v, from)));
                }
                return new Transformation.FieldNameMapping(id, mapping, conds, span);
            }
            case "set_state" -> {
                return new Transformation.SetState(id, r.string(r.need(k, "key", m), "key"),
                        r.string(r.need(k, "val", m), "val"), conds, span);
            }
            case "add_condition" -> {
                List<DetectionItem> items = new ArrayList<>();
                for (NodeTuple t : r.mapping(r.need(k, "conditions", m), "conditions").getValue()) {
                    String field = r.string(t.getKeyNode(), "field");
                    List<SigmaValue> values = new ArrayList<>();
                    Node v = t.getValueNode();
                    for (Node one : v instanceof SequenceNode s ? s.getValue() : List.of(v)) {
                        values.add(r.value(one));
                    }
                    items.add(new DetectionItem(Optional.of(field), List.of(), values, r.span(t.getKeyNode())));
                }
                return new Transformation.AddCondition(id, items, conds, span);
            }
            case "value_placeholders" -> {
                List<String> include = k.containsKey("include") ? r.strings(k.get("include"), "include") : List.of();
                return new Transformation.ValuePlaceholders(id, include, conds, span);
            }
            default -> throw r.error(k.get("type"), "unknown transformation type '" + type
                    + "'; supported: field_name_mapping, set_state, add_condition, value_placeholders");
        }
    }

    private static Schema schema(Reader r, Node at, String name, Optional<Path> dir) {
        String text;
        String file;
        Path local = dir.map(d -> d.resolve(name)).orElse(null);
        if (local != null && Files.isRegularFile(local)) {
            file = local.toString();
            try {
                text = Files.readString(local, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw r.error(at, "cannot read schema '" + name + "': " + e.getMessage());
            }
        } else {
            file = "schemas/" + name;
            try {
                text = resource(file);
            } catch (SigcException e) {
                throw r.error(at, "no schema '" + name + "' next to the pipeline or bundled with sigc");
            }
        }
        Reader sr = new Reader(file);
        Map<String, Node> root = sr.keys(sr.mapping(compose(file, text), "schema"));
        Map<String, Map<String, FieldType>> tables = new LinkedHashMap<>();
        for (NodeTuple t : sr.mapping(sr.need(root, "tables", null), "tables").getValue()) {
            Map<String, FieldType> cols = new LinkedHashMap<>();
            for (NodeTuple c : sr.mapping(t.getValueNode(), "table").getValue()) {
                String type = sr.string(c.getValueNode(), "type");
                cols.put(sr.string(c.getKeyNode(), "column"), FieldType.parse(type)
                        .orElseThrow(() -> sr.error(c.getValueNode(), "unknown field type '" + type + "'")));
            }
            tables.put(sr.string(t.getKeyNode(), "table"), cols);
        }
        String schemaName = root.containsKey("name") ? sr.string(root.get("name"), "name") : name;
        return new Schema(schemaName, tables);
    }

    /** Node access with positioned errors. */
    private record Reader(String file) {
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
}
