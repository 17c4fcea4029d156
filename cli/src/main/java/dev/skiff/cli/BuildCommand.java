package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.validate.Duplicates;
import dev.skiff.validate.Finding;
import dev.skiff.validate.Manifest;
import dev.skiff.emit.AtomicWrite;
import dev.skiff.emit.YamlWriter;
import dev.skiff.modules.Environments;
import dev.skiff.modules.Project;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff build}: the program's Kubernetes objects as one YAML stream, or one file per object. Every
 * object is validated against its Kubernetes schema first; with any error nothing is written. A project whose
 * {@code kcl.mod} declares environments is built into {@code DIR/<env>/} once per environment.
 */
@Command(name = "build",
        description = {"Emit the program's Kubernetes objects as YAML, validated against the Kubernetes schema.",
                "A directory means every program below it (packages, and kcl.mod projects with their [profile] "
                        + "entries), skipping what .gitignore lists, hidden folders, target and node_modules."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff build main.k                    print every object as one YAML stream",
                "  skiff build app/ -o manifests.yaml    write the stream atomically",
                "  skiff build app/ -o out/              one file per object (deployment-shop-web.yaml, ...)",
                "                                        with [skiff] environments in kcl.mod: out/<env>/..., each",
                "                                        built with -D env=<env> (-D env=prod: only out/prod/)",
                "  skiff build deploy/                   every program below deploy/, as one stream",
                "  skiff build main.k --k8s-version 1.35",
                "  skiff build main.k --crd crds/        typed custom resources (import crds.example.com.v1)",
                "  skiff build main.k --ignore-missing-schemas",
                "                                        objects of kinds without a schema are emitted unchecked",
                "",
                "Objects are the top-level values (or list elements) that have apiVersion and kind;",
                "namespaces and CRDs come first, then the order written. Two objects with the same group,",
                "kind, namespace and name are an error.",
                "Exit codes: 0 success (a warning when there are no objects), 1 errors (nothing written),",
                "2 bad usage, 3 internal error."})
public final class BuildCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "Files or directories (default: .).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-D", "--argument"}, paramLabel = "KEY=VALUE", description = "Set an option. Repeatable.")
    List<String> arguments = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR",
            description = "Write to FILE, or one file per object into DIR (an existing directory or a path ending in /).")
    String output;

    @CommandLine.Mixin
    KubernetesOptions kubernetes = new KubernetesOptions();

    @CommandLine.Mixin
    ValidationFlags validation = new ValidationFlags();

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    /** The objects of every program built, or the exit code when there were errors (reported). */
    private record Built(List<Manifest> objects, int exit) {
    }

    @Override
    public Integer call() throws IOException {
        Map<String, String> options = Arguments.parse(arguments, spec);
        Path workDir = Path.of("").toAbsolutePath();
        List<Path> in = inputs.isEmpty() ? List.of(Path.of(".")) : inputs;
        Result<List<Inputs.Unit>> units = Inputs.of(in, workDir);
        for (Inputs.Unit unit : units.value()) {
            if (unit instanceof Inputs.Manifests m) {
                throw new CommandLine.ParameterException(spec.commandLine(), "build compiles Skiff programs; `"
                        + m.file() + "` is YAML: validate it with `skiff check " + m.file() + "`");
            }
        }
        // standard input is read once, however many environments are built from it
        String stdin = units.value().stream().anyMatch(u -> u instanceof Inputs.Stdin)
                ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : null;
        boolean toDirectory = output != null && (output.endsWith("/") || Files.isDirectory(Path.of(output)));
        if (toDirectory) {
            Path first = in.get(0).toString().equals("-") ? workDir : in.get(0);
            Result<List<String>> environments = Environments.of(Project.discover(first).value());
            if (environments.hasErrors()) {
                common.report(new Compilation(environments.diagnostics(), null, null, null), spec.commandLine().getErr());
                return ExitCodes.PROGRAM_ERROR;
            }
            if (!environments.value().isEmpty()) {
                return buildEnvironments(units, stdin, options, environments.value());
            }
        }
        Built built = compileAndValidate(units, stdin, options, null);
        if (built.exit() != ExitCodes.OK) {
            return built.exit();
        }
        if (built.objects().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("warning: the program has no Kubernetes objects (top-level values with `apiVersion` and "
                    + "`kind`); nothing to build" + (output == null ? "" : ", nothing was written")
                    + " — `skiff run` prints its other values");
            err.flush();
            return ExitCodes.OK;
        }
        if (output == null) {
            PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                    StandardCharsets.UTF_8);
            out.print(YamlWriter.writeStream(data(built.objects())));
            out.flush();
        } else if (toDirectory) {
            writeDirectory(Path.of(output), built.objects());
        } else {
            AtomicWrite.write(Path.of(output), YamlWriter.writeStream(data(built.objects())));
        }
        return ExitCodes.OK;
    }

    /**
     * A project that declares environments, built into {@code DIR/<env>/} once per environment (or only the one
     * {@code -D env=} names), as GitOps tools expect. Every environment is compiled and validated first: with
     * an error in any, nothing is written.
     */
    private int buildEnvironments(Result<List<Inputs.Unit>> units, String stdin, Map<String, String> options,
                                  List<String> declared) throws IOException {
        String chosen = options.get(Environments.OPTION);
        if (chosen != null && !declared.contains(chosen)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-D " + Environments.OPTION + "=" + chosen
                    + ": kcl.mod declares the environments " + String.join(", ", declared));
        }
        Map<String, List<Manifest>> built = new LinkedHashMap<>();
        int exit = ExitCodes.OK;
        for (String env : chosen == null ? declared : List.of(chosen)) {
            Map<String, String> withEnv = new LinkedHashMap<>(options);
            withEnv.put(Environments.OPTION, env);
            Built one = compileAndValidate(units, stdin, withEnv, "in environment `" + env + "`:");
            exit = Math.max(exit, one.exit());
            built.put(env, one.objects());
        }
        if (exit != ExitCodes.OK) {
            return exit;
        }
        for (Map.Entry<String, List<Manifest>> e : built.entrySet()) {
            writeDirectory(Path.of(output).resolve(e.getKey()), e.getValue());
        }
        return ExitCodes.OK;
    }

    /**
     * Compiles and validates every program: its objects, all of them, when no program has errors and no two
     * programs emit the same object. Problems are reported as they come, after {@code heading} if given.
     */
    private Built compileAndValidate(Result<List<Inputs.Unit>> units, String stdin, Map<String, String> options,
                                     String heading) {
        PrintWriter err = spec.commandLine().getErr();
        Path workDir = Path.of("").toAbsolutePath();
        CompileRequest base = new CompileRequest(List.of(), options, workDir, ProgramRuns.stderr(), kubernetes.version,
                kubernetes.crds).withFileWrites(true).withValidation(validation.options());
        boolean[] headed = {heading == null};
        java.util.function.Consumer<List<Diagnostic>> report = ds -> {
            if (!ds.isEmpty() && !headed[0]) {
                err.println(heading);
                headed[0] = true;
            }
            common.report(new Compilation(ds, null, null, null), err);
        };
        report.accept(units.diagnostics());
        boolean failed = units.hasErrors();
        long errors = 0;
        List<Manifest> all = new ArrayList<>();
        Set<Diagnostic> reported = new HashSet<>();
        for (Inputs.Unit unit : units.value()) {
            CompileRequest request = unit instanceof Inputs.Program p ? base.withInputs(p.files())
                    : ProgramRuns.stdin(stdin, workDir, base);
            Compilation c = ProgramRuns.compile(request);
            report.accept(c.diagnostics());
            if (c.internal() != null) {
                if (common.debug) {
                    c.internal().printStackTrace(err);
                    err.flush();
                }
                return new Built(List.of(), ExitCodes.INTERNAL);
            }
            if (c.hasErrors()) {
                failed = true;
                if (c.validation() != null) {
                    errors += c.diagnostics().stream().filter(Diagnostic::isError).count();
                }
                continue;
            }
            reported.addAll(c.diagnostics());
            all.addAll(c.manifests());
        }
        // objects of different programs may clash too
        List<Diagnostic> clashes = Duplicates.among(all).stream().map(Finding::diagnostic)
                .filter(d -> !reported.contains(d)).toList();
        report.accept(clashes);
        errors += clashes.size();
        if (errors > 0) {
            err.println(errors + (errors == 1 ? " error" : " errors") + " found; nothing was written");
        }
        err.flush();
        return failed || errors > 0 ? new Built(List.of(), ExitCodes.PROGRAM_ERROR) : new Built(all, ExitCodes.OK);
    }

    private static List<Object> data(List<Manifest> objects) {
        List<Object> docs = new ArrayList<>();
        objects.forEach(m -> docs.add(m.data()));
        return docs;
    }

    /** One file per object ({@link #fileName}). */
    private static void writeDirectory(Path dir, List<Manifest> objects) throws IOException {
        Files.createDirectories(dir);
        Set<String> used = new HashSet<>();
        for (Manifest m : objects) {
            AtomicWrite.write(dir.resolve(fileName(m, used)), YamlWriter.write(m.data()));
        }
    }

    /** {@code kind-namespace-name.yaml} ({@code kind-name.yaml} for an object without a namespace), unique in the directory. */
    static String fileName(Manifest m, Set<String> used) {
        String ns = m.namespace();
        String base = (m.kind() + (ns == null ? "" : "-" + ns) + "-" + (m.name() == null ? "unnamed" : m.name()))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        String name = base + ".yaml";
        for (int i = 2; !used.add(name); i++) {
            name = base + "-" + i + ".yaml";
        }
        return name;
    }
}
