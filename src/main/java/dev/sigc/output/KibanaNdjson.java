package dev.sigc.output;

import dev.sigc.convert.Converted;
import dev.sigc.util.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -f ndjson}: a pack's EQL rules for Kibana's detection rule import ({@code Security > Rules >
 * Import rules}, or {@code POST /api/detection_engine/rules/_import}): one rule object per line,
 * {@code ndjson/<pack>.ndjson}. Same content as {@link ElasticToml}, in the import API's field names.
 */
final class KibanaNdjson {
    private KibanaNdjson() {}

    static Map<String, String> write(String pack, List<Converted> rules, FormatOptions options) {
        StringBuilder sb = new StringBuilder();
        for (Converted c : rules) {
            Elastic e = Elastic.of(c.mapped(), c.query(), "ndjson");
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rule_id", e.ruleId());
            r.put("name", e.name());
            r.put("description", e.description());
            r.put("type", "eql");
            r.put("language", "eql");
            r.put("query", e.query());
            r.put("index", e.index());
            r.put("severity", e.severity());
            r.put("risk_score", e.riskScore());
            if (e.buildingBlock()) {
                r.put("building_block_type", "default");
            }
            r.put("enabled", e.enabled());
            r.put("interval", e.interval());
            r.put("from", e.from());
            r.put("to", "now");
            r.put("timestamp_override", e.timestampOverride());
            r.put("author", e.authors());
            r.put("license", e.license());
            r.put("references", e.references());
            r.put("false_positives", e.falsePositives());
            r.put("tags", e.tags());
            r.put("threat", e.threat());
            r.put("max_signals", 100);
            r.put("version", 1);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("generator", "sigc");
            meta.put("sigma_rule_id", e.ruleId());
            meta.put("attack_version", "MITRE ATT&CK Enterprise v" + e.attack().version());
            r.put("meta", meta);
            sb.append(Json.compact(r)).append('\n');
        }
        return Map.of("ndjson/" + pack + ".ndjson", sb.toString());
    }
}
