package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Diagnostic;
import dev.skiff.emit.AtomicWrite;
import dev.skiff.emit.YamlWriter;
import dev.skiff.validate.Manifest;
import java.io.IOException;
import java.io.PrintStream;
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
        description = "Emit the program's Kubernetes objects as YAML, validated against the Kubernetes schema.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff build main.k                    print every object as one YAML stream",
                "  skiff build app/ -o manifests.yaml    write the stream atomically",
                "  skiff build app/ -o out/              one file per object (deployment-shop.yaml, ...)",
                "  skiff build main.k --k8s-version 1.35",
                "  skiff build main.k --crd crds/        typed custom resources (import kubernetes.crds.example.com.v1)",
                "",
                "Objects are the top-level values (or list elements) that have apiVersion and kind;",
                "namespaces and CRDs come first, then the order written.",
                "Exit codes: 0 success, 1 errors (nothing written), 2 bad usage."})
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
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() throws IOException {
        Map<String, String> options = Arguments.parse(arguments, spec);
        List<Path> in = inputs.isEmpty() ? List.of(Path.of(".")) : inputs;
        PrintStream stderr = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        Compilation c = Skiff.compile(new CompileRequest(in, options, Path.of("").toAbsolutePath(), stderr,
                kubernetes.version, kubernetes.crds).withFileWrites(true).withValidation(true));
        common.report(c, spec.commandLine().getErr());
        if (c.hasErrors()) {
            if (c.validation() != null) {
                long n = c.diagnostics().stream().filter(Diagnostic::isError).count();
                spec.commandLine().getErr().println(n + (n == 1 ? " error" : " errors") + " found; nothing was written");
                spec.commandLine().getErr().flush();
            }
            return ExitCodes.PROGRAM_ERROR;
        }
        List<Object> docs = new ArrayList<>();
        for (Manifest m : c.manifests()) {
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
            for (Manifest m : c.manifests()) {
                String base = (m.kind() + "-" + (m.name() == null ? "unnamed" : m.name())).toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9.-]", "-");
                String name = base + ".yaml";
                for (int i = 2; !used.add(name); i++) {
                    name = base + "-" + i + ".yaml";
                }
                AtomicWrite.write(dir.resolve(name), YamlWriter.write(m.data()));
            }
        } else {
            AtomicWrite.write(Path.of(output), YamlWriter.writeStream(docs));
        }
        return ExitCodes.OK;
    }
}
