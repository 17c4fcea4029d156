package dev.skiff.validate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the validation stage leaves unchecked, for programs and plain YAML alike: objects of the kinds named in
 * {@code skip}, and with {@code ignoreMissingSchemas} objects whose kind no schema describes (a CRD not at hand).
 * Such objects are still collected and emitted; they are only not checked against a schema.
 *
 * @param skip                 {@code Kind}, or {@code apiVersion/Kind} such as {@code apps/v1/Deployment} or
 *                             {@code v1/ConfigMap}
 * @param ignoreMissingSchemas leave out objects of unknown kinds instead of reporting them
 */
public record ValidationOptions(Set<String> skip, boolean ignoreMissingSchemas) {
    /** Every object is checked, and a kind without a schema is an error. */
    public static final ValidationOptions STRICT = new ValidationOptions(Set.of(), false);

    public ValidationOptions {
        skip = Set.copyOf(skip);
    }

    /** Whether an object of this kind is left out by {@link #skip}. */
    public boolean skips(String apiVersion, String kind) {
        return skip.contains(kind) || skip.contains(apiVersion + "/" + kind);
    }

    /** Kinds as the command line gives them: comma-separated, repeatable, blanks ignored. */
    public static Set<String> parseSkip(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }
}
