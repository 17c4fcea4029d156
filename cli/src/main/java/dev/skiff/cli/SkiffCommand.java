package dev.skiff.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code skiff} command; its subcommands do the work. */
@Command(name = "skiff",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Skiff: a typed configuration language for Kubernetes, in the style of KCL.",
        subcommands = {RunCommand.class, BuildCommand.class, CheckCommand.class, FmtCommand.class, ImportCommand.class, InitCommand.class, SchemasCommand.class, DocCommand.class, LspCommand.class, CompletionCommand.class, VersionCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff run examples/hello/main.k",
                "  skiff run main.k -D env=prod -o out.yaml",
                "  skiff run config/ --format json -S app.metadata",
                "  skiff check . --format sarif > skiff.sarif",
                "",
                "Exit codes: 0 success, 1 errors in the program, 2 bad usage."})
public final class SkiffCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try `skiff run FILE`");
    }

    /** A configured command line: usage errors exit 2, program errors 1, and no stack traces. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SkiffCommand());
        cli.setExecutionExceptionHandler((ex, line, parseResult) -> {
            PrintWriter err = line.getErr();
            err.println("skiff: internal error: " + ex);
            err.println("  this is a bug in Skiff; please report it (run with --debug for the stack trace)");
            if (Boolean.getBoolean("skiff.debug")) {
                ex.printStackTrace(err);
            }
            return ExitCodes.INTERNAL;
        });
        return cli;
    }
}
