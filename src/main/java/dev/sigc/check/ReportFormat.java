package dev.sigc.check;

import dev.sigc.diag.Severity;
import dev.sigc.util.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How {@code sigc check} writes its findings: {@code text} (one line each), {@code json}, {@code sarif}
 * (SARIF 2.1.0, for code-scanning tools) or {@code junit} (JUnit XML, one test case per rule file).
 * Every format is deterministic: the same findings give the same bytes.
 */
public enum ReportFormat {
    TEXT, JSON, SARIF, JUNIT;

    /** @param failOn the lowest severity that fails the run (JUnit marks those as failures) */
    public String render(Checker.Report report, String sigcVersion, String attackVersion, Severity failOn,
                         List<String> files) {
        return switch (this) {
            case TEXT -> text(report);
            case JSON -> json(report, sigcVersion, attackVersion);
            case SARIF -> sarif(report, sigcVersion);
            case JUNIT -> junit(report, failOn, files);
        };
    }

    private static String text(Checker.Report report) {
        StringBuilder sb = new StringBuilder();
        report.findings().forEach(f -> sb.append(f.render()).append('\n'));
        return sb.toString();
    }

    private static String json(Checker.Report report, String sigcVersion, String attackVersion) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "sigc");
        root.put("version", sigcVersion);
        root.put("attack", "MITRE ATT&CK Enterprise v" + attackVersion);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("files", report.files());
        summary.put("rules", report.rules());
        summary.put("errors", report.count(Severity.ERROR));
        summary.put("warnings", report.count(Severity.WARNING));
        root.put("summary", summary);
        List<Object> findings = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("check", f.check().id());
            m.put("severity", f.severity().label());
            m.put("file", f.span().file());
            m.put("line", f.span().line());
            m.put("column", f.span().column());
            m.put("message", f.message());
            m.put("ruleId", f.ruleId().orElse(null));
            findings.add(m);
        }
        root.put("findings", findings);
        return Json.pretty(root) + "\n";
    }

    private static String sarif(Checker.Report report, String sigcVersion) {
        List<Object> rules = new ArrayList<>();
        Map<Check, Integer> index = new TreeMap<>();
        for (Check c : Check.values()) {
            index.put(c, rules.size());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", c.id());
            r.put("name", camel(c.id()));
            r.put("shortDescription", Map.of("text", c.summary()));
            r.put("defaultConfiguration", Map.of("level", level(c.severity())));
            rules.add(r);
        }
        List<Object> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ruleId", f.check().id());
            r.put("ruleIndex", index.get(f.check()));
            r.put("level", level(f.severity()));
            r.put("message", Map.of("text", f.message()));
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", uri(f.span().file())));
            if (f.span().isKnown()) {
                Map<String, Object> region = new LinkedHashMap<>();
                region.put("startLine", f.span().line());
                region.put("startColumn", Math.max(1, f.span().column()));
                physical.put("region", region);
            }
            r.put("locations", List.of(Map.of("physicalLocation", physical)));
            results.add(r);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "sigc");
        driver.put("version", sigcVersion);
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("columnKind", "unicodeCodePoints");
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return Json.pretty(root) + "\n";
    }

    private static String level(Severity s) {
        return s == Severity.ERROR ? "error" : "warning";
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String w : id.split("-")) {
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return sb.toString();
    }

    /** A relative URI reference for a file path: {@code /} separators, each segment percent-encoded. */
    static String uri(String file) {
        String path = file.replace('\\', '/');
        try {
            String encoded = new URI(null, null, path, null).getRawPath();
            return encoded.startsWith("/") ? "file://" + encoded : encoded.replace(":", "%3A");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String junit(Checker.Report report, Severity failOn, List<String> files) {
        Map<String, List<Finding>> byFile = new TreeMap<>();
        files.forEach(f -> byFile.put(f, new ArrayList<>()));
        report.findings().forEach(f -> byFile.computeIfAbsent(f.span().file(), k -> new ArrayList<>()).add(f));
        int failures = 0;
        StringBuilder cases = new StringBuilder();
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            List<Finding> failing = e.getValue().stream().filter(f -> fails(f.severity(), failOn)).toList();
            List<Finding> other = e.getValue().stream().filter(f -> !fails(f.severity(), failOn)).toList();
            cases.append("    <testcase classname=\"sigc.check\" name=\"").append(xml(e.getKey())).append("\" file=\"")
                    .append(xml(e.getKey())).append('"');
            if (failing.isEmpty() && other.isEmpty()) {
                cases.append("/>\n");
                continue;
            }
            cases.append(">\n");
            if (!failing.isEmpty()) {
                failures++;
                cases.append("      <failure type=\"").append(xml(failing.get(0).check().id())).append("\" message=\"")
                        .append(xml(failing.size() + " finding(s): " + failing.get(0).message())).append("\">");
                failing.forEach(f -> cases.append(xml(f.render())).append('\n'));
                cases.append("</failure>\n");
            }
            if (!other.isEmpty()) {
                cases.append("      <system-out>");
                other.forEach(f -> cases.append(xml(f.render())).append('\n'));
                cases.append("</system-out>\n");
            }
            cases.append("    </testcase>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"sigc check\" tests=\"" + byFile.size() + "\" failures=\"" + failures + "\">\n"
                + "  <testsuite name=\"sigc check\" tests=\"" + byFile.size() + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"0\">\n" + cases + "  </testsuite>\n</testsuites>\n";
    }

    static boolean fails(Severity s, Severity failOn) {
        return s == Severity.ERROR || failOn == Severity.WARNING;
    }

    /** XML text or attribute content; characters XML 1.0 cannot hold become U+FFFD. */
    private static String xml(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    sb.appendCodePoint(ok ? c : 0xFFFD);
                }
            }
        });
        return sb.toString();
    }

    public static ReportFormat parse(String s) {
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(s)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(s));
    }
}
