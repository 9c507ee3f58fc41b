package dev.sigc.check;

import dev.sigc.diag.SigcException;
import dev.sigc.diag.Span;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Which checks run on which rules, from a YAML file:
 * <pre>
 * disable: [detection-unused]           # checks that never run
 * exclude:
 *   - id: 49dacb3f-f29e-4e60-9e65-b78af915d18e   # a rule, by id
 *   - path: "legacy/**"                  # rules whose file path matches the glob
 *     checks: [wildcard-instead-of-modifier]   # only these checks (all when absent)
 * </pre>
 */
public record CheckConfig(Set<Check> disabled, List<Exclusion> exclusions) {
    public static final CheckConfig DEFAULT = new CheckConfig(Set.of(), List.of());

    /** Rules (by id or path glob) that some checks (all when empty) skip. */
    public record Exclusion(Optional<String> id, Optional<String> pathGlob, Set<Check> checks) {
        boolean covers(Check check, Optional<String> ruleId, String file) {
            if (!checks.isEmpty() && !checks.contains(check)) {
                return false;
            }
            if (id.isPresent()) {
                return ruleId.map(r -> r.equalsIgnoreCase(id.get())).orElse(false);
            }
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pathGlob.orElseThrow());
            String normal = file.replace('\\', '/');
            return m.matches(Path.of(normal)) || m.matches(Path.of(normal).normalize());
        }
    }

    public CheckConfig {
        disabled = disabled.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(disabled));
        exclusions = List.copyOf(exclusions);
    }

    public boolean runs(Check check, Optional<String> ruleId, String file) {
        return !disabled.contains(check) && exclusions.stream().noneMatch(e -> e.covers(check, ruleId, file));
    }

    /** Parses a config file's text; problems are {@code bad-config} errors naming the file. */
    public static CheckConfig parse(String file, String text) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw bad(file, "invalid YAML: " + e.getMessage().replaceAll("\\s+", " "));
        }
        if (doc == null) {
            return DEFAULT;
        }
        if (!(doc instanceof Map<?, ?> root)) {
            throw bad(file, "the config must be a mapping with 'disable' and/or 'exclude'");
        }
        for (Object k : root.keySet()) {
            if (!"disable".equals(k) && !"exclude".equals(k)) {
                throw bad(file, "unknown key '" + k + "'; expected 'disable' or 'exclude'");
            }
        }
        Set<Check> disabled = checks(file, root.get("disable"), "disable");
        List<Exclusion> exclusions = new ArrayList<>();
        Object ex = root.get("exclude");
        if (ex != null) {
            if (!(ex instanceof List<?> list)) {
                throw bad(file, "'exclude' must be a list of {id: ...} or {path: ...}");
            }
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> m) || (m.get("id") == null) == (m.get("path") == null)) {
                    throw bad(file, "each 'exclude' entry needs exactly one of 'id' or 'path'");
                }
                for (Object k : m.keySet()) {
                    if (!List.of("id", "path", "checks").contains(k)) {
                        throw bad(file, "unknown key '" + k + "' in 'exclude'; expected id, path, checks");
                    }
                }
                exclusions.add(new Exclusion(Optional.ofNullable(m.get("id")).map(Object::toString),
                        Optional.ofNullable(m.get("path")).map(Object::toString), checks(file, m.get("checks"), "checks")));
            }
        }
        return new CheckConfig(disabled, exclusions);
    }

    private static Set<Check> checks(String file, Object v, String key) {
        Set<Check> out = EnumSet.noneOf(Check.class);
        if (v == null) {
            return out;
        }
        if (!(v instanceof List<?> list)) {
            throw bad(file, "'" + key + "' must be a list of check ids");
        }
        for (Object o : list) {
            out.add(Check.byId(String.valueOf(o)).orElseThrow(() -> bad(file, "unknown check '" + o
                    + "' (sigc list checks shows them)")));
        }
        return out;
    }

    private static SigcException bad(String file, String message) {
        return new SigcException("bad-config", new Span(file, 0, 0), message);
    }
}
