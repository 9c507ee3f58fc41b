package dev.sigc.cli;

import dev.sigc.attack.AttackData;
import dev.sigc.check.CheckConfig;
import dev.sigc.check.Checker;
import dev.sigc.check.ReportFormat;
import dev.sigc.convert.RuleFile;
import dev.sigc.convert.RuleFiles;
import dev.sigc.diag.Severity;
import dev.sigc.diag.SigcException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Checks Sigma rules (files or folders) without converting them: required fields, unique ids "
                + "and titles, tags and ATT&CK ids, detection and condition mistakes. 'sigc list checks' lists the "
                + "checks; each finding is one line 'file:line:col: severity[check-id]: message'."},
        footer = ExitCodes.HELP)
final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Report format: text (default), json, sarif (SARIF 2.1.0), junit (JUnit XML).")
    String format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
            description = "Exit with 1 when a finding has this severity or a worse one: error (default) or warning.")
    String failOn;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "YAML file that turns checks off (disable: [check-id, ...]) or excludes rules "
                    + "(exclude: [{id: UUID}, {path: GLOB, checks: [check-id, ...]}]).")
    Path config;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = {"-x", "--debug"}, description = "Print stack traces of internal errors.")
    boolean debug;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Rule files or folders (searched for .yml/.yaml).")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat reportFormat;
        try {
            reportFormat = ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw usage("unknown --format '" + format + "'; choose text, json, sarif or junit");
        }
        Severity threshold = switch (failOn) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            default -> throw usage("--fail-on must be error or warning");
        };
        CheckConfig cfg = CheckConfig.DEFAULT;
        List<RuleFile> files;
        try {
            if (config != null) {
                String text;
                try {
                    text = Files.readString(config, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println(config + ": error: cannot read config: " + e.getMessage());
                    return ExitCodes.IO;
                }
                cfg = CheckConfig.parse(config.toString(), text);
            }
            files = RuleFiles.find(paths);
        } catch (SigcException e) {
            err.println(e.diagnostic().render());
            return e.diagnostic().code().equals("io") ? ExitCodes.IO : ExitCodes.USAGE;
        }
        AttackData attack = AttackData.bundled();
        Checker.Report report = new Checker(cfg, attack).run(files);
        String text = reportFormat.render(report, Version.get(), attack.version(), threshold,
                files.stream().map(f -> f.path().toString().replace('\\', '/')).toList());
        if (output != null) {
            try {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println(output + ": error: cannot write report: " + e.getMessage());
                return ExitCodes.IO;
            }
        } else {
            out.print(text);
            out.flush();
        }
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        boolean failed = errors > 0 || (threshold == Severity.WARNING && warnings > 0);
        err.printf("sigc check: %d rule(s) in %d file(s): %d error(s), %d warning(s)%s%n", report.rules(),
                report.files(), errors, warnings, failed ? " (failing on " + failOn + ")" : "");
        return failed ? ExitCodes.RULE_ERRORS : ExitCodes.OK;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
