package dev.sigc.output;

import dev.sigc.attack.AttackData;
import dev.sigc.attack.RuleAttack;
import dev.sigc.attack.Tactic;
import dev.sigc.attack.Technique;
import dev.sigc.backend.Query;
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.MappedRule;
import dev.sigc.rule.SigmaRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule as a Microsoft Sentinel scheduled analytics rule, in the Azure-Sentinel repository's field names
 * and order; {@link SentinelYaml} and {@link SentinelArm} write it. Limits are Sentinel's: name 256
 * characters, description 5000, query 10000, schedule 5m..14d with period >= frequency.
 */
record Sentinel(String id, String name, String description, String severity, String table, List<String> connectors,
                String queryFrequency, String queryPeriod, String triggerOperator, int triggerThreshold,
                List<String> tactics, List<String> techniques, String query, List<Map<String, Object>> entityMappings,
                String version, String attackVersion) {
    static final int MAX_NAME = 256;
    static final int MAX_DESCRIPTION = 5000;
    static final int MAX_QUERY = 10000;
    private static final Pattern SPAN = Pattern.compile("([1-9][0-9]{0,4})([mhd])");

    private static final class Data {
        static final FormatData SENTINEL = check(FormatData.bundled("sentinel"));
    }

    static FormatData data() {
        return Data.SENTINEL;
    }

    static Sentinel of(MappedRule mapped, Query query, String format) {
        SigmaRule rule = mapped.rule();
        FormatData data = data();
        String id = Need.uuid(rule, format);
        String name = Need.maxLength(rule.title(), MAX_NAME, rule, "title", "the title", format);
        String description = Need.maxLength(rule.description().orElse(rule.title()), MAX_DESCRIPTION, rule,
                "description", "the description", format);
        String level = Need.level(rule, format);
        String severity = data.lookup("severity", level).map(Object::toString).orElseThrow(() ->
                new SigcException("format-unmapped", rule.spanOf("level"), format + " has no severity for level '" + level + "'"));
        String table = mapped.state("table").orElseThrow(() -> new IllegalStateException("KQL rule without table"));
        // one connector id, or several where Sentinel has more than one that fills the table (legacy and AMA)
        Object c = Need.mapped(data.lookup("connectors", table), rule, "logsource",
                "data connector for table " + table + " (add it to formats/sentinel.yml)", format);
        List<String> connectors = c instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of(c.toString());
        String text = Need.maxLength(query.text() + "\n", MAX_QUERY, rule, "detection", "the query", format);
        RuleAttack attack = RuleAttack.of(rule.tags(), AttackData.bundled());
        if (!attack.unresolved().isEmpty()) {
            throw new SigcException("attack-unknown-id", rule.spanOf("tags"), format + ": '"
                    + attack.unresolved().get(0) + "' is not a current technique of " + AttackData.describe()
                    + " (sigc check says more)");
        }
        List<String> tactics = new ArrayList<>();
        for (Tactic t : attack.allTactics()) {
            tactics.add(sentinelTactic(t));
        }
        List<String> techniques = attack.techniques().stream().map(Technique::id).toList();
        List<Map<String, Object>> entities = new ArrayList<>();
        Object e = FormatData.asMap(data.map("entities"), data.file() + ": entities").get(table);
        if (e instanceof List<?> list) {
            for (Object o : list) {
                entities.add(FormatData.asMap(o, data.file() + ": entities." + table));
            }
        }
        return new Sentinel(id, name, description, severity, table, connectors, data.string("queryFrequency"),
                data.string("queryPeriod"), data.string("triggerOperator"), data.integer("triggerThreshold"),
                tactics, techniques, text, entities, data.string("version"), attack.version());
    }

    /** {@code Credential Access} -> {@code CredentialAccess}, Sentinel's tactic names. */
    static String sentinelTactic(Tactic t) {
        StringBuilder sb = new StringBuilder();
        for (String w : t.name().split(" ")) {
            if (w.equalsIgnoreCase("and")) {
                sb.append("And");
            } else if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.toString();
    }

    /** Minutes of a Sentinel timespan such as {@code 5m}, {@code 1h}, {@code 1d}. */
    static long minutes(String span) {
        Matcher m = SPAN.matcher(span);
        if (!m.matches()) {
            throw new IllegalStateException("not a timespan like 5m, 1h or 1d: '" + span + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> n;
            case "h" -> n * 60;
            default -> n * 1440;
        };
    }

    /** {@code 1h} -> {@code PT1H}, {@code 1d} -> {@code P1D}. */
    static String iso(String span) {
        Matcher m = SPAN.matcher(span);
        if (!m.matches()) {
            throw new IllegalStateException("not a timespan: " + span);
        }
        return m.group(2).equals("d") ? "P" + m.group(1) + "D" : "PT" + m.group(1) + m.group(2).toUpperCase(java.util.Locale.ROOT);
    }

    private static FormatData check(FormatData d) {
        long f = minutes(d.string("queryFrequency"));
        long p = minutes(d.string("queryPeriod"));
        long max = 14 * 1440;
        if (f < 5 || f > max || p < 5 || p > max) {
            throw new IllegalStateException(d.file() + ": queryFrequency and queryPeriod must be between 5m and 14d");
        }
        if (p < f) {
            throw new IllegalStateException(d.file() + ": queryPeriod must be at least queryFrequency");
        }
        if (p >= 2 * 1440 && f < 60) {
            throw new IllegalStateException(d.file() + ": a queryPeriod of 2d or more needs a queryFrequency of at least 1h");
        }
        int threshold = d.integer("triggerThreshold");
        if (threshold < 0 || threshold > 10000) {
            throw new IllegalStateException(d.file() + ": triggerThreshold must be 0..10000");
        }
        if (!List.of("gt", "lt", "eq", "ne").contains(d.string("triggerOperator"))) {
            throw new IllegalStateException(d.file() + ": triggerOperator must be gt, lt, eq or ne");
        }
        if (!d.string("version").matches("[0-9]+\\.[0-9]+\\.[0-9]+")) {
            throw new IllegalStateException(d.file() + ": version must look like 1.0.0");
        }
        return d;
    }

    /** {@code gt} -> {@code GreaterThan}, the ARM spelling. */
    String armTriggerOperator() {
        return switch (triggerOperator) {
            case "gt" -> "GreaterThan";
            case "lt" -> "LessThan";
            case "eq" -> "Equal";
            default -> "NotEqual";
        };
    }

    /** Entity mappings with their field mappings as plain ordered maps, for either writer. */
    List<Map<String, Object>> entities() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> e : entityMappings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("entityType", e.get("entityType").toString());
            List<Map<String, Object>> fields = new ArrayList<>();
            for (Object f : (List<?>) e.get("fieldMappings")) {
                Map<String, Object> fm = FormatData.asMap(f, "fieldMappings");
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("identifier", fm.get("identifier").toString());
                x.put("columnName", fm.get("columnName").toString());
                fields.add(x);
            }
            m.put("fieldMappings", fields);
            out.add(m);
        }
        return out;
    }
}
