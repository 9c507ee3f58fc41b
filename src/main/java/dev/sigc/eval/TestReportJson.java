package dev.sigc.eval;

import dev.sigc.diag.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine report of a rule-test run, as one JSON document: {@code summary}, {@code rules} (each with
 * every case; a failed case carries the event and the explanation tree) and {@code diagnostics}.
 */
public final class TestReportJson {
    private TestReportJson() {}

    public static String render(TestReport report) {
        Map<String, Json> root = new LinkedHashMap<>();
        Map<String, Json> summary = new LinkedHashMap<>();
        summary.put("target", report.target().<Json>map(Json.Str::new).orElse(Json.NULL));
        summary.put("rules", Json.Num.of(report.rules().size()));
        summary.put("fixtures", Json.Num.of(report.fixtures()));
        summary.put("cases", Json.Num.of(report.cases()));
        summary.put("passed", Json.Num.of(report.passed()));
        summary.put("failed", Json.Num.of(report.failed()));
        summary.put("errors", Json.Num.of(report.errors()));
        summary.put("warnings", Json.Num.of(report.warnings()));
        summary.put("ok", new Json.Bool(report.ok()));
        root.put("summary", new Json.Obj(summary));
        List<Json> rules = new ArrayList<>();
        for (RuleOutcome o : report.rules()) {
            rules.add(rule(o));
        }
        root.put("rules", new Json.Arr(rules));
        root.put("diagnostics", new Json.Arr(report.diagnostics().stream().map(TestReportJson::diagnostic).toList()));
        return new Json.Obj(root).toPrettyText() + "\n";
    }

    private static Json rule(RuleOutcome o) {
        TestedRule r = o.rule();
        Map<String, Json> m = new LinkedHashMap<>();
        m.put("rule", new Json.Str(r.name()));
        m.put("file", new Json.Str(r.file().path().toString().replace('\\', '/')));
        m.put("id", r.rule().rule().id().<Json>map(Json.Str::new).orElse(Json.NULL));
        m.put("title", new Json.Str(r.rule().rule().title()));
        m.put("ok", new Json.Bool(o.ok()));
        m.put("passed", Json.Num.of(o.passed()));
        m.put("failed", Json.Num.of(o.failed()));
        m.put("true_positive_fixtures", Json.Num.of(r.truePositives()));
        m.put("false_positive_fixtures", Json.Num.of(r.falsePositives()));
        m.put("error", o.error().map(TestReportJson::diagnostic).orElse(Json.NULL));
        List<Json> cases = new ArrayList<>();
        for (CaseResult c : o.cases()) {
            Map<String, Json> cm = new LinkedHashMap<>();
            cm.put("fixture", new Json.Str(c.fixture().file()));
            cm.put("listed", new Json.Bool(c.explicit()));
            cm.put("expected", new Json.Bool(c.expected()));
            cm.put("actual", new Json.Bool(c.actual()));
            cm.put("passed", new Json.Bool(c.passed()));
            if (!c.passed()) {
                cm.put("description", new Json.Str(c.fixture().description()));
                cm.put("event", c.event());
                c.explanation().ifPresent(e -> cm.put("explanation", explanation(e)));
            }
            cases.add(new Json.Obj(cm));
        }
        m.put("cases", new Json.Arr(cases));
        return new Json.Obj(m);
    }

    private static Json explanation(Explanation e) {
        Map<String, Json> m = new LinkedHashMap<>();
        m.put("at", e.span().isKnown() ? new Json.Str(e.span().toString()) : Json.NULL);
        m.put("text", new Json.Str(e.text()));
        m.put("match", new Json.Bool(e.result()));
        m.put("detail", e.detail().<Json>map(Json.Str::new).orElse(Json.NULL));
        m.put("parts", new Json.Arr(e.children().stream().map(TestReportJson::explanation).toList()));
        m.put("omitted", Json.Num.of(e.omitted()));
        return new Json.Obj(m);
    }

    static Json diagnostic(Diagnostic d) {
        Map<String, Json> m = new LinkedHashMap<>();
        m.put("severity", new Json.Str(d.severity().label()));
        m.put("code", new Json.Str(d.code()));
        m.put("file", new Json.Str(d.span().file()));
        m.put("line", Json.Num.of(d.span().line()));
        m.put("column", Json.Num.of(d.span().column()));
        m.put("message", new Json.Str(d.message()));
        return new Json.Obj(m);
    }
}
