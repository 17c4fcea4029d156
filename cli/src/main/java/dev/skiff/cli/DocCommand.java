package dev.skiff.cli;

import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.doc.MarkdownDoc;
import dev.skiff.emit.AtomicWrite;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Parser;
import dev.skiff.syntax.SourceUnit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code skiff doc}: a module's reference as Markdown, from its docstrings. */
@Command(name = "doc",
        description = "Print (or write) a module's reference as Markdown, generated from its docstrings.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff doc skiff.app                 the stdlib's App API",
                "  skiff doc k8s.api.apps.v1           Kubernetes kinds and their fields (--k8s-version, --crd)",
                "  skiff doc math                      a system module's functions",
                "  skiff doc models/ -o docs/models.md a package of your project",
                "",
                "Exit codes: 0 success, 1 the module has errors or does not exist, 2 bad usage, 3 internal error."})
public final class DocCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "MODULE|PATH", description = "A stdlib module (skiff.app), a system module (math), a Kubernetes module "
            + "(k8s.api.apps.v1, crds.example.com.v1), or a .k file or directory.")
    String module;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (atomically).")
    Path output;

    @CommandLine.Mixin
    KubernetesOptions kubernetes = new KubernetesOptions();

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() throws IOException {
        List<SourceUnit> units = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        if (module.startsWith("k8s.") || module.startsWith("crds.")) {
            return kubernetes();
        }
        if (dev.skiff.eval.lib.Library.systemModuleNames().contains(module)) {
            return emit(systemModule());
        }
        if (module.startsWith("skiff.")) {
            try (InputStream in = DocCommand.class.getClassLoader().getResourceAsStream(module.replace('.', '/') + ".k")) {
                if (in == null) {
                    spec.commandLine().getErr().println("skiff: the stdlib has no module `" + module + "`");
                    return ExitCodes.PROGRAM_ERROR;
                }
                parse(SourceFile.ofString("<stdlib>/" + module.replace('.', '/') + ".k",
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)), units, problems);
            }
        } else {
            Path p = Path.of(module);
            List<Path> files = Files.isDirectory(p) ? dev.skiff.modules.ProjectResolver.moduleFiles(p) : List.of(p);
            for (Path f : files) {
                if (!Files.isRegularFile(f)) {
                    spec.commandLine().getErr().println("skiff: no such file or directory: `" + f + "`");
                    return ExitCodes.PROGRAM_ERROR;
                }
                parse(SourceFile.of(f, f.toString(), Files.readString(f, StandardCharsets.UTF_8)), units, problems);
            }
        }
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            common.report(new dev.skiff.Compilation(problems, null, null, null), spec.commandLine().getErr());
            return ExitCodes.PROGRAM_ERROR;
        }
        return emit(MarkdownDoc.render(module, units));
    }

    /** A Kubernetes module's kinds and fields, from the schemas of the chosen version (and CRDs). */
    private int kubernetes() throws IOException {
        var registry = dev.skiff.k8s.SchemaRegistry.with(kubernetes.version, kubernetes.crds);
        if (registry.value() == null) {
            common.report(new dev.skiff.Compilation(registry.diagnostics(), null, null, null), spec.commandLine().getErr());
            return ExitCodes.PROGRAM_ERROR;
        }
        var text = dev.skiff.doc.KubernetesDoc.render(module, registry.value());
        if (text.isEmpty()) {
            String hint = dev.skiff.diag.Suggestions.didYouMean(module, registry.value().modulePaths().keySet());
            spec.commandLine().getErr().println("skiff: Kubernetes " + registry.value().version() + " has no module `"
                    + module + "`" + (hint == null ? "" : "; " + hint));
            return ExitCodes.PROGRAM_ERROR;
        }
        return emit(text.get());
    }

    /**
     * A system module's functions (each signature, overloads included, and its doc) and constants, from the
     * declarations the library writes beside each implementation (what the checker checks and the editor shows).
     */
    private String systemModule() {
        Map<String, dev.skiff.types.Declaration> declared = new TreeMap<>(
                dev.skiff.eval.lib.Library.moduleDeclarations(module));
        StringBuilder sb = new StringBuilder("# `").append(module).append("`\n\n");
        sb.append("A system module: `import ").append(module).append("`.\n\n");
        StringBuilder functions = new StringBuilder();
        StringBuilder constants = new StringBuilder();
        StringBuilder types = new StringBuilder();
        declared.forEach((name, d) -> {
            if (name.startsWith("_")) {
                return;
            }
            switch (d) {
                case dev.skiff.types.Declaration.Function f -> {
                    functions.append("### `").append(module).append('.').append(name).append("`\n\n```\n");
                    f.overloads().forEach(o -> functions.append(o.label()).append('\n'));
                    functions.append("```\n\n");
                    if (f.overloads().size() > 1) {
                        f.overloads().forEach(o -> functions.append("- `").append(o.label()).append("`: ")
                                .append(o.doc()).append('\n'));
                        functions.append('\n');
                    } else if (!d.doc().isBlank()) {
                        functions.append(d.doc()).append("\n\n");
                    }
                }
                case dev.skiff.types.Declaration.Constant c -> constants.append("- `").append(module).append('.')
                        .append(name).append(": ").append(c.type().display()).append("`")
                        .append(c.doc().isBlank() ? "" : ": " + c.doc()).append('\n');
                case dev.skiff.types.Declaration.TypeName t -> types.append("- `").append(module).append('.')
                        .append(name).append("`").append(t.doc().isBlank() ? "" : ": " + t.doc()).append('\n');
            }
        });
        if (!functions.isEmpty()) {
            sb.append("## Functions\n\n").append(functions);
        }
        if (!constants.isEmpty()) {
            sb.append("## Constants\n\n").append(constants).append('\n');
        }
        if (!types.isEmpty()) {
            sb.append("## Types\n\n").append(types).append('\n');
        }
        return sb.toString().stripTrailing() + "\n";
    }

    private int emit(String text) throws IOException {
        if (output != null) {
            AtomicWrite.write(output, text);
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }

    private static void parse(SourceFile file, List<SourceUnit> units, List<Diagnostic> problems) {
        Result<SourceUnit> r = Parser.parse(file);
        problems.addAll(r.diagnostics());
        if (r.value() != null) {
            units.add(r.value());
        }
    }
}
