package dev.sigc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sigc}: the command line. Commands are thin: options in, library call, exit code out. */
@Command(name = "sigc", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Compiles Sigma detection rules into KQL, EQL and SPL queries and platform rule files, checks "
                + "them, and tests them on events.",
        subcommands = {ConvertCommand.class, CheckCommand.class, TestCommand.class, ListCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        footer = ExitCodes.HELP)
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (convert, check, test, list, bench)");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            boolean debug = false;
            for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
                debug |= p.hasMatchedOption("-x");
            }
            if (debug) {
                ex.printStackTrace(cmd.getErr());
            } else {
                cmd.getErr().println("sigc: internal error: " + ex + " (please report it; rerun with -x for details)");
            }
            return ExitCodes.INTERNAL;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
