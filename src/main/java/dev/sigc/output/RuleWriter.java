package dev.sigc.output;

import dev.sigc.backend.Query;
import dev.sigc.pipeline.MappedRule;

/**
 * Writes one rule as one file of a platform's own format. Throws {@link dev.sigc.diag.SigcException} at
 * the rule when the rule lacks what the platform needs (an id, a level) or breaks one of its limits.
 */
@FunctionalInterface
interface RuleWriter {
    String write(MappedRule rule, Query query);
}
