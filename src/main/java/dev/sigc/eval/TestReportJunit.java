package dev.sigc.eval;

import dev.sigc.diag.Diagnostic;
import java.util.List;

/**
 * The rule-test run as JUnit XML, the format CI test reporters read (Jenkins, GitLab, GitHub test-report
 * actions, Azure Pipelines): {@code <testsuites>} with a {@code <testsuite>} per rule and a
 * {@code <testcase>} per fixture, a {@code <failure>} holding the explanation, counts on both levels. A
 * rule that could not be tested, and every error not tied to a rule (a broken fixture, a broken rule file),
 * is a {@code <testcase>} with an {@code <error>}; coverage warnings go to the rule's {@code <system-err>}.
 * Times are 0: evaluation takes microseconds, and the report stays byte-for-byte reproducible.
 */
public final class TestReportJunit {
    private TestReportJunit() {}

    public static String render(TestReport report) {
        List<Diagnostic> loose = report.diagnostics().stream().filter(Diagnostic::isError)
                .filter(d -> report.rules().stream().noneMatch(o -> o.error().map(d::equals).orElse(false))).toList();
        long tests = report.cases() + report.rules().stream().filter(o -> o.error().isPresent()).count() + loose.size();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuites name=\"sigc test").append(attr(report.target().map(t -> " " + t).orElse("")))
                .append("\" tests=\"").append(tests).append("\" failures=\"").append(report.failed())
                .append("\" errors=\"").append(report.errors()).append("\" skipped=\"0\" time=\"0\">\n");
        for (RuleOutcome o : report.rules()) {
            TestedRule r = o.rule();
            String classname = classname(r);
            boolean error = o.error().isPresent();
            sb.append("  <testsuite name=\"").append(attr(r.name())).append("\" tests=\"")
                    .append(error ? 1 : o.cases().size()).append("\" failures=\"").append(o.failed())
                    .append("\" errors=\"").append(error ? 1 : 0).append("\" skipped=\"0\" time=\"0\" file=\"")
                    .append(attr(r.file().path().toString().replace('\\', '/'))).append("\">\n");
            if (error) {
                Diagnostic d = o.error().get();
                sb.append("    <testcase classname=\"").append(attr(classname)).append("\" name=\"mapping to ")
                        .append(attr(report.target().orElse("target"))).append("\" time=\"0\">\n")
                        .append("      <error message=\"").append(attr(d.message())).append("\" type=\"")
                        .append(attr(d.code())).append("\">").append(text(d.render())).append("</error>\n")
                        .append("    </testcase>\n");
            }
            for (CaseResult c : o.cases()) {
                sb.append("    <testcase classname=\"").append(attr(classname)).append("\" name=\"")
                        .append(attr(c.fixture().name() + ": " + CaseResult.word(c.expected())))
                        .append("\" file=\"").append(attr(c.fixture().file())).append("\" time=\"0\"");
                if (c.passed()) {
                    sb.append("/>\n");
                    continue;
                }
                StringBuilder body = new StringBuilder();
                body.append(c.fixture().file()).append(": ").append(c.verdicts()).append('\n')
                        .append("fixture: ").append(c.fixture().description()).append('\n')
                        .append("event: ").append(c.event().toText()).append('\n');
                c.explanation().ifPresent(e -> body.append("why:\n").append(e.render("  ")));
                sb.append(">\n      <failure message=\"").append(attr(c.verdicts())).append("\" type=\"")
                        .append(c.expected() ? "missed-detection" : "false-positive").append("\">")
                        .append(text(body.toString())).append("</failure>\n    </testcase>\n");
            }
            List<String> warnings = report.diagnostics().stream().filter(d -> !d.isError())
                    .filter(d -> d.span().file().equals(r.rule().rule().file())).map(Diagnostic::render).toList();
            if (!warnings.isEmpty()) {
                sb.append("    <system-err>").append(text(String.join("\n", warnings) + "\n")).append("</system-err>\n");
            }
            sb.append("  </testsuite>\n");
        }
        if (!loose.isEmpty()) {
            sb.append("  <testsuite name=\"sigc\" tests=\"").append(loose.size()).append("\" failures=\"0\" errors=\"")
                    .append(loose.size()).append("\" skipped=\"0\" time=\"0\">\n");
            for (Diagnostic d : loose) {
                sb.append("    <testcase classname=\"sigc.diagnostics\" name=\"").append(attr(d.span().toString()))
                        .append("\" time=\"0\">\n      <error message=\"").append(attr(d.message())).append("\" type=\"")
                        .append(attr(d.code())).append("\">").append(text(d.render())).append("</error>\n")
                        .append("    </testcase>\n");
            }
            sb.append("  </testsuite>\n");
        }
        sb.append("</testsuites>\n");
        return sb.toString();
    }

    /** {@code t1552_005.proc-aws-imds-...}: reporters split a class name at dots into package and class. */
    private static String classname(TestedRule r) {
        String name = r.name();
        int slash = name.lastIndexOf('/');
        String pack = slash < 0 ? "" : name.substring(0, slash).replace('.', '_').replace('/', '.');
        String rule = name.substring(slash + 1).replace('.', '_');
        return pack.isEmpty() ? rule : pack + "." + rule;
    }

    private static String attr(String s) {
        return escape(s, true);
    }

    private static String text(String s) {
        return escape(s, false);
    }

    /**
     * XML-escaped text. Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/F)
     * are written as {@code \}{@code uXXXX}, since an event may contain them.
     */
    private static String escape(String s, boolean attribute) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (surrogatePair) {
                sb.append(c).append(s.charAt(++i));
                continue;
            }
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\n' -> sb.append(attribute ? "&#10;" : "\n");
                case '\r' -> sb.append("&#13;");
                case '\t' -> sb.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
