package dev.sigc.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One event under evaluation: a JSON object, with field look-ups cached for the duration of one verdict.
 * Not thread-safe; make one per evaluation (cheap).
 *
 * <p>A field name is a path: {@code process.parent.name} finds {@code {"process": {"parent": {"name": ...}}}},
 * the flat key {@code "process.parent.name"}, and every mix of the two ({@code {"process.parent": {"name":
 * ...}}}), as Elastic documents allow. Through an array the path continues into each element that is an
 * object. Field names are case-sensitive. The values found are flattened: an array contributes each of its
 * elements, so "a field matches" means "any of its values matches".
 */
final class Event {
    private final Json.Obj root;
    private final Map<String, List<Json>> cache = new HashMap<>();
    private List<String> strings;

    Event(Json.Obj root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    Json.Obj root() {
        return root;
    }

    /** Every value the field holds, arrays flattened; empty when the field is absent. May contain JSON null. */
    List<Json> values(String field) {
        return cache.computeIfAbsent(field, f -> {
            List<Json> found = new ArrayList<>();
            resolve(root, f, found);
            List<Json> flat = new ArrayList<>(found.size());
            for (Json v : found) {
                flatten(v, flat, 0);
            }
            return List.copyOf(flat);
        });
    }

    /** Every string anywhere in the event (member values, array elements; not member names), in order. */
    List<String> allStrings() {
        if (strings == null) {
            List<String> out = new ArrayList<>();
            collectStrings(root, out, 0);
            strings = List.copyOf(out);
        }
        return strings;
    }

    private static void resolve(Json.Obj obj, String path, List<Json> out) {
        Json whole = obj.members().get(path);
        if (whole != null) {
            out.add(whole);
        }
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            Json head = obj.members().get(path.substring(0, dot));
            if (head != null) {
                descend(head, path.substring(dot + 1), out, 0);
            }
        }
    }

    private static void descend(Json v, String rest, List<Json> out, int depth) {
        if (v instanceof Json.Obj o) {
            resolve(o, rest, out);
        } else if (v instanceof Json.Arr a && depth < JsonParser.MAX_DEPTH) {
            for (Json e : a.elements()) {
                descend(e, rest, out, depth + 1);
            }
        }
    }

    private static void flatten(Json v, List<Json> out, int depth) {
        if (v instanceof Json.Arr a && depth < JsonParser.MAX_DEPTH) {
            for (Json e : a.elements()) {
                flatten(e, out, depth + 1);
            }
        } else {
            out.add(v);
        }
    }

    private static void collectStrings(Json v, List<String> out, int depth) {
        if (depth > JsonParser.MAX_DEPTH) {
            return;
        }
        if (v instanceof Json.Str s) {
            out.add(s.value());
        } else if (v instanceof Json.Obj o) {
            for (Json m : o.members().values()) {
                collectStrings(m, out, depth + 1);
            }
        } else if (v instanceof Json.Arr a) {
            for (Json e : a.elements()) {
                collectStrings(e, out, depth + 1);
            }
        }
    }
}
