package dev.skiff.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code skiff} command; its subcommands do the work. */
@Command(name = "skiff",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Skiff: a typed configuration language for Kubernetes, in the style of KCL.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff run examples/hello/main.k",
                "  skiff run main.k -D env=prod -o out.yaml",
                "  skiff run config/ --format json -S app.metadata",
                "  skiff check . --format sarif > skiff.sarif",
                "",
                "Exit codes: 0 success, 1 errors in the program, 2 bad usage, 3 internal error."})
public final class SkiffCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try `skiff run FILE`");
    }

    /** The subcommands, in the order `skiff --help` lists them. */
    private static final java.util.List<String> COMMANDS = java.util.List.of("run", "build", "check", "fmt", "import",
            "init", "mod", "schemas", "doc", "krm", "post-render", "lsp", "completion", "version", "help");

    // a switch, not a map of constructor references: JDK 25's AOT cache creation fails on the latter
    private static Object create(String name) {
        return switch (name) {
            case "run" -> new RunCommand();
            case "build" -> new BuildCommand();
            case "check" -> new CheckCommand();
            case "fmt" -> new FmtCommand();
            case "import" -> new ImportCommand();
            case "init" -> new InitCommand();
            case "mod" -> new ModCommand();
            case "schemas" -> new SchemasCommand();
            case "doc" -> new DocCommand();
            case "krm" -> new KrmCommand();
            case "post-render" -> new PostRenderCommand();
            case "lsp" -> new LspCommand();
            case "completion" -> new CompletionCommand();
            case "version" -> new VersionCommand();
            default -> new CommandLine.HelpCommand();
        };
    }

    /** A configured command line with every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * A configured command line: usage errors exit 2, program errors 1, and no stack traces. Picocli
     * reflects over every command it is given, which costs start-up time on each run; when {@code args}
     * name a subcommand, only that one is built (help and completion need them all).
     */
    public static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new SkiffCommand());
        String first = args.length > 0 ? args[0] : "";
        boolean one = COMMANDS.contains(first) && !first.equals("help") && !first.equals("completion");
        for (String c : COMMANDS) {
            if (!one || c.equals(first)) {
                cli.addSubcommand(c, create(c));
            }
        }
        // examples are single lines of up to 120 characters: wrapped at 80 they break in the middle
        cli.setUsageHelpWidth(120);
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
