package dev.skiff.validate;

import dev.skiff.eval.value.Value;
import java.util.Map;

/**
 * One Kubernetes object a program produces: its plain data, as emitted, and the value it came from (which
 * remembers where each entry was written).
 */
public record Manifest(Map<String, Object> data, Value value) {
    public String apiVersion() {
        return String.valueOf(data.get("apiVersion"));
    }

    public String kind() {
        return String.valueOf(data.get("kind"));
    }

    /** {@code metadata.name}, or null. */
    public String name() {
        return metadata("name");
    }

    /** {@code metadata.namespace}, or null. */
    public String namespace() {
        return metadata("namespace");
    }

    private String metadata(String key) {
        return data.get("metadata") instanceof Map<?, ?> m && m.get(key) != null ? String.valueOf(m.get(key)) : null;
    }

    /** How messages name the object: {@code Deployment `web`}. */
    public String describe() {
        return kind() + (name() == null ? "" : " `" + name() + "`");
    }
}
