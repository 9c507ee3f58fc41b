package dev.sigc.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The fields a target has, by table (a Defender table, an ECS field set, a Sysmon event), with types. */
public record Schema(String name, Map<String, Map<String, FieldType>> tables) {
    public Schema {
        Map<String, Map<String, FieldType>> copy = new LinkedHashMap<>();
        tables.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        tables = Collections.unmodifiableMap(copy);
    }

    public Optional<Map<String, FieldType>> table(String table) {
        return Optional.ofNullable(tables.get(table));
    }
}
