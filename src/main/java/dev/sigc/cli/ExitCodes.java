package dev.sigc.cli;

/** Process exit codes, also listed in {@code --help}. */
final class ExitCodes {
    static final int OK = 0;
    static final int RULE_ERRORS = 1;
    static final int USAGE = 2;
    static final int IO = 3;
    static final int INTERNAL = 70;

    static final String HELP = "%nExit codes:%n"
            + "  0   success%n"
            + "  1   a rule (or pipeline) has an error, or sigc check found a problem at --fail-on severity%n"
            + "  2   usage error (bad option or argument)%n"
            + "  3   input/output error (cannot read or write a file)%n"
            + "  70  internal error (a bug in sigc; rerun with -x for the stack trace)%n"
            + "Stack traces are printed only with -x/--debug.%n";

    private ExitCodes() {}
}
