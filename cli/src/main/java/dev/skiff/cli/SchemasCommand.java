package dev.skiff.cli;

import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.k8s.JsonSchemaWriter;
import dev.skiff.k8s.SchemaRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code skiff schemas}: the Kubernetes JSON Schemas Skiff validates with, in kubeconform's layout. */
@Command(name = "schemas",
        description = "Write standalone strict JSON Schemas (kubeconform's layout) for every Kubernetes kind.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff schemas -o schemas/",
                "  kubeconform -strict -schema-location 'schemas/{{.ResourceKind}}{{.KindSuffix}}.json' out.yaml",
                "  skiff schemas -o schemas/ --k8s-version 1.35 --crd crds/",
                "",
                "Exit codes: 0 success, 1 a CRD could not be read, 2 bad usage, 3 internal error."})
public final class SchemasCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Directory to write to.")
    Path output;

    @CommandLine.Mixin
    KubernetesOptions kubernetes = new KubernetesOptions();

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() throws IOException {
        Result<SchemaRegistry> registry = SchemaRegistry.with(kubernetes.version, kubernetes.crds);
        if (!registry.diagnostics().isEmpty()) {
            common.report(new dev.skiff.Compilation(registry.diagnostics(), null, null, null), spec.commandLine().getErr());
        }
        if (registry.value() == null || registry.diagnostics().stream().anyMatch(Diagnostic::isError)) {
            return ExitCodes.PROGRAM_ERROR;
        }
        List<Path> written = new JsonSchemaWriter(registry.value()).writeAll(output);
        spec.commandLine().getOut().println("wrote " + written.size() + " schemas for Kubernetes "
                + registry.value().version() + " to " + output);
        return ExitCodes.OK;
    }
}
