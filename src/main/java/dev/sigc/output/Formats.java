package dev.sigc.output;

import dev.sigc.convert.Converted;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The output formats sigc ships, in the order {@code sigc list formats} shows them. */
public final class Formats {
    private static final List<OutputFormat> ALL = List.of(
            new PerRuleFormat("query", Optional.empty(), "the query of each rule, one file per rule and target",
                    "", "", (rule, query) -> query.text() + "\n"),
            new PackFormat("union", "kql", "one KQL hunting query per pack: a union of every rule, tagged with the rule",
                    (pack, rules, options) -> Map.of("kql/" + pack + ".union.kql",
                            UnionPack.render(pack, rules, options.lookback()))),
            new PerRuleFormat("sentinel", Optional.of("kql"),
                    "Microsoft Sentinel scheduled analytics rule (YAML, Azure-Sentinel repository layout)",
                    "sentinel", "yaml", SentinelYaml::write),
            new PerRuleFormat("arm", Optional.of("kql"),
                    "the Sentinel rule as an ARM template (Microsoft.OperationalInsights/workspaces/providers/alertRules)",
                    "arm", "json", SentinelArm::write),
            new PerRuleFormat("elastic-toml", Optional.of("eql"),
                    "Elastic Security detection rule (TOML, elastic/detection-rules layout)",
                    "elastic-toml", "toml", ElasticToml::write),
            new PackFormat("ndjson", "eql", "Kibana detection rules import: one JSON rule per line, one file per pack",
                    KibanaNdjson::write),
            new PackFormat("savedsearches", "spl", "Splunk savedsearches.conf: one scheduled alert stanza per rule",
                    SavedSearches::write));

    private Formats() {}

    public static List<OutputFormat> all() {
        return ALL;
    }

    public static Optional<OutputFormat> byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** Rules of a pack in file order, grouped by pack name as found on the command line. */
    public static Map<String, List<Converted>> byPack(List<Converted> rules) {
        Map<String, List<Converted>> out = new LinkedHashMap<>();
        for (Converted c : rules) {
            out.computeIfAbsent(c.file().pack(), k -> new java.util.ArrayList<>()).add(c);
        }
        return out;
    }
}
