package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Manifests;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.emit.AtomicWrite;
import dev.skiff.emit.YamlWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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
 * object is validated against its Kubernetes schema first; with any error nothing is written.
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
    ValidationOptions validation = new ValidationOptions();

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() throws IOException {
        Map<String, String> options = Arguments.parse(arguments, spec);
        Path workDir = Path.of("").toAbsolutePath();
        PrintWriter err = spec.commandLine().getErr();
        Result<List<Inputs.Unit>> units = Inputs.of(inputs.isEmpty() ? List.of(Path.of(".")) : inputs, workDir);
        boolean failed = units.hasErrors();
        if (!units.diagnostics().isEmpty()) {
            common.report(new Compilation(units.diagnostics(), null, null, null), err);
        }
        CompileRequest base = new CompileRequest(List.of(), options, workDir, ProgramRuns.stderr(), kubernetes.version,
                kubernetes.crds).withFileWrites(true);
        List<Manifests.Manifest> all = new ArrayList<>();
        java.util.Set<Diagnostic> reported = new HashSet<>();
        long errors = 0;
        for (Inputs.Unit unit : units.value()) {
            CompileRequest request = switch (unit) {
                case Inputs.Program p -> base.withInputs(p.files());
                case Inputs.Stdin s -> ProgramRuns.stdin(new String(System.in.readAllBytes(), StandardCharsets.UTF_8),
                        workDir, base);
                case Inputs.Manifests m -> null;
            };
            if (request == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "build compiles Skiff programs; `"
                        + ((Inputs.Manifests) unit).file() + "` is YAML: validate it with `skiff check "
                        + ((Inputs.Manifests) unit).file() + "`");
            }
            Compilation c = ProgramRuns.compile(request);
            common.report(c, err);
            if (c.internal() != null) {
                return ExitCodes.INTERNAL;
            }
            if (c.hasErrors()) {
                failed = true;
                continue;
            }
            Result<List<Manifests.Manifest>> objects = Manifests.of(c, kubernetes.version, validation.options());
            if (!objects.diagnostics().isEmpty()) {
                common.report(new Compilation(objects.diagnostics(), null, null, null), err);
            }
            errors += objects.diagnostics().stream().filter(Diagnostic::isError).count();
            reported.addAll(objects.diagnostics());
            all.addAll(objects.value());
        }
        // objects of different programs may clash too
        List<Diagnostic> clashes = Manifests.checkDuplicates(all).diagnostics().stream()
                .filter(d -> !reported.contains(d)).toList();
        if (!clashes.isEmpty()) {
            common.report(new Compilation(clashes, null, null, null), err);
            errors += clashes.size();
        }
        if (errors > 0 || failed) {
            if (errors > 0) {
                err.println(errors + (errors == 1 ? " error" : " errors") + " found; nothing was written");
            }
            err.flush();
            return ExitCodes.PROGRAM_ERROR;
        }
        if (all.isEmpty()) {
            err.println("warning: the program has no Kubernetes objects (top-level values with `apiVersion` and "
                    + "`kind`); nothing to build" + (output == null ? "" : ", nothing was written")
                    + " — `skiff run` prints its other values");
            err.flush();
            return ExitCodes.OK;
        }
        write(all);
        return ExitCodes.OK;
    }

    private void write(List<Manifests.Manifest> objects) throws IOException {
        List<Object> docs = new ArrayList<>();
        for (Manifests.Manifest m : objects) {
            docs.add(m.data());
        }
        if (output == null) {
            PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                    StandardCharsets.UTF_8);
            out.print(YamlWriter.writeStream(docs));
            out.flush();
        } else if (output.endsWith("/") || Files.isDirectory(Path.of(output))) {
            Path dir = Path.of(output);
            Files.createDirectories(dir);
            Set<String> used = new HashSet<>();
            for (Manifests.Manifest m : objects) {
                AtomicWrite.write(dir.resolve(fileName(m, used)), YamlWriter.write(m.data()));
            }
        } else {
            AtomicWrite.write(Path.of(output), YamlWriter.writeStream(docs));
        }
    }

    /** {@code kind-namespace-name.yaml} ({@code kind-name.yaml} for an object without a namespace), unique in the directory. */
    static String fileName(Manifests.Manifest m, Set<String> used) {
        Object ns = m.data().get("metadata") instanceof Map<?, ?> meta ? meta.get("namespace") : null;
        String base = (m.kind() + (ns == null ? "" : "-" + ns) + "-" + (m.name() == null ? "unnamed" : m.name()))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        String name = base + ".yaml";
        for (int i = 2; !used.add(name); i++) {
            name = base + "-" + i + ".yaml";
        }
        return name;
    }
}
