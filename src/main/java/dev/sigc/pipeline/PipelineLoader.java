package dev.sigc.pipeline;

import dev.sigc.ast.SigmaString;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import dev.sigc.rule.DetectionItem;
import dev.sigc.rule.SigmaValue;
import dev.sigc.util.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

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
        NodeReader r = new NodeReader(file);
        MappingNode root = r.mapping(compose(file, text), "pipeline");
        Map<String, Node> keys = r.keys(root);
        for (NodeTuple t : root.getValue()) {
            String key = r.string(t.getKeyNode(), "key");
            if (key.equals("postprocessing") || key.equals("finalizers")) {
                throw r.error(t.getKeyNode(), "'" + key + "' (query post-processing) is not supported; sigc's output "
                        + "formats (-f) write platform rule files");
            }
        }
        r.onlyKeys(root, TOP_KEYS, "pipeline");
        String name = keys.containsKey("name") ? r.string(keys.get("name"), "name") : file;
        List<String> requires = keys.containsKey("requires") ? r.strings(keys.get("requires"), "requires") : List.of();
        Optional<Schema> schema = Optional.empty();
        List<String> table = List.of();
        if (keys.containsKey("schema")) {
            Map<String, Node> s = r.keys(r.mapping(keys.get("schema"), "schema"));
            if (!s.containsKey("file") || !s.containsKey("table")) {
                throw r.error(keys.get("schema"), "schema needs 'file' and 'table'");
            }
            String schemaFile = r.string(s.get("file"), "file");
            schema = Optional.of(schema(r, s.get("file"), schemaFile, dir));
            // one table, or several: the first that names a table for the rule (see PipelineRunner)
            table = s.get("table") instanceof SequenceNode ? r.strings(s.get("table"), "table")
                    : List.of(r.string(s.get("table"), "table"));
            if (table.isEmpty()) {
                throw r.error(s.get("table"), "schema 'table' needs a table name or state:KEY");
            }
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
        List<String> insteadOf = keys.containsKey("instead_of") ? r.strings(keys.get("instead_of"), "instead_of")
                : List.of();
        return new Pipeline(name, file, steps, requires, schema, table, vars, replaces, insteadOf);
    }

    /** A pipeline file's keys; any other is an error with the closest of these (a typo must not pass unnoticed). */
    private static final List<String> TOP_KEYS = List.of("name", "priority", "requires", "replaces", "instead_of",
            "schema", "vars", "transformations");

    private static final List<String> COMMON_KEYS = List.of("id", "type", "rule_conditions", "rule_cond_op", "rule_cond_not");
    private static final List<String> FIELD_KEYS = List.of("field_name_conditions", "field_name_cond_op",
            "field_name_cond_not");
    /** Each transformation type with its own keys; those marked with fields also take field conditions. */
    private static final Map<String, List<String>> TYPES = new LinkedHashMap<>();
    private static final java.util.Set<String> ON_FIELDS = java.util.Set.of("field_name_mapping", "field_name_prefix",
            "field_name_suffix", "value_placeholders", "drop_detection_item", "replace_string", "map_string",
            "hashes_fields", "detection_item_failure", "detection_item_unless");

    static {
        TYPES.put("field_name_mapping", List.of("mapping"));
        TYPES.put("field_name_prefix", List.of("prefix"));
        TYPES.put("field_name_suffix", List.of("suffix"));
        TYPES.put("set_state", List.of("key", "val"));
        TYPES.put("add_condition", List.of("conditions"));
        TYPES.put("value_placeholders", List.of("include"));
        TYPES.put("drop_detection_item", List.of());
        TYPES.put("replace_string", List.of("regex", "replacement", "skip_special"));
        TYPES.put("map_string", List.of("mapping", "unmapped_failure"));
        TYPES.put("hashes_fields", List.of("algorithms", "message"));
        TYPES.put("change_logsource", List.of("category", "product", "service"));
        TYPES.put("rule_failure", List.of("message"));
        TYPES.put("detection_item_failure", List.of("message"));
        TYPES.put("detection_item_unless", List.of("conditions"));
        TYPES.put("keyword_fields", List.of("fields", "forbid_chars", "message"));
    }

    /** The transformation types a pipeline file may use, in the order the README lists them. */
    public static List<String> transformationTypes() {
        return List.copyOf(TYPES.keySet());
    }

    private static Transformation transformation(NodeReader r, MappingNode m) {
        Map<String, Node> k = r.keys(m);
        String id = k.containsKey("id") ? r.string(k.get("id"), "id") : "";
        if (!k.containsKey("type")) {
            throw r.error(m, "transformation has no 'type'");
        }
        String type = r.string(k.get("type"), "type");
        if (!TYPES.containsKey(type)) {
            throw r.error(k.get("type"), "unknown transformation type '" + type + "'"
                    + Text.closest(type, TYPES.keySet()).map(c -> " (did you mean '" + c + "'?)").orElse("")
                    + "; supported: " + String.join(", ", TYPES.keySet()));
        }
        List<String> allowed = new ArrayList<>(COMMON_KEYS);
        if (ON_FIELDS.contains(type)) {
            allowed.addAll(FIELD_KEYS);
        }
        allowed.addAll(TYPES.get(type));
        r.onlyKeys(m, allowed, "a " + type + " transformation");
        RuleConditions when = ruleConditions(r, k);
        FieldConditions fields = fieldConditions(r, k);
        Span span = r.span(m);
        switch (type) {
            case "field_name_mapping" -> {
                Map<String, List<String>> mapping = new LinkedHashMap<>();
                for (NodeTuple t : r.mapping(r.need(k, "mapping", m), "mapping").getValue()) {
                    String from = r.string(t.getKeyNode(), "field");
                    mapping.put(from, r.nonEmptyStrings(t.getValueNode(), "the fields of '" + from + "'"));
                }
                return new Transformation.FieldNameMapping(id, mapping, fields, when, span);
            }
            case "field_name_prefix", "field_name_suffix" -> {
                boolean prefix = type.equals("field_name_prefix");
                String key = prefix ? "prefix" : "suffix";
                Node n = r.need(k, key, m);
                String text = r.string(n, key);
                if (text.isEmpty()) {
                    throw r.error(n, key + " must not be empty");
                }
                return new Transformation.FieldNameAffix(id, prefix ? text : "", prefix ? "" : text, fields, when, span);
            }
            case "set_state" -> {
                return new Transformation.SetState(id, r.string(r.need(k, "key", m), "key"),
                        r.string(r.need(k, "val", m), "val"), when, span);
            }
            case "add_condition" -> {
                return new Transformation.AddCondition(id, conditions(r, k, m), when, span);
            }
            case "detection_item_unless" -> {
                if (fields.isEmpty()) {
                    throw r.error(m, "detection_item_unless needs field_name_conditions naming the fields whose items "
                            + "it narrows (without them it would narrow every item of every rule)");
                }
                List<DetectionItem> items = conditions(r, k, m);
                if (items.isEmpty()) {
                    throw r.error(k.get("conditions"), "conditions is empty; name at least one field: value");
                }
                return new Transformation.DetectionItemUnless(id, items, fields, when, span);
            }
            case "value_placeholders" -> {
                List<String> include = k.containsKey("include") ? r.strings(k.get("include"), "include") : List.of();
                return new Transformation.ValuePlaceholders(id, include, fields, when, span);
            }
            case "drop_detection_item" -> {
                if (fields.isEmpty()) {
                    throw r.error(m, "drop_detection_item needs field_name_conditions naming the fields whose items to "
                            + "drop (without them it would drop every item of every rule)");
                }
                return new Transformation.DropDetectionItem(id, fields, when, span);
            }
            case "replace_string" -> {
                Node rn = r.need(k, "regex", m);
                String regex = r.string(rn, "regex");
                Pattern pattern;
                try {
                    pattern = Pattern.compile(regex);
                } catch (PatternSyntaxException e) {
                    throw r.error(rn, "invalid regular expression: " + e.getDescription()
                            + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "")
                            + "; fix the pattern (Java regular expression syntax)");
                }
                Node pn = r.need(k, "replacement", m);
                String replacement = replacement(r, pn, r.string(pn, "replacement"), pattern);
                boolean skip = k.containsKey("skip_special") && r.bool(k.get("skip_special"), "skip_special");
                return new Transformation.ReplaceString(id, pattern, replacement, skip, fields, when, span);
            }
            case "map_string" -> {
                Map<SigmaString, List<SigmaString>> mapping = new LinkedHashMap<>();
                for (NodeTuple t : r.mapping(r.need(k, "mapping", m), "mapping").getValue()) {
                    String from = r.string(t.getKeyNode(), "value");
                    List<SigmaString> to = r.nonEmptyStrings(t.getValueNode(), "the values of '" + from + "'").stream()
                            .map(SigmaString::parse).toList();
                    if (mapping.put(SigmaString.parse(from), to) != null) {
                        throw r.error(t.getKeyNode(), "'" + from + "' is mapped twice");
                    }
                }
                Optional<String> unmapped = Optional.empty();
                if (k.containsKey("unmapped_failure")) {
                    if (fields.isEmpty()) {
                        throw r.error(k.get("unmapped_failure"), "unmapped_failure needs field_name_conditions naming "
                                + "the fields whose values must all be mapped (without them every item of every rule "
                                + "would have to be)");
                    }
                    unmapped = Optional.of(r.nonEmptyString(k.get("unmapped_failure"), "unmapped_failure"));
                }
                return new Transformation.MapString(id, mapping, unmapped, fields, when, span);
            }
            case "hashes_fields" -> {
                if (fields.isEmpty()) {
                    throw r.error(m, "hashes_fields needs field_name_conditions naming the hash list fields (e.g. "
                            + "Hashes, Hash); without them it would read every value of every rule as a hash");
                }
                Node an = r.need(k, "algorithms", m);
                Map<String, List<String>> algorithms = new LinkedHashMap<>();
                for (NodeTuple t : r.mapping(an, "algorithms").getValue()) {
                    String name = r.string(t.getKeyNode(), "algorithm");
                    String algo = name.toUpperCase(java.util.Locale.ROOT);
                    if (!HashesFields.LENGTHS.containsKey(algo)) {
                        List<String> known = new ArrayList<>(new java.util.TreeSet<>(HashesFields.LENGTHS.keySet()));
                        throw r.error(t.getKeyNode(), "unknown hash algorithm '" + name + "'"
                                + Text.closest(algo, known).map(c -> " (did you mean '" + c + "'?)").orElse("")
                                + "; Sysmon logs " + String.join(", ", known));
                    }
                    if (algorithms.put(algo, r.nonEmptyStrings(t.getValueNode(), "the fields of '" + name + "'")) != null) {
                        throw r.error(t.getKeyNode(), "algorithm '" + algo + "' is mapped twice");
                    }
                }
                if (algorithms.isEmpty()) {
                    throw r.error(an, "algorithms is empty; map at least one of MD5, SHA1, SHA256, IMPHASH to a field");
                }
                String message = k.containsKey("message") ? r.nonEmptyString(k.get("message"), "message") : "";
                return new Transformation.HashesFields(id, algorithms, message, fields, when, span);
            }
            case "change_logsource" -> {
                Optional<String> category = r.optString(k, "category");
                Optional<String> product = r.optString(k, "product");
                Optional<String> service = r.optString(k, "service");
                if (category.isEmpty() && product.isEmpty() && service.isEmpty()) {
                    throw r.error(m, "change_logsource needs at least one of category, product, service");
                }
                return new Transformation.ChangeLogsource(id, category, product, service, when, span);
            }
            case "rule_failure" -> {
                return new Transformation.RuleFailure(id, r.nonEmptyString(r.need(k, "message", m), "message"), when, span);
            }
            case "detection_item_failure" -> {
                return new Transformation.DetectionItemFailure(id, r.nonEmptyString(r.need(k, "message", m), "message"),
                        fields, when, span);
            }
            case "keyword_fields" -> {
                List<String> names = r.nonEmptyStrings(r.need(k, "fields", m), "fields");
                String forbid = k.containsKey("forbid_chars") ? r.nonEmptyString(k.get("forbid_chars"), "forbid_chars") : "";
                String message = k.containsKey("message") ? r.nonEmptyString(k.get("message"), "message") : "";
                if (!message.isEmpty() && forbid.isEmpty()) {
                    throw r.error(k.get("message"), "'message' explains forbid_chars; give forbid_chars too");
                }
                return new Transformation.KeywordFields(id, names, forbid, message, when, span);
            }
            default -> throw new IllegalStateException(type);
        }
    }

    /** {@code conditions: {field: value | [values]}} as detection items, one per field (a list means OR). */
    private static List<DetectionItem> conditions(NodeReader r, Map<String, Node> k, MappingNode m) {
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
        return items;
    }

    private static RuleConditions ruleConditions(NodeReader r, Map<String, Node> k) {
        List<LogsourceCondition> conds = new ArrayList<>();
        if (k.containsKey("rule_conditions")) {
            for (Node c : r.sequence(k.get("rule_conditions"), "rule_conditions")) {
                MappingNode cm = r.mapping(c, "rule condition");
                Map<String, Node> ck = r.keys(cm);
                String ctype = ck.containsKey("type") ? r.string(ck.get("type"), "type") : "";
                if (!ctype.equals("logsource")) {
                    throw r.error(ck.getOrDefault("type", c), "unsupported rule condition type '" + ctype
                            + "'; supported: logsource");
                }
                r.onlyKeys(cm, List.of("type", "category", "product", "service"), "a logsource rule condition");
                conds.add(new LogsourceCondition(r.attribute(ck, "category"), r.attribute(ck, "product"),
                        r.attribute(ck, "service")));
            }
        }
        boolean and = r.op(k, "rule_cond_op", "or").equals("and");
        boolean not = k.containsKey("rule_cond_not") && r.bool(k.get("rule_cond_not"), "rule_cond_not");
        if (conds.isEmpty() && (k.containsKey("rule_cond_op") || not)) {
            throw r.error(k.getOrDefault("rule_cond_op", k.get("rule_cond_not")), "rule_cond_op and rule_cond_not "
                    + "need rule_conditions");
        }
        return new RuleConditions(conds, and, not);
    }

    private static FieldConditions fieldConditions(NodeReader r, Map<String, Node> k) {
        List<FieldConditions.Condition> conds = new ArrayList<>();
        if (k.containsKey("field_name_conditions")) {
            List<Node> list = r.sequence(k.get("field_name_conditions"), "field_name_conditions");
            if (list.isEmpty()) {
                throw r.error(k.get("field_name_conditions"), "field_name_conditions is empty; leave it out to act on "
                        + "every field");
            }
            for (Node c : list) {
                MappingNode cm = r.mapping(c, "field name condition");
                Map<String, Node> ck = r.keys(cm);
                String ctype = ck.containsKey("type") ? r.string(ck.get("type"), "type") : "";
                if (!ctype.equals("include_fields") && !ctype.equals("exclude_fields")) {
                    throw r.error(ck.getOrDefault("type", c), "unsupported field name condition type '" + ctype
                            + "'; supported: include_fields, exclude_fields");
                }
                r.onlyKeys(cm, List.of("type", "fields", "match"), "a field name condition");
                boolean re = r.op(ck, "match", "plain").equals("re");
                java.util.Set<String> plain = new java.util.HashSet<>();
                List<Pattern> patterns = new ArrayList<>();
                for (Node f : r.sequence(r.need(ck, "fields", c), "fields")) {
                    String name = r.string(f, "field");
                    if (!re) {
                        plain.add(name);
                        continue;
                    }
                    try {
                        patterns.add(Pattern.compile(name));
                    } catch (PatternSyntaxException e) {
                        throw r.error(f, "invalid regular expression: " + e.getDescription()
                                + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
                    }
                }
                if (plain.isEmpty() && patterns.isEmpty()) {
                    throw r.error(ck.get("fields"), "fields is empty");
                }
                conds.add(new FieldConditions.Condition(ctype.equals("include_fields"), plain, patterns));
            }
        }
        boolean or = r.op(k, "field_name_cond_op", "and").equals("or");
        boolean not = k.containsKey("field_name_cond_not") && r.bool(k.get("field_name_cond_not"), "field_name_cond_not");
        if (conds.isEmpty() && (k.containsKey("field_name_cond_op") || not)) {
            throw r.error(k.getOrDefault("field_name_cond_op", k.get("field_name_cond_not")), "field_name_cond_op and "
                    + "field_name_cond_not need field_name_conditions");
        }
        return new FieldConditions(conds, or, not);
    }

    /**
     * Checks a replacement as the Sigma ecosystem writes it: {@code \1} ... {@code \99} insert a group of the
     * match, {@code \\} is a backslash, everything else is literal (see {@link StringValues#expand}).
     */
    private static String replacement(NodeReader r, Node at, String text, Pattern regex) {
        int groups = regex.matcher("").groupCount();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '\\') {
                continue;
            }
            if (i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < text.length() && j < i + 3 && Character.isDigit(text.charAt(j))) {
                j++;
            }
            if (j == i + 1) {
                throw r.error(at, "replacement: a backslash starts a group (\\1 ... \\99) or a backslash (\\\\); "
                        + "write a literal backslash as \\\\");
            }
            int group = Integer.parseInt(text.substring(i + 1, j));
            if (group > groups) {
                throw r.error(at, "replacement refers to group " + group + " but the regex has " + groups + " group(s)");
            }
            i = j - 1;
        }
        return text;
    }

    private static Schema schema(NodeReader r, Node at, String name, Optional<Path> dir) {
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
        NodeReader sr = new NodeReader(file);
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
}
