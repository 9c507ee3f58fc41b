package dev.sigc.eval;

/**
 * The human report of a rule-test run: a line per rule ({@code PASS}/{@code FAIL}/{@code ERROR}), under a
 * failing rule each failed case with its fixture, the verdicts, the event and the explanation, and a summary
 * line. Diagnostics are not part of it (the command prints them to standard error).
 */
public final class TestReportText {
    private TestReportText() {}

    /** {@code verbose} lists every case, passed ones too. */
    public static String render(TestReport report, boolean verbose) {
        StringBuilder sb = new StringBuilder();
        for (RuleOutcome o : report.rules()) {
            TestedRule r = o.rule();
            if (o.error().isPresent()) {
                sb.append("ERROR ").append(r.name()).append(": ").append(o.error().get().render()).append('\n');
                continue;
            }
            long matches = o.cases().stream().filter(CaseResult::expected).count();
            sb.append(o.ok() ? "PASS  " : "FAIL  ").append(r.name()).append(": ");
            if (o.ok()) {
                sb.append(o.cases().size()).append(o.cases().size() == 1 ? " case" : " cases");
            } else {
                sb.append(o.failed()).append(" of ").append(o.cases().size()).append(" cases failed");
            }
            sb.append(", ").append(matches).append(matches == 1 ? " match" : " matches").append(" expected; listed in ")
                    .append(r.truePositives()).append(" true-positive and ").append(r.falsePositives())
                    .append(" false-positive fixtures\n");
            for (CaseResult c : o.cases()) {
                if (c.passed() && !verbose) {
                    continue;
                }
                sb.append("    ").append(c.passed() ? "ok    " : "FAILED ").append(c.fixture().file()).append(": ")
                        .append(c.passed() ? CaseResult.word(c.actual()) : c.verdicts())
                        .append(c.explicit() ? "" : " (not listed: must not match)").append('\n');
                if (!c.passed()) {
                    sb.append("      fixture: ").append(c.fixture().description()).append('\n');
                    sb.append("      event: ").append(Values.show(c.event(), 2000)).append('\n');
                    c.explanation().ifPresent(e -> sb.append("      why:\n").append(e.render("        ")));
                }
            }
        }
        sb.append("sigc test: ").append(report.summary()).append('\n');
        return sb.toString();
    }
}
