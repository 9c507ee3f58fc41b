package dev.sigc.rule;

import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
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

/** Turns one composed YAML document into a {@link SigmaRule}; throws {@link SigcException} at the first problem. */
final class RuleReader {
    private final YamlSource src;
    private final Node doc;

    RuleReader(YamlSource src, Node doc) {
        this.src = src;
        this.doc = doc;
    }

    SigmaRule read() {
        if (!(doc instanceof MappingNode root)) {
            throw error("not-a-rule", doc, "a Sigma rule must be a YAML mapping (title:, logsource:, detection: ...)");
        }
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple t : root.getValue()) {
            keys.put(keyText(t.getKeyNode()), t);
        }
        if (keys.containsKey("correlation")) {
            throw error("unsupported-document", keys.get("correlation").getKeyNode(),
                    "correlation rules are not supported yet; convert the base rules on their own");
        }
        if (keys.containsKey("filter")) {
            throw error("filter-document", keys.get("filter").getKeyNode(),
                    "this is a Sigma filter document, not a rule; pass it with --filter");
        }
        if (keys.containsKey("action")) {
            throw error("unsupported-document", keys.get("action").getKeyNode(),
                    "Sigma v1 'action' documents are not supported; write each rule as a complete document");
        }
        String title = requiredString(keys, "title", root);
        LogSource logsource = logsource(required(keys, "logsource", root));
        Detection detection = detection(required(keys, "detection", root));
        Map<String, Object> custom = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : keys.entrySet()) {
            if (!RuleLoader.isKnownKey(e.getKey())) {
                custom.put(e.getKey(), plain(e.getValue().getValueNode()));
            }
        }
        Map<String, Span> spans = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> e : keys.entrySet()) {
            Node v = e.getValue().getValueNode();
            spans.put(e.getKey(), src.span(v));
            if (v instanceof SequenceNode seq) {
                for (int i = 0; i < seq.getValue().size(); i++) {
                    spans.put(e.getKey() + "." + i, src.span(seq.getValue().get(i)));
                }
            }
        }
        if (keys.get("detection").getValueNode() instanceof MappingNode det) {
            for (NodeTuple t : det.getValue()) {
                spans.putIfAbsent("detection." + keyText(t.getKeyNode()), src.span(t.getKeyNode()));
            }
        }
        return new SigmaRule(src.file(), src.span(root), title, optString(keys, "id"), optString(keys, "name"),
                related(keys.get("related")), optString(keys, "status"), optString(keys, "description"),
                optString(keys, "license"), optString(keys, "author"), stringList(keys, "references"),
                optString(keys, "date"), optString(keys, "modified"), logsource, detection, stringList(keys, "fields"),
                stringList(keys, "falsepositives"), optString(keys, "level"), stringList(keys, "tags"),
                stringList(keys, "scope"), custom, spans);
    }

    /** Reads the document as a meta-filter ({@code filter:} with {@code rules:}, selections, condition). */
    SigmaFilter readFilter() {
        if (!(doc instanceof MappingNode root)) {
            throw error("not-a-filter", doc, "a Sigma filter must be a YAML mapping (title:, logsource:, filter: ...)");
        }
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple t : root.getValue()) {
            keys.put(keyText(t.getKeyNode()), t);
        }
        String title = requiredString(keys, "title", root);
        LogSource logsource = logsource(required(keys, "logsource", root));
        MappingNode filter = mapping(required(keys, "filter", root), "filter");
        NodeTuple rules = null;
        for (NodeTuple t : filter.getValue()) {
            if (keyText(t.getKeyNode()).equals("rules")) {
                rules = t;
            }
        }
        if (rules == null) {
            throw error("missing-rules", filter, "filter has no 'rules' (the ids or names of the rules it applies to)");
        }
        List<String> names = new ArrayList<>();
        for (Node n : rules.getValueNode() instanceof SequenceNode seq ? seq.getValue() : List.of(rules.getValueNode())) {
            names.add(scalarText(n, "rules entry"));
        }
        return new SigmaFilter(src.file(), src.span(root), title, optString(keys, "id"), logsource, names,
                src.span(rules.getKeyNode()), detection(filter, java.util.Set.of("rules")));
    }

    // ---- detection

    private Detection detection(Node node) {
        return detection(node, java.util.Set.of());
    }

    private Detection detection(Node node, java.util.Set<String> skip) {
        MappingNode m = mapping(node, "detection");
        Map<String, DetectionNode> identifiers = new LinkedHashMap<>();
        List<ConditionText> conditions = new ArrayList<>();
        for (NodeTuple t : m.getValue()) {
            String key = keyText(t.getKeyNode());
            Node value = t.getValueNode();
            if (skip.contains(key)) {
                continue;
            }
            if (key.equals("condition")) {
                conditions.addAll(conditions(value));
            } else if (key.equals("timeframe")) {
                throw error("unsupported-timeframe", t.getKeyNode(),
                        "'timeframe' belongs to deprecated aggregations; use a correlation rule instead");
            } else {
                identifiers.put(key, detectionNode(value, key));
            }
        }
        if (conditions.isEmpty()) {
            throw error("missing-condition", m, "detection has no 'condition'; add e.g. 'condition: selection'");
        }
        if (identifiers.isEmpty()) {
            throw error("no-search-identifier", m, "detection defines no search identifier (e.g. 'selection:')");
        }
        return new Detection(identifiers, conditions, src.span(m));
    }

    private List<ConditionText> conditions(Node value) {
        List<ConditionText> out = new ArrayList<>();
        if (value instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            out.add(new ConditionText(s.getValue(), src.positions(s)));
        } else if (value instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
            for (Node n : seq.getValue()) {
                if (!(n instanceof ScalarNode s) || !s.getTag().equals(Tag.STR)) {
                    throw error("bad-condition", n, "each condition must be a string");
                }
                out.add(new ConditionText(s.getValue(), src.positions(s)));
            }
        } else {
            throw error("bad-condition", value, "condition must be a string or a list of strings");
        }
        return out;
    }

    private DetectionNode detectionNode(Node value, String name) {
        if (value instanceof MappingNode m) {
            List<DetectionItem> items = new ArrayList<>();
            for (NodeTuple t : m.getValue()) {
                items.add(item(t));
            }
            if (items.isEmpty()) {
                throw error("empty-search-identifier", m, "search identifier '" + name + "' is empty");
            }
            return new DetectionNode.AllOf(items, src.span(m));
        }
        if (value instanceof SequenceNode seq) {
            if (seq.getValue().isEmpty()) {
                throw error("empty-search-identifier", seq, "search identifier '" + name + "' is an empty list");
            }
            List<DetectionNode> elements = new ArrayList<>();
            List<SigmaValue> keywords = new ArrayList<>();
            Span keywordsAt = Span.NONE;
            for (Node n : seq.getValue()) {
                if (n instanceof ScalarNode s) {
                    if (keywords.isEmpty()) {
                        keywordsAt = src.span(s);
                    }
                    keywords.add(value(s));
                    continue;
                }
                if (!keywords.isEmpty()) {
                    elements.add(keywordNode(keywords, keywordsAt));
                    keywords = new ArrayList<>();
                }
                if (n instanceof MappingNode) {
                    elements.add(detectionNode(n, name));
                } else {
                    throw error("bad-search-identifier", n,
                            "a list under '" + name + "' may hold maps of field: value, or plain keywords, not nested lists");
                }
            }
            if (!keywords.isEmpty()) {
                elements.add(keywordNode(keywords, keywordsAt));
            }
            return elements.size() == 1 ? elements.get(0) : new DetectionNode.AnyOf(elements, src.span(seq));
        }
        if (value instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return keywordNode(List.of(value(s)), src.span(s));
        }
        throw error("bad-search-identifier", value, "search identifier '" + name
                + "' must be a map of field: value, or a list");
    }

    private static DetectionNode keywordNode(List<SigmaValue> values, Span at) {
        return new DetectionNode.AllOf(List.of(new DetectionItem(Optional.empty(), List.of(), values, at)), at);
    }

    private DetectionItem item(NodeTuple t) {
        if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
            throw error("bad-field", t.getKeyNode(), "a detection key must be a plain 'field|modifier' string");
        }
        String key = keyNode.getValue();
        PositionMap pos = src.positions(keyNode);
        String[] pieces = key.split("\\|", -1);
        List<Modifier> modifiers = new ArrayList<>();
        int offset = pieces[0].length() + 1;
        for (int i = 1; i < pieces.length; i++) {
            if (pieces[i].isEmpty()) {
                throw new SigcException("bad-modifier", pos.at(offset), "empty modifier in '" + key + "'");
            }
            modifiers.add(new Modifier(pieces[i], pos.at(offset)));
            offset += pieces[i].length() + 1;
        }
        Optional<String> field = pieces[0].isEmpty() ? Optional.empty() : Optional.of(pieces[0]);
        Node v = t.getValueNode();
        List<SigmaValue> values = new ArrayList<>();
        if (v instanceof ScalarNode s) {
            values.add(value(s));
        } else if (v instanceof SequenceNode seq) {
            if (seq.getValue().isEmpty()) {
                throw error("empty-value-list", seq, "'" + key + "' has an empty list of values, which matches nothing");
            }
            for (Node n : seq.getValue()) {
                if (!(n instanceof ScalarNode s)) {
                    throw error("bad-value", n, "values of '" + key + "' must be plain values (strings, numbers, booleans, null)");
                }
                values.add(value(s));
            }
        } else {
            throw error("bad-value", v, "'" + key + "' must have a value or a list of values, not a map");
        }
        return new DetectionItem(field, modifiers, values, src.span(keyNode));
    }

    private SigmaValue value(ScalarNode s) {
        Span at = src.span(s);
        Tag tag = s.getTag();
        String text = s.getValue();
        if (tag.equals(Tag.NULL)) {
            return new SigmaValue.Null(at);
        }
        if (tag.equals(Tag.BOOL)) {
            String t = text.toLowerCase(java.util.Locale.ROOT);
            return new SigmaValue.Bool(t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y"), at);
        }
        if (tag.equals(Tag.INT)) {
            return new SigmaValue.Num(integer(text, s), at);
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return new SigmaValue.Num(new BigDecimal(text.replace("_", "")), at);
            } catch (NumberFormatException e) {
                throw error("bad-number", s, "number '" + text + "' cannot be used in a detection; quote it if it is text");
            }
        }
        return new SigmaValue.Str(text, at); // strings, and timestamps and the like as written
    }

    private BigDecimal integer(String text, ScalarNode s) {
        String t = text.replace("_", "");
        boolean negative = t.startsWith("-");
        String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        try {
            BigInteger v;
            if (digits.startsWith("0x")) {
                v = new BigInteger(digits.substring(2), 16);
            } else if (digits.startsWith("0o")) {
                v = new BigInteger(digits.substring(2), 8);
            } else if (digits.matches("[0-9]+")) {
                v = new BigInteger(digits);
            } else {
                throw new NumberFormatException(text);
            }
            return new BigDecimal(negative ? v.negate() : v);
        } catch (NumberFormatException e) {
            throw error("bad-number", s, "number '" + text + "' cannot be used in a detection; quote it if it is text");
        }
    }

    // ---- metadata

    private LogSource logsource(Node node) {
        MappingNode m = mapping(node, "logsource");
        Map<String, String> v = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String k = keyText(t.getKeyNode());
            if (t.getValueNode() instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
                v.put(k, s.getValue());
            } else if (!(t.getValueNode() instanceof ScalarNode)) {
                throw error("bad-logsource", t.getValueNode(), "logsource '" + k + "' must be a string");
            }
        }
        if (!v.containsKey("category") && !v.containsKey("product") && !v.containsKey("service")) {
            throw error("bad-logsource", m, "logsource needs at least one of category, product, service");
        }
        return new LogSource(Optional.ofNullable(v.get("category")), Optional.ofNullable(v.get("product")),
                Optional.ofNullable(v.get("service")), Optional.ofNullable(v.get("definition")), src.span(m));
    }

    private List<Related> related(NodeTuple t) {
        if (t == null) {
            return List.of();
        }
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
            throw error("bad-related", t.getValueNode(), "'related' must be a list of {id, type}");
        }
        List<Related> out = new ArrayList<>();
        for (Node n : seq.getValue()) {
            MappingNode m = mapping(n, "related entry");
            String id = "";
            String type = "";
            for (NodeTuple e : m.getValue()) {
                String k = keyText(e.getKeyNode());
                String v = scalarText(e.getValueNode(), "related " + k);
                if (k.equals("id")) {
                    id = v;
                } else if (k.equals("type")) {
                    type = v;
                }
            }
            out.add(new Related(id, type));
        }
        return out;
    }

    private Node required(Map<String, NodeTuple> keys, String key, Node at) {
        NodeTuple t = keys.get(key);
        if (t == null) {
            throw error("missing-" + key, at, "rule has no '" + key + "'");
        }
        return t.getValueNode();
    }

    private String requiredString(Map<String, NodeTuple> keys, String key, Node at) {
        String v = scalarText(required(keys, key, at), key);
        if (v.isBlank()) {
            throw error("missing-" + key, keys.get(key).getValueNode(), "'" + key + "' is empty");
        }
        return v;
    }

    private Optional<String> optString(Map<String, NodeTuple> keys, String key) {
        NodeTuple t = keys.get(key);
        if (t == null || (t.getValueNode() instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
            return Optional.empty();
        }
        return Optional.of(scalarText(t.getValueNode(), key));
    }

    private List<String> stringList(Map<String, NodeTuple> keys, String key) {
        NodeTuple t = keys.get(key);
        if (t == null || (t.getValueNode() instanceof ScalarNode s && s.getTag().equals(Tag.NULL))) {
            return List.of();
        }
        if (t.getValueNode() instanceof ScalarNode s) {
            return List.of(s.getValue());
        }
        if (!(t.getValueNode() instanceof SequenceNode seq)) {
            throw error("bad-" + key, t.getValueNode(), "'" + key + "' must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Node n : seq.getValue()) {
            out.add(scalarText(n, key + " entry"));
        }
        return out;
    }

    private String scalarText(Node n, String what) {
        if (!(n instanceof ScalarNode s)) {
            throw error("bad-value", n, "'" + what + "' must be a single value");
        }
        return s.getValue();
    }

    private MappingNode mapping(Node n, String what) {
        if (!(n instanceof MappingNode m)) {
            throw error("bad-" + what.replace(' ', '-'), n, "'" + what + "' must be a mapping");
        }
        return m;
    }

    private String keyText(Node key) {
        if (!(key instanceof ScalarNode s)) {
            throw error("bad-key", key, "keys must be plain strings");
        }
        return s.getValue();
    }

    /** Plain Java value of a node, for custom attributes. */
    private static Object plain(Node n) {
        if (n instanceof ScalarNode s) {
            return s.getValue();
        }
        if (n instanceof SequenceNode seq) {
            return seq.getValue().stream().map(RuleReader::plain).toList();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) n).getValue()) {
            m.put(t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?", plain(t.getValueNode()));
        }
        return m;
    }

    private SigcException error(String code, Node at, String message) {
        return new SigcException(code, src.span(at), message);
    }
}
