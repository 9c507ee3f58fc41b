package dev.sigc.backend;

import dev.sigc.pipeline.MappedRule;

/**
 * Renders one mapped rule as query text for one target. Implementations are immutable and thread-safe.
 * A construct the target cannot express exactly is reported with a {@link dev.sigc.diag.SigcException}
 * at the construct's position, never approximated.
 */
public interface Backend {
    /** The target id used on the command line: {@code kql}, {@code eql}, {@code spl}. */
    String id();

    /** File extension of a rendered query. */
    String extension();

    /** The pipeline bundled for this target (a resource name under {@code pipelines/}). */
    String defaultPipeline();

    /**
     * Bundled pipelines (resource names under {@code pipelines/}) that take the place of the default one when
     * given with {@code -p}, rather than applying on top of it: a different source of events for the target
     * (e.g. spl-cim.yml, data models instead of raw events).
     */
    default java.util.List<String> alternativePipelines() {
        return java.util.List.of();
    }

    Query render(MappedRule rule);

    /**
     * This target's rating for every {@link Construct}, with a note. A test checks the map is complete and
     * agrees with the conformance suite, so the published table cannot drift from the code.
     */
    java.util.Map<Construct, Capability> capabilities();
}
