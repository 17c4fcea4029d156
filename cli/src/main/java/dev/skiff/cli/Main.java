package dev.skiff.cli;

import picocli.CommandLine;

/** Process entry point: runs the {@code skiff} command and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI without exiting, for tests and embedding. */
    public static int run(String... args) {
        CommandLine cli = SkiffCommand.commandLine(args);
        return cli.execute(args);
    }
}
