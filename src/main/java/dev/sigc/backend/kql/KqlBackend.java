package dev.sigc.backend.kql;

import dev.sigc.backend.Backend;
import dev.sigc.backend.Capability;
import dev.sigc.backend.Construct;
import dev.sigc.backend.Query;
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.MappedRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KQL for Microsoft Defender XDR advanced hunting (and Sentinel/Log Analytics tables):
 * <pre>
 * DeviceProcessEvents
 * | where ProcessCommandLine contains "x"
 * </pre>
 * The table comes from the pipeline state {@code table}. Where the state also names a {@code record_format} and
 * a {@code record_column}, the table holds another log's raw records in that column, and the rule's fields are
 * read out of them first (see {@link KqlRecord}).
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
        return new Query(KqlEscaper.identifier(table) + preamble(rule) + "\n| where " + renderCondition(rule));
    }

    /**
     * What comes between the table and the rule's {@code where}: for a table of raw records (see
     * {@link KqlRecord}) the lines that keep the records and read the rule's fields out of them, each
     * starting with a newline; for any other table nothing.
     */
    public String preamble(MappedRule rule) {
        return KqlRecord.of(rule).map(r -> r.preamble(r.keywordsOnRecord(rule))).orElse("");
    }

    /** The rule's condition as one KQL predicate: the text after {@code | where }. */
    public String renderCondition(MappedRule rule) {
        MappedRule r = KqlRecord.of(rule).map(k -> k.keywordsOnRecord(rule)).orElse(rule);
        return new KqlRenderer(r).renderWhere(r.condition());
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
