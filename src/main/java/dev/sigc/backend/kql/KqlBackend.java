package dev.sigc.backend.kql;

import dev.sigc.backend.Backend;
import dev.sigc.backend.Capability;
import dev.sigc.backend.Construct;
import dev.sigc.backend.Query;
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.MappedRule;
import java.util.List;
import java.util.Map;

/**
 * KQL for Microsoft Defender XDR advanced hunting (and Sentinel/Log Analytics tables):
 * <pre>
 * DeviceProcessEvents
 * | where ProcessCommandLine contains "x"
 * </pre>
 * The table comes from the pipeline state {@code table}.
 */
public final class KqlBackend implements Backend {

    public KqlBackend() {}

    @Override
    public String id() {
        return "kql";
    }

    @Override
    public String extension() {
        return "kql";
    }

    @Override
    public String defaultPipeline() {
        return "kql-defender.yml";
    }

    @Override
    public Query render(MappedRule rule) {
        String table = rule.state("table").orElseThrow(() -> new SigcException("unmapped-logsource",
                rule.rule().logsource().span(), "kql: no table for logsource " + rule.rule().logsource().describe()
                        + "; add a logsource mapping that sets the table to the pipeline"));
        return new Query(KqlEscaper.identifier(table) + "\n| where " + renderCondition(rule));
    }

    /** The rule's condition as one KQL predicate: the text after {@code | where }. */
    public String renderCondition(MappedRule rule) {
        return new KqlRenderer(rule).renderWhere(rule.condition());
    }

    /** The values as a Kusto dynamic array literal: {@code dynamic(["a", "b"])}. */
    public static String dynamicList(List<String> values) {
        StringBuilder sb = new StringBuilder("dynamic([");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(KqlEscaper.quote(values.get(i)));
        }
        return sb.append("])").toString();
    }

    @Override
    public Map<Construct, Capability> capabilities() {
        return KqlCapabilities.ALL;
    }
}
