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
                          String format) {
    public K8sProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        enumValues = List.copyOf(enumValues);
    }
}
