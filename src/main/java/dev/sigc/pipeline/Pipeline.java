package dev.sigc.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A processing pipeline read from YAML: transformations in order, the state keys a rule must end up
 * with ({@code requires}), and the schema that the mapped fields are checked against. {@code schemaTable}
 * names the schema table: a fixed name, or {@code state:KEY} to take it from the state; of several, the first
 * that names a table (a fixed name, or a state key the rule has) is used. {@code vars} are
 * the values of placeholders ({@code %name%} in values with the {@code expand} modifier). {@code replaces}
 * names earlier pipelines whose transformations do not apply to a rule that this pipeline maps (one of
 * its transformations applies to the rule's logsource): the pipeline takes those logsources over.
 * {@code insteadOf} names earlier pipelines that do not apply at all when this one is given: a different source
 * of events for the target (spl-cim searches data models instead of spl-sysmon's raw events).
 */
public record Pipeline(String name, String source, List<Transformation> transformations, List<String> requires,
                       Optional<Schema> schema, List<String> schemaTable, java.util.Map<String, List<String>> vars,
                       List<String> replaces, List<String> insteadOf) {
    public Pipeline {
        Objects.requireNonNull(name, "name");
        vars = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(vars));
        transformations = List.copyOf(transformations);
        requires = List.copyOf(requires);
        replaces = List.copyOf(replaces);
        insteadOf = List.copyOf(insteadOf);
        schemaTable = List.copyOf(schemaTable);
    }

    public Pipeline(String name, String source, List<Transformation> transformations, List<String> requires,
                    Optional<Schema> schema, List<String> schemaTable, java.util.Map<String, List<String>> vars) {
        this(name, source, transformations, requires, schema, schemaTable, vars, List.of(), List.of());
    }
}
