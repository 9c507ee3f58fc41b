package dev.sigc.pipeline;

import java.util.Locale;
import java.util.Optional;

/** What a target field holds, as far as rendering a comparison needs to know. */
public enum FieldType {
    STRING, NUMBER, BOOL, DATETIME, IP, DYNAMIC, GUID;

    /** Reads a type name from schema data: Kusto names (string, long, int, real, ...) and ECS names (keyword, ip, ...). */
    public static Optional<FieldType> parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "string", "keyword", "text", "wildcard", "match_only_text", "constant_keyword" -> Optional.of(STRING);
            case "long", "int", "integer", "real", "double", "decimal", "float", "short", "byte", "number" ->
                Optional.of(NUMBER);
            case "bool", "boolean" -> Optional.of(BOOL);
            case "datetime", "date", "timestamp" -> Optional.of(DATETIME);
            case "ip" -> Optional.of(IP);
            case "dynamic", "object", "flattened", "nested" -> Optional.of(DYNAMIC);
            case "guid" -> Optional.of(GUID);
            default -> Optional.empty();
        };
    }
}
