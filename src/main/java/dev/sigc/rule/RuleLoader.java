package dev.sigc.rule;

import dev.sigc.diag.Diagnostic;
import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads Sigma rule files with SnakeYAML's node API, so that every value keeps its file position. A file
 * with several YAML documents gives several rules. Problems become diagnostics; a document with an error
 * gives no rule. Thread-safe: a new parser per call.
 */
public final class RuleLoader {
    /** Largest rule file we read; real rules are a few KB. */
    public static final int MAX_FILE_CHARS = 4 * 1024 * 1024;

    private static final Set<String> KNOWN_KEYS = Set.of("title", "id", "name", "related", "status", "description",
            "license", "author", "references", "date", "modified", "logsource", "detection", "fields",
            "falsepositives", "level", "tags", "scope", "taxonomy");

    public LoadResult load(Path path) {
        String name = path.toString().replace('\\', '/');
        String text;
        try {
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length > MAX_FILE_CHARS) {
                return failed(name, "file-too-large", "file is larger than " + MAX_FILE_CHARS + " bytes; is it a rule?");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed(name, "not-utf8", "file is not valid UTF-8; save it as UTF-8");
        } catch (IOException e) {
            return failed(name, "io", "cannot read file: " + e.getMessage());
        }
        return load(name, text);
    }

    public LoadResult load(String fileName, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        YamlSource src = new YamlSource(fileName, text);
        List<SigmaRule> rules = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        try {
            for (Node doc : documents(text)) {
                if (doc == null) {
                    continue;
                }
                try {
                    List<Diagnostic> docDiags = new ArrayList<>();
                    checkDuplicates(doc, src, docDiags, 0);
                    if (docDiags.isEmpty()) {
                        rules.add(new RuleReader(src, doc).read());
                    }
                    diags.addAll(docDiags);
                } catch (SigcException e) {
                    diags.add(e.diagnostic());
                }
            }
        } catch (MarkedYAMLException e) {
            Span at = e.getProblemMark() != null ? src.span(e.getProblemMark())
                    : e.getContextMark() != null ? src.span(e.getContextMark()) : new Span(fileName, 1, 1);
            String problem = Optional.ofNullable(e.getProblem()).orElse("malformed YAML");
            String context = Optional.ofNullable(e.getContext()).map(c -> " (" + c
                    + (e.getContextMark() != null && e.getProblemMark() != null
                       && e.getContextMark().getLine() != e.getProblemMark().getLine()
                       ? " that starts at line " + (e.getContextMark().getLine() + 1) + ", column "
                         + (e.getContextMark().getColumn() + 1) : "") + ")").orElse("");
            diags.add(Diagnostic.error("yaml-syntax", at, "invalid YAML: " + problem + context));
        } catch (YAMLException e) {
            diags.add(Diagnostic.error("yaml-syntax", new Span(fileName, 1, 1), "invalid YAML: " + oneLine(e.getMessage())));
        }
        if (rules.isEmpty() && diags.isEmpty()) {
            diags.add(Diagnostic.error("empty-file", new Span(fileName, 1, 1), "no YAML document in file"));
        }
        return new LoadResult(rules, diags);
    }

    /** Reads meta-filter documents; any other document in the file is an error. */
    public FilterLoadResult loadFilters(Path path) {
        String name = path.toString().replace('\\', '/');
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new FilterLoadResult(List.of(), List.of(Diagnostic.error("io", new Span(name, 0, 0),
                    "cannot read filter: " + e.getMessage())));
        }
        YamlSource src = new YamlSource(name, text);
        List<SigmaFilter> filters = new ArrayList<>();
        List<Diagnostic> diags = new ArrayList<>();
        try {
            for (Node doc : documents(text)) {
                if (doc == null) {
                    continue;
                }
                try {
                    List<Diagnostic> docDiags = new ArrayList<>();
                    checkDuplicates(doc, src, docDiags, 0);
                    if (docDiags.isEmpty()) {
                        filters.add(new RuleReader(src, doc).readFilter());
                    }
                    diags.addAll(docDiags);
                } catch (SigcException e) {
                    diags.add(e.diagnostic());
                }
            }
        } catch (MarkedYAMLException e) {
            Span at = e.getProblemMark() != null ? src.span(e.getProblemMark()) : new Span(name, 1, 1);
            diags.add(Diagnostic.error("yaml-syntax", at, "invalid YAML: " + Optional.ofNullable(e.getProblem()).orElse("malformed YAML")));
        } catch (YAMLException e) {
            diags.add(Diagnostic.error("yaml-syntax", new Span(name, 1, 1), "invalid YAML: " + oneLine(e.getMessage())));
        }
        return new FilterLoadResult(filters, diags);
    }

    /**
     * The YAML documents of {@code text}, composed one at a time. This is what {@code new Yaml(options).composeAll}
     * does, without building the dumper and object constructor that {@code Yaml} also sets up and we never use.
     */
    private static Iterable<Node> documents(String text) {
        LoaderOptions options = options();
        Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
                RESOLVER, options);
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return composer.checkNode();
            }

            @Override
            public Node next() {
                Node n = composer.getNode();
                if (n == null) {
                    throw new NoSuchElementException("no YAML document");
                }
                return n;
            }
        };
    }

    /**
     * Tags plain scalars (int, bool, null, ...). Building one compiles a dozen patterns; after construction it is
     * only read (a map lookup and {@code Pattern.matcher}), so one instance serves every file and thread.
     */
    private static final Resolver RESOLVER = new PlainScalarResolver();

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both positions
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(64);
        options.setCodePointLimit(MAX_FILE_CHARS);
        return options;
    }

    private static LoadResult failed(String file, String code, String message) {
        return new LoadResult(List.of(), List.of(Diagnostic.error(code, new Span(file, 1, 1), message)));
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** A repeated key silently replaces the earlier one in most YAML readers, changing the detection. */
    private static void checkDuplicates(Node node, YamlSource src, List<Diagnostic> out, int depth) {
        if (depth > 64) {
            return;
        }
        if (node instanceof MappingNode m) {
            Map<String, Node> seen = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    Node first = seen.putIfAbsent(k.getValue(), k);
                    if (first != null) {
                        out.add(Diagnostic.error("duplicate-key", src.span(k), "duplicate key '" + k.getValue()
                                + "' (first at line " + (first.getStartMark().getLine() + 1)
                                + "); YAML keeps only one of them — merge the two or rename one"));
                    }
                }
                checkDuplicates(t.getValueNode(), src, out, depth + 1);
            }
        } else if (node instanceof SequenceNode s) {
            for (Node n : s.getValue()) {
                checkDuplicates(n, src, out, depth + 1);
            }
        }
    }

    static boolean isKnownKey(String key) {
        return KNOWN_KEYS.contains(key);
    }
}
