package dev.sigc.output;

import dev.sigc.attack.AttackData;
import dev.sigc.attack.RuleAttack;
import dev.sigc.attack.Tactic;
import dev.sigc.ast.And;
import dev.sigc.ast.Expr;
import dev.sigc.ast.Or;
import dev.sigc.ast.StrOp;
import dev.sigc.ast.StringMatch;
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
        // Where the events are: the EQL category's index patterns; for category 'any', the data stream of the dataset
        // the query requires, else every index of the rule's product or Sigma category (the query's conditions narrow it).
        List<String> datasets = datasets(mapped.condition());
        Optional<Object> byProduct = rule.logsource().product().flatMap(p -> data.lookup("any_by_product", p))
                .or(() -> rule.logsource().category().flatMap(c -> data.lookup("any_by_category", c)));
        Map<String, Object> where;
        if (data.lookup("categories", category).isEmpty() && !datasets.isEmpty()) {
            where = datasetWhere(datasets);
        } else if (data.lookup("categories", category).isEmpty() && category.equals("any") && byProduct.isPresent()) {
            where = FormatData.asMap(byProduct.get(), data.file() + ": any_by_product or any_by_category");
        } else {
            where = FormatData.asMap(Need.mapped(data.lookup("categories", category), rule, "logsource",
                    "index patterns for EQL category '" + category + "' (add it to formats/elastic.yml)", format),
                    data.file() + ": categories." + category);
        }
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

    /** A Fleet data stream's dataset name: lower-case letters, digits, '_' and '.'; nothing an index pattern reads. */
    private static final java.util.regex.Pattern DATASET = java.util.regex.Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");

    /**
     * The datasets a query requires: the values of an {@code event.dataset} equality (or an OR of them) that the
     * whole condition is ANDed with, as the eql-ecs pipeline adds for logsources of EQL category {@code any} (cloud
     * services, auditd, Windows channels, ...). Empty when there is none, or when a value is not a plain dataset name.
     */
    static List<String> datasets(Expr condition) {
        for (Expr term : condition instanceof And and ? and.terms() : List.of(condition)) {
            List<String> values = datasetValues(term);
            if (!values.isEmpty()) {
                return values;
            }
        }
        return List.of();
    }

    private static List<String> datasetValues(Expr e) {
        if (e instanceof StringMatch m && m.field().equals(Optional.of("event.dataset")) && m.op() == StrOp.EQUALS
                && m.pattern().isPlain() && DATASET.matcher(m.pattern().plainText()).matches()) {
            return List.of(m.pattern().plainText());
        }
        if (e instanceof Or or) {
            List<String> all = new ArrayList<>();
            for (Expr t : or.terms()) {
                List<String> v = datasetValues(t);
                if (v.isEmpty()) {
                    return List.of();
                }
                all.addAll(v);
            }
            return all;
        }
        return List.of();
    }

    /**
     * Where events of these datasets are: Fleet writes an integration's dataset D to the data stream
     * {@code logs-D-<namespace>} (data stream naming scheme), so {@code logs-D-*} holds every event whose
     * {@code event.dataset} is D, and the integration is the package that D is named after (D's first part).
     */
    private static Map<String, Object> datasetWhere(List<String> datasets) {
        Set<String> index = new java.util.TreeSet<>();
        Set<String> integrations = new java.util.TreeSet<>();
        for (String d : datasets) {
            index.add("logs-" + d + "-*");
            integrations.add(d.contains(".") ? d.substring(0, d.indexOf('.')) : d);
        }
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("domain", List.of());
        where.put("data_sources", List.of());
        where.put("index", List.copyOf(index));
        where.put("integration", List.copyOf(integrations));
        return where;
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
