package dev.skiff.cli;

import dev.skiff.validate.ValidationOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The flags of the validation stage: kinds to leave unchecked, and whether a kind without a schema is an error. */
final class ValidationFlags {
    @Option(names = "--skip", paramLabel = "KIND[,KIND…]",
            description = "Do not validate objects of these kinds (Kind, or apiVersion/Kind such as apps/v1/Deployment). Repeatable.")
    List<String> skip = new ArrayList<>();

    @Option(names = "--ignore-missing-schemas",
            description = "Leave out objects whose kind has no schema (a CRD not at hand) instead of reporting them.")
    boolean ignoreMissingSchemas;

    ValidationOptions options() {
        return new ValidationOptions(ValidationOptions.parseSkip(skip), ignoreMissingSchemas);
    }
}
