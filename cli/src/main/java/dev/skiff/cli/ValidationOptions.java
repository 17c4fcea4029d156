package dev.skiff.cli;

import dev.skiff.k8s.ManifestCheck;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How strictly objects are validated: kinds to leave out, and whether a kind without a schema is an error. */
final class ValidationOptions {
    @Option(names = "--skip", paramLabel = "KIND[,KIND…]",
            description = "Do not validate objects of these kinds (Kind, or apiVersion/Kind such as apps/v1/Deployment). Repeatable.")
    List<String> skip = new ArrayList<>();

    @Option(names = "--ignore-missing-schemas",
            description = "Leave out objects whose kind has no schema (a CRD not at hand) instead of reporting them.")
    boolean ignoreMissingSchemas;

    ManifestCheck.Options options() {
        return new ManifestCheck.Options(ManifestCheck.parseSkip(skip), ignoreMissingSchemas);
    }
}
