package dev.skiff.cli;

import dev.skiff.CompileRequest;
import dev.skiff.diag.MachineRenderer;
import dev.skiff.diag.Result;
import dev.skiff.diag.TextRenderer;
import dev.skiff.vet.Vet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
 * {@code skiff vet}: KCL's {@code kcl vet}. A YAML or JSON data file is validated with a program's schema: its
 * attribute types, its {@code check:} blocks and the program's {@code assert}s, every problem shown at the data's own
 * line and column.
 */
@Command(name = "vet",
        description = {"Validate a YAML or JSON data file with a schema of a program, as kcl vet does.",
                "The data becomes `value = Schema {…}` in the program (the first schema unless --schema names one); "
                        + "types, checks and asserts judge it, and problems are shown at the data's lines."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff vet data.json schema.k                    with the first schema of schema.k",
                "  skiff vet data.yaml schema.k -s User            with the schema User",
                "  skiff vet users.yaml schema.k -s User           a list at the top: each item is a User",
                "  kubectl get cm app -o json | skiff vet - schema.k -s ConfigMap",
                "",
                "Exit codes: 0 valid, 1 invalid (or the program has errors), 2 bad usage, 3 internal error."})
public final class VetCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "The YAML or JSON file, or - for standard input.")
    Path data;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CODE",
            description = "The program's .k files, or its package directory.")
    List<Path> code = new ArrayList<>();

    @Option(names = {"-s", "--schema", "-d"}, paramLabel = "NAME",
            description = "The schema to validate with (pkg.Name for an imported one; default: the first schema). "
                    + "-d is KCL's older spelling.")
    String schema;

    @Option(names = {"-a", "--attribute_name", "--attribute-name", "-n"}, paramLabel = "NAME", defaultValue = "value",
            description = "The name the data is bound to in the program (default: ${DEFAULT-VALUE}).")
    String attribute;

    @Option(names = "--format", paramLabel = "json|yaml",
            description = "The data's format. Either is read by its content (JSON is YAML); accepted for kcl vet's "
                    + "command lines.")
    String dataFormat;

    @Option(names = "--output", paramLabel = "text|json", defaultValue = "text",
            description = "How to report: text (diagnostics on standard error) or json (Skiff's machine-readable "
                    + "report on standard output).")
    String output;

    @Option(names = {"-D", "--argument"}, paramLabel = "KEY=VALUE",
            description = "Set an option read by option(\"KEY\"). Repeatable.")
    List<String> arguments = new ArrayList<>();

    @CommandLine.Mixin
    KubernetesOptions kubernetes = new KubernetesOptions();

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() throws IOException {
        if (dataFormat != null && !List.of("json", "yaml", "yml").contains(dataFormat.toLowerCase(java.util.Locale.ROOT))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format: expected json or yaml, found `"
                    + dataFormat + "`");
        }
        if (!output.equals("text") && !output.equals("json")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--output: expected text or json, found `"
                    + output + "`");
        }
        if (!attribute.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--attribute_name: not a name: `" + attribute
                    + "`");
        }
        Map<String, String> options = Arguments.parse(arguments, spec);
        Path workDir = Path.of("").toAbsolutePath();
        CompileRequest base = new CompileRequest(List.of(), options, workDir, ProgramRuns.discard(), kubernetes.version,
                kubernetes.crds);
        Path dataPath = data;
        if (data.toString().equals("-")) {
            dataPath = Path.of(ProgramRuns.STDIN);
            String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            base = base.withOverlay(Map.of(workDir.resolve(dataPath).toAbsolutePath().normalize(), text));
        }
        Result<String> result = Vet.validate(new Vet.Request(code, dataPath, schema, attribute), base);
        PrintWriter out = spec.commandLine().getOut();
        boolean valid = !result.hasErrors();
        if (output.equals("json")) {
            out.print(MachineRenderer.json(result.diagnostics()));
        } else {
            if (!result.diagnostics().isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.print(new TextRenderer(common.useColor()).render(result.diagnostics()));
                err.flush();
            }
            if (valid) {
                out.println("Validate success!");
            }
        }
        out.flush();
        return valid ? ExitCodes.OK : ExitCodes.PROGRAM_ERROR;
    }
}
