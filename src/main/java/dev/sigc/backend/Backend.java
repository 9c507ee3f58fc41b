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

    Query render(MappedRule rule);

    /**
     * This target's rating for every {@link Construct}, with a note. A test checks the map is complete and
     * agrees with the conformance suite, so the published table cannot drift from the code.
     */
    java.util.Map<Construct, Capability> capabilities();
}
