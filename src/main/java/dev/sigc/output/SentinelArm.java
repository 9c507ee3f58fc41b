package dev.sigc.output;

import dev.sigc.backend.Query;
import dev.sigc.pipeline.MappedRule;
import dev.sigc.util.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -f arm}: the Sentinel rule as an ARM template deploying one
 * {@code Microsoft.OperationalInsights/workspaces/providers/alertRules} resource of kind Scheduled into the
 * workspace given as the {@code workspace} parameter. Same content as {@link SentinelYaml}, ISO 8601 spans.
 */
final class SentinelArm {
    private SentinelArm() {}

    static String write(MappedRule mapped, Query query) {
        Sentinel s = Sentinel.of(mapped, query, "arm");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#");
        root.put("contentVersion", "1.0.0.0");
        root.put("metadata", ordered("generator", "sigc", "sigmaRuleId", s.id(),
                "attackVersion", "MITRE ATT&CK Enterprise v" + s.attackVersion()));
        root.put("parameters", ordered("workspace", ordered("type", "string", "metadata",
                ordered("description", "Name of the Log Analytics workspace where Microsoft Sentinel is enabled"))));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("displayName", s.name());
        props.put("description", s.description());
        props.put("severity", s.severity());
        props.put("enabled", Boolean.TRUE);
        props.put("query", s.query());
        props.put("queryFrequency", Sentinel.iso(s.queryFrequency()));
        props.put("queryPeriod", Sentinel.iso(s.queryPeriod()));
        props.put("triggerOperator", s.armTriggerOperator());
        props.put("triggerThreshold", s.triggerThreshold());
        props.put("suppressionDuration", Sentinel.iso(s.queryFrequency()));
        props.put("suppressionEnabled", Boolean.FALSE);
        props.put("tactics", s.tactics());
        props.put("techniques", s.techniques().stream().map(t -> t.contains(".") ? t.substring(0, t.indexOf('.')) : t)
                .distinct().toList());
        props.put("subTechniques", s.techniques().stream().filter(t -> t.contains(".")).toList());
        if (!s.entities().isEmpty()) {
            props.put("entityMappings", s.entities());
        }
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("type", "Microsoft.OperationalInsights/workspaces/providers/alertRules");
        resource.put("apiVersion", Sentinel.data().string("armApiVersion"));
        resource.put("name", "[concat(parameters('workspace'), '/Microsoft.SecurityInsights/', '" + s.id() + "')]");
        resource.put("kind", "Scheduled");
        resource.put("properties", props);
        root.put("resources", List.of(resource));
        return Json.pretty(root) + "\n";
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
