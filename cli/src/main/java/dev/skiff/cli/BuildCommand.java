package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
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
        description = "Emit the program's Kubernetes objects as YAML, validated against the Kubernetes schema.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff build main.k                    print every object as one YAML stream",
                "  skiff build app/ -o manifests.yaml    write the stream atomically",
                "  skiff build app/ -o out/              one file per object (deployment-shop.yaml, ...)",
                "                                        with [skiff] environments in kcl.mod: out/<env>/..., each",
                "                                        built with -D env=<env> (-D env=prod: only out/prod/)",
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
        boolean toDirectory = output != null && (output.endsWith("/") || Files.isDirectory(Path.of(output)));
        if (toDirectory) {
            Result<List<String>> environments = Environments.of(Project.discover(in.get(0)).value());
            if (environments.hasErrors()) {
                common.report(new Compilation(environments.diagnostics(), null, null, null), spec.commandLine().getErr());
                return ExitCodes.PROGRAM_ERROR;
            }
            if (!environments.value().isEmpty()) {
                return buildEnvironments(in, options, environments.value());
            }
        }
        List<Manifest> objects = compileAndValidate(in, options);
        if (objects == null) {
            return ExitCodes.PROGRAM_ERROR;
        }
        if (output == null) {
            PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                    StandardCharsets.UTF_8);
            out.print(YamlWriter.writeStream(data(objects)));
            out.flush();
        } else if (toDirectory) {
            writeDirectory(Path.of(output), objects);
        } else {
            AtomicWrite.write(Path.of(output), YamlWriter.writeStream(data(objects)));
        }
        return ExitCodes.OK;
    }

    /**
     * A project that declares environments, built into {@code DIR/<env>/} once per environment (or only the one
     * {@code -D env=} names), as GitOps tools expect. Every environment is compiled and validated first: with
     * an error in any, nothing is written.
     */
    private int buildEnvironments(List<Path> in, Map<String, String> options, List<String> declared) throws IOException {
        String chosen = options.get(Environments.OPTION);
        if (chosen != null && !declared.contains(chosen)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-D " + Environments.OPTION + "=" + chosen
                    + ": kcl.mod declares the environments " + String.join(", ", declared));
        }
        Map<String, List<Manifest>> built = new LinkedHashMap<>();
        boolean failed = false;
        for (String env : chosen == null ? declared : List.of(chosen)) {
            Map<String, String> withEnv = new LinkedHashMap<>(options);
            withEnv.put(Environments.OPTION, env);
            List<Manifest> objects = compileAndValidate(in, withEnv, "in environment `" + env + "`:");
            failed |= objects == null;
            built.put(env, objects);
        }
        if (failed) {
            return ExitCodes.PROGRAM_ERROR;
        }
        for (Map.Entry<String, List<Manifest>> e : built.entrySet()) {
            writeDirectory(Path.of(output).resolve(e.getKey()), e.getValue());
        }
        return ExitCodes.OK;
    }

    private List<Manifest> compileAndValidate(List<Path> in, Map<String, String> options) {
        return compileAndValidate(in, options, null);
    }

    /** The validated objects, or null when there were errors (reported, after {@code heading} if given). */
    private List<Manifest> compileAndValidate(List<Path> in, Map<String, String> options, String heading) {
        PrintWriter err = spec.commandLine().getErr();
        PrintStream stderr = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        Compilation c = Skiff.compile(new CompileRequest(in, options, Path.of("").toAbsolutePath(), stderr,
                kubernetes.version, kubernetes.crds).withFileWrites(true).withValidation(true));
        if (heading != null && !c.diagnostics().isEmpty()) {
            err.println(heading);
        }
        common.report(c, err);
        if (c.hasErrors()) {
            if (c.validation() != null) {
                long n = c.diagnostics().stream().filter(Diagnostic::isError).count();
                err.println(n + (n == 1 ? " error" : " errors") + " found; nothing was written");
                err.flush();
            }
            return null;
        }
        return c.manifests();
    }

    private static List<Object> data(List<Manifest> objects) {
        List<Object> docs = new ArrayList<>();
        objects.forEach(m -> docs.add(m.data()));
        return docs;
    }

    /** One file per object, named after its kind and name ({@code deployment-shop.yaml}). */
    private static void writeDirectory(Path dir, List<Manifest> objects) throws IOException {
        Files.createDirectories(dir);
        Set<String> used = new HashSet<>();
        for (Manifest m : objects) {
            String base = (m.kind() + "-" + (m.name() == null ? "unnamed" : m.name())).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9.-]", "-");
            String name = base + ".yaml";
            for (int i = 2; !used.add(name); i++) {
                name = base + "-" + i + ".yaml";
            }
            AtomicWrite.write(dir.resolve(name), YamlWriter.write(m.data()));
        }
    }
}
