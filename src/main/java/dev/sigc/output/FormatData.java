package dev.sigc.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A format's data file ({@code formats/<name>.yml}, bundled): plain YAML read once into maps and lists,
 * with typed getters that fail loudly on a missing or mistyped key, naming the file and the key.
 */
final class FormatData {
    private final String file;
    private final Map<String, Object> root;

    private FormatData(String file, Map<String, Object> root) {
        this.file = file;
        this.root = root;
    }

    static FormatData bundled(String name) {
        String file = "formats/" + name + ".yml";
        try (InputStream in = FormatData.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return new FormatData(file, asMap(doc, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String file() {
        return file;
    }

    String string(String key) {
        return string(root, key);
    }

    int integer(String key) {
        Object v = need(root, key);
        if (!(v instanceof Integer i)) {
            throw bad(key, "a whole number");
        }
        return i;
    }

    boolean bool(String key) {
        Object v = need(root, key);
        if (!(v instanceof Boolean b)) {
            throw bad(key, "true or false");
        }
        return b;
    }

    Map<String, Object> map(String key) {
        return asMap(need(root, key), file + ": " + key);
    }

    List<String> strings(String key) {
        return strings(root, key);
    }

    /** A value under a map key ({@code severity} / {@code medium}), if present. */
    Optional<Object> lookup(String mapKey, String key) {
        return Optional.ofNullable(map(mapKey).get(key));
    }

    String string(Map<String, Object> m, String key) {
        Object v = need(m, key);
        if (v instanceof String || v instanceof Integer || v instanceof Boolean) {
            return v.toString();
        }
        throw bad(key, "a string");
    }

    List<String> strings(Map<String, Object> m, String key) {
        Object v = need(m, key);
        if (!(v instanceof List<?> l)) {
            throw bad(key, "a list");
        }
        return l.stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object v, String what) {
        if (!(v instanceof Map<?, ?>)) {
            throw new IllegalStateException(what + " must be a mapping");
        }
        return (Map<String, Object>) v;
    }

    private Object need(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalStateException(file + ": missing '" + key + "'");
        }
        return v;
    }

    private IllegalStateException bad(String key, String what) {
        return new IllegalStateException(file + ": '" + key + "' must be " + what);
    }
}
