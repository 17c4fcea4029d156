package dev.skiff.cli;

/** The documented exit codes of every command. */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** The program has errors (diagnostics were printed), or a check failed. */
    static final int PROGRAM_ERROR = 1;
    /** The command line itself is wrong (picocli's usage code). */
    static final int USAGE = 2;
    /** Skiff itself failed. */
    static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
