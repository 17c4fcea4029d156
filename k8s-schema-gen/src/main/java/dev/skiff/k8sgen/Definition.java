package dev.skiff.k8sgen;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One model class of client-java-api read by reflection: its name (the class's simple name, e.g.
 * {@code V1Container}), description, properties in declaration order and required property names.
 */
final class Definition {
    final String name;
    final String description;
    final Map<String, Property> properties = new LinkedHashMap<>();
    final Set<String> required = new LinkedHashSet<>();

    Definition(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /**
     * A property: {@code type} is a compact type reference ({@code string}, {@code int32}, {@code []V1Volume},
     * {@code {}string}, a definition name, ...); {@code enumValues} is empty when the field is open.
     */
    record Property(String jsonName, String type, String format, String description, Set<String> enumValues) {
    }
}
