package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.diag.Diagnostic;
import dev.skiff.emit.YamlWriter;
import java.io.IOException;
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
 * {@code skiff post-render}: a Helm post-renderer. Helm pipes the chart's rendered objects in; Skiff validates
 * them against their Kubernetes schemas, or first hands them to a Skiff program that writes the objects to
 * install, and prints the result for Helm to install. Any error stops the release: nothing is printed, the
 * diagnostics (object kind, name, template and field path) go to standard error, and the exit code is 1.
 */
@Command(name = "post-render",
        description = "Validate (and optionally transform with a Skiff program) Kubernetes YAML read on standard "
                + "input, for Helm's --post-renderer.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  helm template shop ./chart | skiff post-render         validate the rendered chart",
                "  helm template shop ./chart | skiff post-render patch.k transform it with a program",
                "  helm install shop ./chart --post-renderer skiff        Helm 4, with Skiff's Helm plugin installed",
                "",
                "The program sees the objects as option(\"items\") and writes the objects to install.",
                "Without a program the input is printed unchanged (comments included) when it is valid.",
                "Exit codes: 0 success, 1 errors (nothing printed), 2 bad usage."})
public final class PostRenderCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PROGRAM", arity = "0..1",
            description = "A Skiff program (file or directory) that receives the objects as option(\"items\").")
    Path program;

    @Option(names = {"-D", "--argument"}, paramLabel = "KEY=VALUE", description = "Set an option. Repeatable.")
    List<String> arguments = new ArrayList<>();

    @CommandLine.Mixin
    KubernetesOptions kubernetes = new KubernetesOptions();

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() throws IOException {
        Map<String, String> options = Arguments.parse(arguments, spec);
        String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        PrintWriter err = spec.commandLine().getErr();
        ObjectStream input = ObjectStream.read(text);
        if (!input.problems().isEmpty()) {
            return fail(input.problems(), err);
        }
        ObjectProgram.Outcome outcome = ObjectProgram.run(input.objects(), new ObjectProgram.Request(
                program == null ? null : ObjectProgram.Source.file(program), options, Map.of(), null,
                kubernetes.version, kubernetes.crds));
        List<Diagnostic> diagnostics = placed(outcome, input);
        if (outcome.failed()) {
            return fail(diagnostics, err);
        }
        common.report(new Compilation(diagnostics, null, null, null), err);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        // without a program nothing changed: Helm's own text goes back, with its `# Source:` comments
        out.print(program == null ? text : YamlWriter.writeStream(outcome.objects()));
        out.flush();
        return ExitCodes.OK;
    }

    private int fail(List<Diagnostic> diagnostics, PrintWriter err) {
        common.report(new Compilation(diagnostics, null, null, null), err);
        long n = diagnostics.stream().filter(Diagnostic::isError).count();
        err.println(n + (n == 1 ? " error" : " errors") + " found; nothing was written");
        err.flush();
        return ExitCodes.PROGRAM_ERROR;
    }

    /** Each finding about an object, with the template (or line) the object came from added to its message. */
    private static List<Diagnostic> placed(ObjectProgram.Outcome outcome, ObjectStream input) {
        Map<String, ObjectStream.Entry> byIdentity = new HashMap<>();
        for (ObjectStream.Entry e : input.entries()) {
            byIdentity.putIfAbsent(identity(e.object()), e);
        }
        List<Diagnostic> out = new ArrayList<>();
        for (ObjectProgram.Finding f : outcome.findings()) {
            Diagnostic d = f.diagnostic();
            ObjectStream.Entry from = f.object() == null || d.span() != null ? null : byIdentity.get(identity(f.object()));
            out.add(from == null ? d : new Diagnostic(d.code(), d.severity(), d.message() + " (in " + from.where() + ")",
                    d.span(), d.labels(), d.hints(), d.fixes()));
        }
        return out;
    }

    private static String identity(Map<String, Object> o) {
        Object meta = o.get("metadata");
        Object name = meta instanceof Map<?, ?> m ? m.get("name") : null;
        Object namespace = meta instanceof Map<?, ?> m ? m.get("namespace") : null;
        return o.get("apiVersion") + "|" + o.get("kind") + "|" + namespace + "|" + name;
    }
}
