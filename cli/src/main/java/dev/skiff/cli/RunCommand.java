package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.emit.AtomicWrite;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skiff run}: evaluate a program and print its output as YAML or JSON, like {@code kcl run}. */
@Command(name = "run",
        description = "Evaluate Skiff files and print the result as YAML (or JSON).",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff run main.k                      print main.k's output as YAML",
                "  skiff run base.k prod.k               two files form one module (later ones override)",
                "  skiff run app/ -D env=prod            every .k file of app/, with option env",
                "  skiff run main.k --format json -o out.json",
                "  skiff run main.k -S deployment.spec   print only one value",
                "",
                "Exit codes: 0 success, 1 errors in the program, 2 bad usage."})
public final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*",
            description = "Files or directories to evaluate (default: the current directory).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-D", "--argument"}, paramLabel = "KEY=VALUE",
            description = "Set an option read by option(\"KEY\") in the program. Repeatable.")
    List<String> arguments = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the output to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--format", paramLabel = "yaml|json", defaultValue = "yaml",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-S", "--path-selector"}, paramLabel = "PATH",
            description = "Print only the value at PATH, e.g. `app.spec` or `items.0`.")
    String selector;

    @CommandLine.Mixin
    KubernetesOptions kubernetes = new KubernetesOptions();

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    /** Output formats of {@code run}. */
    enum OutputFormat { yaml, json }

    @Override
    public Integer call() throws IOException {
        Map<String, String> options = Arguments.parse(arguments, spec);
        List<Path> in = inputs.isEmpty() ? List.of(Path.of(".")) : inputs;
        PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        CompileRequest request = new CompileRequest(in, options, Path.of("").toAbsolutePath(), stdout,
                kubernetes.version, kubernetes.crds).withFileWrites(true);
        Compilation compilation = Skiff.compile(request);
        common.report(compilation, spec.commandLine().getErr());
        if (compilation.hasErrors()) {
            return ExitCodes.PROGRAM_ERROR;
        }
        dev.skiff.StageTimes clock = dev.skiff.StageTimes.fromSystem();
        String text;
        try {
            text = Output.render(compilation, format == OutputFormat.json, selector);
        } catch (Output.SelectionException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.PROGRAM_ERROR;
        }
        clock.mark("emit");
        if (output != null) {
            AtomicWrite.write(output, text);
        } else {
            stdout.print(text);
            stdout.flush();
        }
        clock.mark("write");
        clock.print(System.err);
        return ExitCodes.OK;
    }
}
