package dev.skiff.k8s;

import java.util.List;
import java.util.Objects;

/**
 * One field of a Kubernetes type.
 *
 * @param name        the JSON name, e.g. {@code imagePullPolicy}
 * @param description the field's own description, or the target type's when the field has none
 * @param enumValues  allowed values, sorted; empty when the field is open
 * @param format      the OpenAPI format ({@code int32}, {@code int64}, {@code double}, {@code date-time},
 *                    {@code byte}), or empty
 */
public record K8sProperty(String name, TypeRef type, boolean required, String description, List<String> enumValues,
                          String format, Constraints constraints) {
    public K8sProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        enumValues = List.copyOf(enumValues);
        constraints = constraints == null ? Constraints.NONE : constraints;
    }

    public K8sProperty(String name, TypeRef type, boolean required, String description, List<String> enumValues,
                       String format) {
        this(name, type, required, description, enumValues, format, Constraints.NONE);
    }

    /**
     * Bounds a CRD schema may set (the built-in Kubernetes types have none): numeric {@code minimum} and
     * {@code maximum}, a string {@code pattern} and length bounds. Null when unset.
     */
    public record Constraints(Double minimum, Double maximum, String pattern, Integer minLength, Integer maxLength) {
        public static final Constraints NONE = new Constraints(null, null, null, null, null);

        public boolean isEmpty() {
            return this.equals(NONE);
        }
    }
}
