package dev.sigc.backend.eql;

import dev.sigc.backend.Backend;
import dev.sigc.backend.Capability;
import dev.sigc.backend.Construct;
import dev.sigc.backend.Query;
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.MappedRule;
import dev.sigc.rule.LogSource;
import java.util.Map;

/**
 * Elasticsearch EQL over ECS fields, as used by Elastic Security rules:
 * {@code <category> where <condition>} on one line. The event category is the pipeline state
 * {@code category} ({@code process}, {@code network}, {@code file}, {@code registry}, {@code library},
 * {@code dns}, ... or {@code any}).
 */
public final class EqlBackend implements Backend {

    public EqlBackend() {
        // stateless
    }

    @Override
    public String id() {
        return "eql";
    }

    @Override
    public String extension() {
        return "eql";
    }

    @Override
    public String defaultPipeline() {
        return "eql-ecs.yml";
    }

    @Override
    public Query render(MappedRule rule) {
        LogSource logsource = rule.rule().logsource();
        String category = rule.state("category").orElseThrow(() -> new SigcException("unmapped-logsource",
                logsource.span(), "eql: no event category for logsource " + logsource.describe()
                        + "; map the logsource to an event category (pipeline state 'category', or 'any')"));
        String condition = new EqlRenderer(rule).render(FieldRefGuards.apply(rule.condition()));
        return new Query(EqlEscaper.category(category, logsource.span()) + " where " + condition);
    }

    @Override
    public Map<Construct, Capability> capabilities() {
        return EqlCapabilities.ALL;
    }
}
