package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.MachineRenderer;
import dev.skiff.diag.Result;
import dev.skiff.diag.TextRenderer;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.k8s.YamlDocuments;
import dev.skiff.types.KubernetesSchemas;
import dev.skiff.validate.ManifestCheck;
import dev.skiff.modules.Project;
import dev.skiff.modules.SourceReader;
import dev.skiff.source.SourceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff check}: compile every program and validate every manifest named, write nothing, report every
 * problem, all in one JVM. A directory stands for every program below it; a {@code .k} file for itself (as
 * for {@code run} and {@code build}); a YAML or JSON file for the Kubernetes objects it holds, validated as
 * kubeconform would, strictly, with errors at the YAML's own lines.
 */
@Command(name = "check",
        description = {"Check Skiff programs and Kubernetes YAML for errors without writing anything.",
                "A directory means every program below it (packages, and kcl.mod projects with their [profile] "
                        + "entries), skipping what .gitignore lists, hidden folders, target and node_modules."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff check                           every program below the current directory",
                "  skiff check apps/shop/main.k          one file (with apps/shop/: the whole package)",
                "  skiff check . --format sarif > skiff.sarif",
                "  skiff check . --format github         annotations for GitHub Actions",
                "  skiff check rendered/*.yaml           validate Kubernetes YAML or JSON, like kubeconform",
                "  helm template ./chart | skiff check - --skip ServiceMonitor",
                "",
                "Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage, 3 internal error."})
public final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Directories, .k files, YAML/JSON manifests, or - for standard input (default: .).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-D", "--argument"}, paramLabel = "KEY=VALUE",
            description = "Set an option read by option(\"KEY\"). Repeatable.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How to report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Mixin
    KubernetesOptions kubernetes = new KubernetesOptions();

    @CommandLine.Mixin
    ValidationFlags validation = new ValidationFlags();

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    /** Report formats. */
    enum Format { text, json, sarif, github, junit }

    /** The schemas YAML files are checked against, one set per Kubernetes version and CRDs, loaded once. */
    private final Map<List<Object>, KubernetesSchemas> schemas = new HashMap<>();

    @Override
    public Integer call() throws IOException {
        Map<String, String> options = Arguments.parse(arguments, spec);
        Path workDir = Path.of("").toAbsolutePath();
        Result<List<Inputs.Unit>> units = Inputs.of(paths.isEmpty() ? List.of(Path.of(".")) : paths, workDir);
        Report report = new Report();
        report.problems(units.diagnostics());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        // check does everything build does: the Kubernetes objects are validated too
        CompileRequest base = new CompileRequest(List.of(), options, workDir, quiet, kubernetes.version, kubernetes.crds)
                .withValidation(validation.options());
        List<Throwable> internal = new ArrayList<>();
        // the programs are compiled first, on every processor; the report follows the order the units were named
        List<CompileRequest> requests = new ArrayList<>();
        for (Inputs.Unit unit : units.value()) {
            if (unit instanceof Inputs.Program p) {
                requests.add(base.withInputs(p.files()));
            }
        }
        java.util.Iterator<Compilation> compiled = ParallelCompile.compileAll(requests).iterator();
        for (Inputs.Unit unit : units.value()) {
            switch (unit) {
                case Inputs.Program p -> program(compiled.next(), p.files().toString(), report, internal);
                case Inputs.Manifests m -> {
                    SourceReader.Read read = SourceReader.read(workDir.resolve(m.file()), m.file().toString());
                    if (read.problem() != null) {
                        report.problems(List.of(read.problem()));
                    } else {
                        manifests(read.file(), workDir.resolve(m.file()), report);
                    }
                }
                case Inputs.Stdin s -> {
                    String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
                    SourceFile file = SourceFile.ofString(ProgramRuns.STDIN, text);
                    if (looksLikeManifests(file)) {
                        manifests(file, workDir, report);
                    } else {
                        program(ProgramRuns.compile(ProgramRuns.stdin(text, workDir, base)), ProgramRuns.STDIN,
                                report, internal);
                    }
                }
            }
        }
        print(report);
        if (common.debug) {
            internal.forEach(t -> t.printStackTrace(spec.commandLine().getErr()));
        }
        if (!internal.isEmpty()) {
            return ExitCodes.INTERNAL;
        }
        return report.errors() > 0 ? ExitCodes.PROGRAM_ERROR : ExitCodes.OK;
    }

    private void program(Compilation c, String name, Report report, List<Throwable> internal) {
        report.objects += c.manifests().size();
        if (c.internal() != null) {
            internal.add(c.internal());
        }
        report.program(name, c.diagnostics());
    }

    /**
     * The objects of a YAML or JSON file, validated against the schemas of the project the file is in (its
     * {@code kcl.mod}'s Kubernetes version and CRDs), or of the command line's.
     */
    private void manifests(SourceFile file, Path location, Report report) {
        Result<Project> project = Project.discover(location);
        Object k8s = project.value().skiff().get("k8s");
        String version = kubernetes.version != null ? kubernetes.version : k8s == null ? null : k8s.toString();
        List<Path> crds = dev.skiff.Skiff.crds(new CompileRequest(List.of(), Map.of(), Path.of("").toAbsolutePath(),
                null, version, kubernetes.crds), project.value());
        boolean first = !schemas.containsKey(List.of(String.valueOf(version), crds));
        KubernetesSchemas against = schemas.computeIfAbsent(List.of(String.valueOf(version), crds),
                k -> new KubernetesSchemas(() -> SchemaRegistry.with(version, crds)));
        if (first) {
            report.problems(against.loadProblems()); // once, not once per file
        }
        if (against.registry() == null) {
            return;
        }
        report.file(file.name(), ManifestCheck.check(file, against, validation.options()));
    }

    /** Standard input holds manifests when it reads as YAML whose documents are all Kubernetes objects. */
    private static boolean looksLikeManifests(SourceFile file) {
        Result<List<YamlDocuments.Document>> docs = YamlDocuments.read(file);
        return !docs.hasErrors() && !docs.value().isEmpty() && docs.value().stream().allMatch(d ->
                d.data() instanceof Map<?, ?> m && m.get("apiVersion") instanceof String && m.get("kind") instanceof String);
    }

    private void print(Report report) {
        PrintWriter out = spec.commandLine().getOut();
        List<Diagnostic> all = report.diagnostics();
        switch (format) {
            case text -> {
                PrintWriter err = spec.commandLine().getErr();
                err.print(new TextRenderer(common.useColor()).render(all));
                err.println(report.summary());
                err.flush();
            }
            case json -> out.print(MachineRenderer.json(all));
            case sarif -> out.print(MachineRenderer.sarif(all, VersionCommand.version()));
            case github -> out.print(MachineRenderer.github(all));
            case junit -> out.print(report.junit());
        }
        out.flush();
    }
}
