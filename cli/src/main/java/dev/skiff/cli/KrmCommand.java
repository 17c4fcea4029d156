package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.emit.DataReader;
import dev.skiff.emit.YamlWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
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

/**
 * {@code skiff krm}: a KRM function (the KRM Functions Specification), for kustomize, kpt and any other
 * orchestrator. It reads a {@code ResourceList} on standard input, runs the program its {@code functionConfig}
 * names with the incoming items as {@code option("items")}, validates what the program writes, and prints a
 * {@code ResourceList} with those objects as its items and Skiff's diagnostics as its {@code results}. When
 * anything fails, the items go back unchanged, the results say why, and the exit code is 1.
 */
@Command(name = "krm",
        description = "Run as a KRM function: a ResourceList on standard input, a ResourceList on standard output.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  kustomize build --enable-alpha-plugins --enable-exec .   with a transformer whose exec path runs skiff krm",
                "  kpt fn eval --exec \"skiff krm\" --fn-config fn.yaml pkg/",
                "  skiff krm < resource-list.yaml",
                "",
                "The functionConfig is a SkiffRun (apiVersion: fn.skiff.dev/v1alpha1) with spec.source (the",
                "program inline) or spec.path, and spec.params; KCL's KCLRun and a ConfigMap (data.source,",
                "data.path, other keys as params) work too. The program reads option(\"items\"),",
                "option(\"params\") and option(\"resource_list\"), and the objects it writes become the items.",
                "Exit codes: 0 success, 1 errors (the results say which; items unchanged), 2 bad usage."})
public final class KrmCommand implements Callable<Integer> {
    static final String RESOURCE_LIST_VERSION = "config.kubernetes.io/v1";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PROGRAM", arity = "0..1",
            description = "A Skiff program (file or directory) to run instead of the one the functionConfig names.")
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
        Map<String, Object> input;
        try {
            input = resourceList(DataReader.readYamlStream(text));
        } catch (DataReader.ReadException e) {
            return failInput("standard input is not valid YAML: " + e.getMessage());
        }
        if (input == null) {
            return failInput("standard input holds no `ResourceList` (apiVersion: " + RESOURCE_LIST_VERSION
                    + ", kind: ResourceList)");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        Object rawItems = input.get("items");
        if (rawItems != null && !(rawItems instanceof List<?>)) {
            return failInput("the ResourceList's `items` is not a list");
        }
        if (rawItems instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> m) || !(m.get("apiVersion") instanceof String)
                        || !(m.get("kind") instanceof String)) {
                    return failInput("item " + i + " of the ResourceList is not a Kubernetes object: it needs string "
                            + "`apiVersion` and `kind` fields");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) m;
                items.add(item);
            }
        }
        FunctionConfig config = FunctionConfig.read(input.get("functionConfig"), program);
        if (config.problem() != null || config.program() == null) {
            Diagnostic d = Diagnostic.error(Code.E0413, null, config.problem());
            return finish(items, List.of(new ObjectProgram.Finding(d, null, null)), ExitCodes.PROGRAM_ERROR);
        }
        ObjectProgram.Outcome outcome = ObjectProgram.run(items, new ObjectProgram.Request(config.program(), options,
                config.params(), input, kubernetes.version, kubernetes.crds));
        if (outcome.failed()) {
            return finish(items, outcome.findings(), ExitCodes.PROGRAM_ERROR);
        }
        return finish(outcome.objects(), outcome.findings(), ExitCodes.OK);
    }

    /** The first document, when it is a ResourceList; null otherwise. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resourceList(List<Object> docs) {
        for (Object doc : docs) {
            if (doc != null) {
                return doc instanceof Map<?, ?> m && "ResourceList".equals(m.get("kind"))
                        && String.valueOf(m.get("apiVersion")).startsWith("config.kubernetes.io/")
                        ? (Map<String, Object>) m : null;
            }
        }
        return null;
    }

    private int failInput(String message) {
        Diagnostic d = Diagnostic.error(Code.E0413, null, message);
        return finish(List.of(), List.of(new ObjectProgram.Finding(d, null, null)), ExitCodes.PROGRAM_ERROR);
    }

    /** Prints the output ResourceList on standard output and the diagnostics, for people, on standard error. */
    private int finish(List<Map<String, Object>> items, List<ObjectProgram.Finding> findings, int exit) {
        PrintWriter err = spec.commandLine().getErr();
        List<Diagnostic> diagnostics = findings.stream().map(ObjectProgram.Finding::diagnostic).toList();
        common.report(new Compilation(diagnostics, null, null, null), err);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("apiVersion", RESOURCE_LIST_VERSION);
        out.put("kind", "ResourceList");
        out.put("items", items);
        if (!findings.isEmpty()) {
            out.put("results", KrmResults.of(findings));
        }
        PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        stdout.print(YamlWriter.write(out));
        stdout.flush();
        return exit;
    }
}
