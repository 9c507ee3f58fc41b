package dev.sigc.eval;

import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a fixture file ({@code tests/<scenario>.json}):
 * <pre>
 * {
 *   "description": "what happens and why the verdicts are what they are",
 *   "logsource": {"category": "process_creation", "product": "linux"},
 *   "event": {"Image": "/usr/bin/curl", "CommandLine": "curl http://169.254.169.254/..."},
 *   "expect": {"proc-aws-imds-role-credentials-curl-wget": true, "proc-cloud-instance-identity-discovery": false}
 * }
 * </pre>
 * Every member is required; an unknown member is an error (a misspelt {@code "expected"} must not silently
 * test nothing). Problems are {@link SigcException}s at the offending member.
 */
public final class FixtureLoader {
    /** Largest fixture file read; an event is a few KB. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;
    private static final Set<String> MEMBERS = Set.of("description", "logsource", "event", "expect");
    private static final Set<String> LOGSOURCE = Set.of("category", "product", "service");

    private FixtureLoader() {}

    public static Fixture load(Path path) {
        String file = path.toString().replace('\\', '/');
        String text;
        try {
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new SigcException("file-too-large", new Span(file, 1, 1),
                        "fixture is larger than " + MAX_FILE_BYTES + " bytes");
            }
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SigcException("not-utf8", new Span(file, 1, 1), "file is not valid UTF-8; save it as UTF-8");
        } catch (IOException e) {
            throw new SigcException("io", new Span(file, 0, 0), "cannot read fixture: " + e.getMessage());
        }
        String name = path.getFileName().toString().replaceFirst("\\.json$", "");
        return parse(file, name, text);
    }

    public static Fixture parse(String file, String name, String text) {
        JsonParser.Document doc = JsonParser.parse(file, text);
        Json.Obj root = object(doc, "", doc.root(), "a fixture");
        checkMembers(doc, "", root, MEMBERS, true);
        Map<String, Json> m = root.members();
        String description = string(doc, "/description", m.get("description"));
        Json.Obj ls = object(doc, "/logsource", m.get("logsource"), "\"logsource\"");
        checkMembers(doc, "/logsource", ls, LOGSOURCE, false);
        if (ls.members().isEmpty()) {
            throw new SigcException("bad-fixture", doc.at("/logsource"),
                    "\"logsource\" needs at least a \"category\" (and a \"product\" for product-specific rules)");
        }
        Optional<String> category = optString(doc, "/logsource", ls, "category");
        Optional<String> product = optString(doc, "/logsource", ls, "product");
        Optional<String> service = optString(doc, "/logsource", ls, "service");
        Json.Obj event = object(doc, "/event", m.get("event"), "\"event\"");
        Json.Obj expect = object(doc, "/expect", m.get("expect"), "\"expect\"");
        if (expect.members().isEmpty()) {
            throw new SigcException("bad-fixture", doc.at("/expect"),
                    "\"expect\" names no rule; give at least one \"rule-file-name\": true or false");
        }
        List<Fixture.Expectation> expectations = new ArrayList<>();
        for (Map.Entry<String, Json> e : expect.members().entrySet()) {
            String ptr = JsonParser.pointer("/expect", e.getKey());
            if (!(e.getValue() instanceof Json.Bool b)) {
                throw new SigcException("bad-fixture", doc.at(ptr), "the expected verdict for '" + e.getKey()
                        + "' must be true (the rule matches) or false (it does not)");
            }
            expectations.add(new Fixture.Expectation(e.getKey(), b.value(), doc.at(ptr)));
        }
        return new Fixture(file, name, description, category, product, service, event, expectations, doc.at(""));
    }

    private static void checkMembers(JsonParser.Document doc, String ptr, Json.Obj obj, Set<String> allowed,
                                     boolean allRequired) {
        for (String k : obj.members().keySet()) {
            if (!allowed.contains(k)) {
                String hint = dev.sigc.util.Text.closest(k, allowed).map(s -> " (did you mean \"" + s + "\"?)")
                        .orElse("; a fixture has " + String.join(", ", allowed.stream().sorted().toList()));
                throw new SigcException("bad-fixture", doc.at(JsonParser.pointer(ptr, k)),
                        "unknown member \"" + k + "\"" + hint);
            }
        }
        if (allRequired) {
            for (String k : allowed.stream().sorted().toList()) {
                if (!obj.members().containsKey(k)) {
                    throw new SigcException("bad-fixture", doc.at(ptr), "missing member \"" + k + "\"");
                }
            }
        }
    }

    private static Json.Obj object(JsonParser.Document doc, String ptr, Json v, String what) {
        if (v instanceof Json.Obj o) {
            return o;
        }
        throw new SigcException("bad-fixture", doc.at(ptr), what + " must be a JSON object");
    }

    private static String string(JsonParser.Document doc, String ptr, Json v) {
        if (v instanceof Json.Str s && !s.value().isBlank()) {
            return s.value();
        }
        throw new SigcException("bad-fixture", doc.at(ptr), "\"" + ptr.substring(1) + "\" must be a non-empty string");
    }

    private static Optional<String> optString(JsonParser.Document doc, String ptr, Json.Obj obj, String key) {
        Json v = obj.members().get(key);
        if (v == null) {
            return Optional.empty();
        }
        String p = JsonParser.pointer(ptr, key);
        if (v instanceof Json.Str s && !s.value().isBlank()) {
            return Optional.of(s.value());
        }
        throw new SigcException("bad-fixture", doc.at(p), "\"" + key + "\" must be a non-empty string");
    }
}
