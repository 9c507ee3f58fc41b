package dev.sigc.output;

import dev.sigc.backend.kql.KqlBackend;
import dev.sigc.backend.kql.KqlEscaper;
import dev.sigc.convert.Converted;
import dev.sigc.pipeline.MappedRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The KQL union pack: every KQL rule of a pack in one hunting query. Each rule is one leg of a
 * {@code union} over its own table, filtered by the lookback, tagged with the rule that matched and
 * projected to the columns an analyst triages with; value lists used by two or more rules become shared
 * {@code let} lists; rows come newest first.
 */
public final class UnionPack {
    /** Columns an analyst wants first, per table; only columns the table has. */
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "DeviceProcessEvents", List.of("Timestamp", "DeviceId", "DeviceName", "ReportId", "AccountName", "FileName",
                    "FolderPath", "ProcessCommandLine", "InitiatingProcessFileName", "InitiatingProcessCommandLine"),
            "DeviceNetworkEvents", List.of("Timestamp", "DeviceId", "DeviceName", "ReportId", "InitiatingProcessAccountName",
                    "InitiatingProcessFileName", "InitiatingProcessFolderPath", "InitiatingProcessCommandLine",
                    "RemoteIP", "RemotePort", "RemoteUrl"),
            "DeviceFileEvents", List.of("Timestamp", "DeviceId", "DeviceName", "ReportId", "InitiatingProcessAccountName",
                    "InitiatingProcessFileName", "InitiatingProcessCommandLine", "FolderPath", "FileName"),
            "DeviceRegistryEvents", List.of("Timestamp", "DeviceId", "DeviceName", "ReportId", "InitiatingProcessAccountName",
                    "InitiatingProcessFileName", "RegistryKey", "RegistryValueName", "RegistryValueData"),
            "DeviceImageLoadEvents", List.of("Timestamp", "DeviceId", "DeviceName", "ReportId", "InitiatingProcessAccountName",
                    "InitiatingProcessFileName", "FolderPath", "FileName"));
    private static final List<String> DEFAULT_COLUMNS = List.of("Timestamp", "DeviceId", "DeviceName", "ReportId", "ActionType");
    private static final List<String> TAGS = List.of("SigmaRuleTitle", "SigmaRuleId", "SigmaLevel");

    /**
     * A value list as the KQL backend renders it: {@code Field in~ ("a", "b")}. A {@code "} inside a
     * string literal is always escaped, so a match can only start outside literals.
     */
    private static final Pattern LIST = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_]*) (in~?) \\((\"(?:[^\"\\\\]|\\\\.)*\"(?:, \"(?:[^\"\\\\]|\\\\.)*\")+)\\)");

    private UnionPack() {}

    public static String render(String pack, List<Converted> rules, String lookback) {
        KqlBackend kql = new KqlBackend();
        List<Converted> legs = rules.stream().filter(c -> c.target().equals("kql")).toList();
        List<String> conditions = new ArrayList<>();
        for (Converted c : legs) {
            conditions.add(kql.renderCondition(c.mapped()));
        }
        Map<String, String> lets = sharedLists(conditions);
        StringBuilder sb = new StringBuilder();
        TreeSet<String> tables = new TreeSet<>();
        legs.forEach(c -> tables.add(table(c.mapped())));
        sb.append("// sigc union pack '").append(oneLine(pack)).append("': ").append(legs.size())
                .append(legs.size() == 1 ? " rule" : " rules").append(" over ").append(String.join(", ", tables)).append('\n');
        sb.append("// Each row names the Sigma rule that matched it in SigmaRuleTitle, SigmaRuleId and SigmaLevel.\n");
        sb.append("let Lookback = ").append(lookback).append(";\n");
        for (Map.Entry<String, String> let : lets.entrySet()) {
            sb.append("let ").append(let.getValue()).append(" = dynamic([").append(let.getKey()).append("]);\n");
        }
        // Defender's Device* tables keep event time in Timestamp, Sentinel's tables in TimeGenerated; a pack over
        // both gets one EventTime column to sort by.
        boolean mixed = tables.stream().anyMatch(t -> !isDefender(t));
        sb.append("union\n");
        for (int i = 0; i < legs.size(); i++) {
            MappedRule m = legs.get(i).mapped();
            String table = table(m);
            String time = isDefender(table) ? "Timestamp" : "TimeGenerated";
            String condition = useLets(conditions.get(i), lets);
            sb.append("    (").append(table).append('\n');
            sb.append("    | where ").append(time).append(" > ago(Lookback)");
            // a table of raw records: the rows that are records, and the rule's fields read out of them
            sb.append(kql.preamble(m).replace("\n", "\n    ")).append('\n');
            sb.append("    | where ").append(condition).append('\n');
            sb.append("    | extend ").append(mixed ? "EventTime = " + time + ", " : "")
                    .append("SigmaRuleTitle = ").append(KqlEscaper.quote(m.rule().title()))
                    .append(", SigmaRuleId = ").append(KqlEscaper.quote(m.rule().id().orElse("")))
                    .append(", SigmaLevel = ").append(KqlEscaper.quote(m.rule().level().orElse(""))).append('\n');
            if (isDefender(table)) {
                List<String> columns = new ArrayList<>(COLUMNS.getOrDefault(table, DEFAULT_COLUMNS));
                if (mixed) {
                    columns.add(0, "EventTime");
                }
                columns.addAll(TAGS);
                sb.append("    | project ").append(String.join(", ", columns));
            } else {
                // a Sentinel table keeps all its columns: their triage columns differ per table
                sb.append("    | project-reorder EventTime, ").append(String.join(", ", TAGS));
            }
            sb.append(')').append(i + 1 < legs.size() ? ",\n" : "\n");
        }
        sb.append(mixed ? "| sort by EventTime desc\n" : "| sort by Timestamp desc\n");
        return sb.toString();
    }

    private static boolean isDefender(String table) {
        return table.startsWith("Device");
    }

    private static String table(MappedRule m) {
        return m.state("table").orElseThrow(() -> new IllegalStateException("KQL rule without table"));
    }

    /** Lists (by their rendered items) that two or more rules use, each with a name from its first field. */
    private static Map<String, String> sharedLists(List<String> conditions) {
        Map<String, Integer> rulesUsing = new LinkedHashMap<>();
        Map<String, String> firstField = new LinkedHashMap<>();
        for (String c : conditions) {
            Matcher m = LIST.matcher(c);
            TreeSet<String> inThisRule = new TreeSet<>();
            while (m.find()) {
                inThisRule.add(m.group(3));
                firstField.putIfAbsent(m.group(3), m.group(1));
            }
            inThisRule.forEach(items -> rulesUsing.merge(items, 1, Integer::sum));
        }
        Map<String, String> names = new LinkedHashMap<>();
        TreeSet<String> taken = new TreeSet<>();
        for (Map.Entry<String, Integer> e : rulesUsing.entrySet()) {
            if (e.getValue() < 2) {
                continue;
            }
            String base = firstField.get(e.getKey()) + "Values";
            String name = base;
            for (int n = 2; taken.contains(name); n++) {
                name = base + n;
            }
            taken.add(name);
            names.put(e.getKey(), name);
        }
        return names;
    }

    private static String useLets(String condition, Map<String, String> lets) {
        if (lets.isEmpty()) {
            return condition;
        }
        Matcher m = LIST.matcher(condition);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = lets.get(m.group(3));
            String replacement = name == null ? m.group() : m.group(1) + " " + m.group(2) + " (" + name + ")";
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
