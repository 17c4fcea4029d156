package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.diag.Result;
import dev.skiff.emit.AtomicWrite;
import dev.skiff.emit.Shaping;
import dev.skiff.modules.CliSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
                "  echo 'a = 1 + 1' | skiff run -        a program from standard input",
                "  skiff run -Y settings.yaml -n -k      KCL's settings file, no None values, sorted keys",
                "  skiff run main.k -O app.replicas=3 --format toml",
                "",
                "Exit codes: 0 success, 1 errors in the program, 2 bad usage, 3 internal error."})
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

    @Option(names = "--format", paramLabel = "yaml|json|toml", defaultValue = "yaml",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-S", "--path-selector", "--path_selector"}, paramLabel = "PATH",
            description = "Print only the value at PATH, e.g. `app.spec` or `items.0`.")
    String selector;

    @Option(names = {"-Y", "--setting"}, paramLabel = "FILE", arity = "1..*",
            description = "KCL settings files (kcl_cli_configs: files, disable_none, sort_keys, overrides; "
                    + "kcl_options: option values); -D and the flags given win over them.")
    List<Path> settings = new ArrayList<>();

    @Option(names = {"-O", "--overrides"}, paramLabel = "PATH=VALUE",
            description = "Set (or with PATH-, delete) a value of the output, e.g. -O app.replicas=3. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-n", "--disable-none", "--disable_none"}, description = "Leave None values out of the output.")
    boolean disableNone;

    @Option(names = {"-k", "--sort-keys", "--sort_keys"}, description = "Sort the keys of every dict of the output.")
    boolean sortKeys;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing (the program still runs; -o still writes).")
    boolean quiet;

    @CommandLine.Mixin
    KubernetesOptions kubernetes = new KubernetesOptions();

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    /** Output formats of {@code run}. */
    enum OutputFormat { yaml, json, toml }

    @Override
    public Integer call() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        // as `kcl run` in a directory: its kcl.yaml, unless settings files or input files are named
        Path settingsHere = settings.isEmpty() ? CliSettings.defaultIn(inputs, cwd) : null;
        Result<CliSettings> read = CliSettings.read(settingsHere != null ? List.of(settingsHere) : settings);
        if (read.hasErrors()) {
            throw new CommandLine.ParameterException(spec.commandLine(), read.diagnostics().get(0).message());
        }
        CliSettings kcl = read.value();
        Map<String, String> options = new LinkedHashMap<>();
        kcl.options().forEach((k, v) -> options.put(k, CliSettings.asArgument(v)));
        options.putAll(Arguments.parse(arguments, spec));
        Path workDir = cwd;
        // the files the settings name stand for the directory they were read from, not for files named
        boolean settingsFiles = !kcl.files().isEmpty() && (inputs.isEmpty() || settingsHere != null);
        List<Path> in = settingsFiles ? kcl.files() : !inputs.isEmpty() ? inputs : List.of(Path.of("."));
        PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        CompileRequest request = new CompileRequest(in, options, workDir, quiet ? ProgramRuns.discard() : stdout,
                kubernetes.version, kubernetes.crds).withFileWrites(true);
        if (in.size() == 1 && in.get(0).toString().equals("-")) {
            request = ProgramRuns.stdin(new String(System.in.readAllBytes(), StandardCharsets.UTF_8),
                    request.workDir(), request);
        }
        Compilation compilation = ProgramRuns.compile(request);
        common.report(compilation, spec.commandLine().getErr());
        if (compilation.hasErrors()) {
            return ExitCodes.PROGRAM_ERROR;
        }
        dev.skiff.StageTimes clock = dev.skiff.StageTimes.fromSystem();
        String text;
        try {
            text = render(compilation, kcl);
        } catch (Output.SelectionException | Shaping.OverrideException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCodes.PROGRAM_ERROR;
        }
        clock.mark("emit");
        Path target = output != null ? output : kcl.output();
        if (target != null) {
            AtomicWrite.write(target, text);
        } else if (!quiet) {
            stdout.print(text);
            stdout.flush();
        }
        clock.mark("write");
        clock.print(System.err);
        return ExitCodes.OK;
    }

    private String render(Compilation c, CliSettings kcl) throws Output.SelectionException, Shaping.OverrideException {
        boolean none = disableNone || Boolean.TRUE.equals(kcl.disableNone());
        boolean sort = sortKeys || Boolean.TRUE.equals(kcl.sortKeys());
        List<String> changes = new ArrayList<>(kcl.overrides());
        changes.addAll(overrides);
        String path = selector != null ? selector : kcl.selectors().isEmpty() ? null : kcl.selectors().get(0);
        if (!none && !sort && changes.isEmpty() && format != OutputFormat.toml) {
            return Output.render(c, format == OutputFormat.json, path);
        }
        boolean stream = c.stream() != null;
        Object data = stream ? c.stream() : c.data();
        for (String change : changes) {
            if (stream) {
                throw new Shaping.OverrideException("-O applies to a program's document, not to a stream of documents");
            }
            data = Shaping.override(data, change);
        }
        if (none) {
            data = Shaping.disableNone(data);
        }
        if (sort) {
            data = Shaping.sortKeys(data);
        }
        if (format == OutputFormat.toml) {
            return Shaping.toml(path == null ? data : Output.select(data, path));
        }
        return Output.renderData(data, stream, format == OutputFormat.json, path);
    }
}
