package dev.skiff.k8s;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Kubernetes definition (an object type), e.g. {@code V1Container}: its description and its properties in
 * schema order. Every definition is of {@link TypeRef.Kind#OBJECT} kind; scalar, list and map kinds appear only as
 * property types ({@link TypeRef}).
 *
 * @param name the definition name as client-java spells it ({@code V1Deployment}, {@code CoreV1Event})
 */
public record K8sType(String name, String description, Map<String, K8sProperty> properties) {
    public K8sType {
        Objects.requireNonNull(name, "name");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Always {@link TypeRef.Kind#OBJECT}. */
    public TypeRef.Kind kind() {
        return TypeRef.Kind.OBJECT;
    }

    /** The name used in KCL-style modules: {@code V1Deployment} → {@code Deployment}. */
    public String shortName() {
        return SchemaRegistry.shortName(name);
    }

    /** Names of required properties, in schema order. */
    public List<String> required() {
        return properties.values().stream().filter(K8sProperty::required).map(K8sProperty::name).toList();
    }
}
