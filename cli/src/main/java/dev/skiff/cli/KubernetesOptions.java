package dev.skiff.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that choose the Kubernetes schemas a command types against: the version and extra CRDs. */
final class KubernetesOptions {
    @Option(names = "--k8s-version", paramLabel = "VERSION",
            description = "Kubernetes version of the schemas (default: kcl.mod's [skiff] k8s, else the newest).")
    String version;

    @Option(names = "--crd", paramLabel = "FILE|DIR",
            description = "A CustomResourceDefinition file or directory; its kinds become the modules "
                    + "crds.<group>.<version>. Repeatable.")
    List<Path> crds = new ArrayList<>();
}
