package dev.sigc.output;

import dev.sigc.attack.AttackData;
import dev.sigc.attack.RuleAttack;
import dev.sigc.attack.Tactic;
import dev.sigc.backend.Query;
import dev.sigc.diag.SigcException;
import dev.sigc.pipeline.MappedRule;
import dev.sigc.rule.SigmaRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rule as an Elastic Security EQL detection rule, the fields of elastic/detection-rules' TOML and of
 * Kibana's rule import; {@link ElasticToml} and {@link KibanaNdjson} write it. Severity, risk score, index
 * patterns, integrations and tags come from {@code formats/elastic.yml}; ATT&CK names from the bundled data.
 */
record Elastic(String ruleId, String name, String description, List<String> authors, String license,
               List<String> references, List<String> falsePositives, String severity, int riskScore,
               boolean buildingBlock, Optional<String> maturity, Optional<String> creationDate,
               Optional<String> updatedDate, List<String> index, List<String> integrations, List<String> tags,
               String from, String interval, String timestampOverride, boolean enabled, String query,
               RuleAttack attack) {

    private static final class Data {
        static final FormatData ELASTIC = FormatData.bundled("elastic");
    }

    static Elastic of(MappedRule mapped, Query query, String format) {
        SigmaRule rule = mapped.rule();
        FormatData data = Data.ELASTIC;
        String id = Need.uuid(rule, format);
        String level = Need.level(rule, format);
        Map<String, Object> sev = FormatData.asMap(data.lookup("severity", level).orElseThrow(() ->
                new SigcException("format-unmapped", rule.spanOf("level"), format + " has no severity for level '"
                        + level + "'")), data.file() + ": severity." + level);
        String category = mapped.state("category").orElseThrow(() -> new IllegalStateException("EQL rule without category"));
        Map<String, Object> where = FormatData.asMap(Need.mapped(data.lookup("categories", category), rule, "logsource",
                "index patterns for EQL category '" + category + "' (add it to formats/elastic.yml)", format),
                data.file() + ": categories." + category);
        RuleAttack attack = RuleAttack.of(rule.tags(), AttackData.bundled());
        if (!attack.unresolved().isEmpty()) {
            throw new SigcException("attack-unknown-id", rule.spanOf("tags"), format + ": '" + attack.unresolved().get(0)
                    + "' is not a current technique of " + AttackData.describe() + " (sigc check says more)");
        }
        boolean buildingBlock = Boolean.TRUE.equals(sev.get("building_block"));
        Set<String> tags = new LinkedHashSet<>();
        data.strings(where, "domain").forEach(d -> tags.add("Domain: " + d));
        Map<String, Object> os = data.map("os");
        Optional<String> product = rule.logsource().product();
        if (product.isPresent() && os.containsKey(product.get())) {
            tags.add("OS: " + os.get(product.get()));
        } else if (product.isEmpty()) {
            os.values().forEach(v -> tags.add("OS: " + v));
        }
        tags.addAll(data.strings("tags"));
        for (Tactic t : attack.allTactics()) {
            tags.add("Tactic: " + t.name());
        }
        data.strings(where, "data_sources").forEach(d -> tags.add("Data Source: " + d));
        if (buildingBlock) {
            tags.add("Rule Type: BBR");
        }
        List<String> authors = new ArrayList<>();
        for (String a : rule.author().orElse("").split(",")) {
            if (!a.isBlank()) {
                authors.add(a.strip());
            }
        }
        if (authors.isEmpty()) {
            throw new SigcException("format-needs-author", rule.span(), format + " needs the rule's 'author'");
        }
        String description = rule.description().orElseThrow(() -> new SigcException("format-needs-description",
                rule.span(), format + " needs the rule's 'description'"));
        return new Elastic(id, rule.title(), description, authors, rule.license().orElse(data.string("license")),
                rule.references(), rule.falsepositives(), data.string(sev, "severity"),
                Integer.parseInt(data.string(sev, "risk_score")), buildingBlock,
                rule.status().flatMap(s -> data.lookup("maturity", s)).map(Object::toString),
                rule.date().map(Elastic::slashes), rule.modified().or(rule::date).map(Elastic::slashes),
                data.strings(where, "index"), data.strings(where, "integration"), List.copyOf(tags),
                data.string("from"), data.string("interval"), data.string("timestamp_override"), data.bool("enabled"),
                query.text(), attack);
    }

    /** {@code 2026-11-23} -> {@code 2026/11/23}, detection-rules' date format. */
    private static String slashes(String date) {
        return date.replace('-', '/');
    }

    /** The {@code threat} array in Kibana's JSON shape; the TOML writes the same tree as tables. */
    List<Map<String, Object>> threat() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RuleAttack.Threat t : attack.threats()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("framework", "MITRE ATT&CK");
            List<Map<String, Object>> techniques = new ArrayList<>();
            for (RuleAttack.TechniqueEntry e : t.techniques()) {
                Map<String, Object> tm = ref(e.technique().id(), e.technique().name(), e.technique().reference());
                if (!e.subtechniques().isEmpty()) {
                    tm.put("subtechnique", e.subtechniques().stream()
                            .map(s -> ref(s.id(), s.name(), s.reference())).toList());
                }
                techniques.add(tm);
            }
            if (!techniques.isEmpty()) {
                m.put("technique", techniques);
            }
            m.put("tactic", ref(t.tactic().id(), t.tactic().name(), t.tactic().reference()));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> ref(String id, String name, String reference) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("reference", reference);
        return m;
    }
}
