package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.emit.AtomicWrite;
import dev.skiff.imports.ManifestImporter;
import dev.skiff.imports.SameObjects;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.modules.Project;
import dev.skiff.source.SourceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff import}: Kubernetes manifests to typed Skiff. The program is compiled before it is written
 * and must build the very objects it came from; anything else is reported.
 */
@Command(name = "import",
        description = "Turn Kubernetes YAML manifests into a typed Skiff program.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff import deploy.yaml service.yaml -o main.k",
                "  helm template shop ./chart | skiff import - -o shop/main.k",
                "  kubectl get deploy shop -o yaml | skiff import -     status and server-set fields are left out",
                "  skiff import widgets.yaml --crd crds/               custom resources typed by their CRD",
                "",
                "Each object becomes `name_kind = group.Kind {...}`; kinds without a schema stay untyped configs.",
                "Building the result gives back the same objects; Skiff checks that before writing.",
                "Exit codes: 0 success, 1 unreadable input or a result that does not build (written anyway with -o,",
                "so it can be fixed in Skiff), 2 bad usage, 3 internal error."})
public final class ImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "YAML manifest files; `-` reads standard input.")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the program to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    boolean force;

    @CommandLine.Mixin
    KubernetesOptions kubernetes = new KubernetesOptions();

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path workDir = Path.of("").toAbsolutePath();
        if (output != null && Files.exists(output) && !force) {
            err.println("error: `" + output + "` exists; Skiff does not overwrite it without --force");
            err.flush();
            return ExitCodes.USAGE;
        }
        List<SourceFile> files = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (String in : inputs) {
            if (in.equals("-")) {
                files.add(SourceFile.ofString("<stdin>", new String(System.in.readAllBytes(), StandardCharsets.UTF_8)));
                continue;
            }
            Path p = Path.of(in);
            try {
                files.add(SourceFile.of(p.toAbsolutePath(), in, Files.readString(p, StandardCharsets.UTF_8)));
            } catch (IOException | java.io.UncheckedIOException e) {
                problems.add(Diagnostic.error(Code.E0206, null, "cannot read `" + in + "`"
                        + (Files.exists(p) ? ": " + e.getMessage() : ": no such file")));
            }
        }
        if (!problems.isEmpty()) {
            return report(problems, ExitCodes.PROGRAM_ERROR);
        }
        // the project the program will live in decides the Kubernetes version and brings its CRDs
        Path home = output != null ? output.toAbsolutePath().getParent() : workDir;
        Result<Project> project = Project.discover(home);
        CompileRequest request = new CompileRequest(List.of(output != null ? output.toAbsolutePath()
                : workDir.resolve("imported.k")), Map.of(), workDir, new PrintStream(OutputStream.nullOutputStream()),
                kubernetes.version, kubernetes.crds);
        String version = kubernetes.version;
        if (version == null && project.value() != null && project.value().skiff().get("k8s") != null) {
            version = String.valueOf(project.value().skiff().get("k8s"));
        }
        List<Path> crdPaths = project.value() != null ? Skiff.crds(request, project.value())
                : kubernetes.crds.stream().map(workDir::resolve).toList();
        Result<SchemaRegistry> registry = SchemaRegistry.with(version, crdPaths);
        if (registry.hasErrors()) {
            return report(registry.diagnostics(), ExitCodes.PROGRAM_ERROR);
        }
        Result<ManifestImporter.Imported> imported = ManifestImporter.importYaml(files, registry.value());
        if (imported.hasErrors()) {
            return report(imported.diagnostics(), ExitCodes.PROGRAM_ERROR);
        }
        report(imported.diagnostics(), ExitCodes.OK);
        String program = imported.value().program();
        int exit = verify(request, program, imported.value().objects());
        if (output == null) {
            PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                    StandardCharsets.UTF_8);
            out.print(program);
            out.flush();
        } else {
            if (output.toAbsolutePath().getParent() != null) {
                Files.createDirectories(output.toAbsolutePath().getParent());
            }
            AtomicWrite.write(output, program);
            err.println("wrote " + output + " (" + imported.value().objects().size() + " objects)");
            err.flush();
        }
        return exit;
    }

    /** Builds the program as it will be written and checks it gives back the input's objects. */
    private int verify(CompileRequest request, String program, List<Map<String, Object>> expected) {
        PrintWriter err = spec.commandLine().getErr();
        Path at = request.inputs().get(0);
        Compilation c = Skiff.compile(request.withOverlay(Map.of(at, program)).withValidation(true));
        List<Diagnostic> problems = c.diagnostics();
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            common.report(new Compilation(problems, null, null, null), err);
            err.println("the imported program does not build yet: the input manifests have the problems above"
                    + (output != null ? "; fix them in " + output : ""));
            err.flush();
            return ExitCodes.PROGRAM_ERROR;
        }
        List<Map<String, Object>> built = new ArrayList<>();
        c.manifests().forEach(m -> built.add(m.data()));
        List<String> differences = SameObjects.differences(expected, built);
        if (!differences.isEmpty()) {
            err.println("internal error: the imported program builds other objects than its input (a bug in Skiff; "
                    + "please report it):");
            differences.forEach(d -> err.println("  " + d));
            err.flush();
            return ExitCodes.INTERNAL;
        }
        return ExitCodes.OK;
    }

    private int report(List<Diagnostic> diagnostics, int exit) {
        if (!diagnostics.isEmpty()) {
            common.report(new Compilation(diagnostics, null, null, null), spec.commandLine().getErr());
        }
        return exit;
    }
}
