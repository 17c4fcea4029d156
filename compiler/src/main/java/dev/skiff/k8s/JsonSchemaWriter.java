package dev.skiff.k8s;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes standalone, strict draft-04 JSON Schemas in the layout kubeconform reads ({@code deployment-apps-v1.json},
 * {@code service-v1.json}): every {@code $ref} inlined, {@code additionalProperties: false} on every object,
 * int-or-string as {@code string|integer}, quantities as {@code string|number} with the quantity pattern, and
 * {@code apiVersion}/{@code kind} fixed to the kind's own values. A definition that contains itself (only
 * {@code JSONSchemaProps} does) is cut at its second occurrence on a path and accepts any value there.
 */
public final class JsonSchemaWriter {
    static final String DRAFT_04 = "http://json-schema.org/draft-04/schema#";
    private static final String QUANTITY_PATTERN =
            "^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$";

    private final SchemaRegistry registry;
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    public JsonSchemaWriter(SchemaRegistry registry) {
        this.registry = registry;
    }

    /** kubeconform's file name for a kind: the lower-case kind, the group's first label (none for core), version. */
    public static String fileName(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String suffix = slash < 0 ? apiVersion
                : apiVersion.substring(0, slash).split("\\.")[0] + "-" + apiVersion.substring(slash + 1);
        return (kind + "-" + suffix).toLowerCase(Locale.ROOT) + ".json";
    }

    /** The standalone schema of one kind. */
    public ObjectNode schemaOf(SchemaRegistry.Gvk gvk) {
        K8sType type = registry.byGvk(gvk.apiVersion(), gvk.kind()).orElseThrow(() ->
                new IllegalArgumentException("no kind " + gvk));
        ObjectNode schema = json.objectNode();
        schema.put("$schema", DRAFT_04);
        schema.setAll(object(type, new HashSet<>()));
        fix(schema, "apiVersion", gvk.apiVersion());
        fix(schema, "kind", gvk.kind());
        ArrayNode ext = schema.putArray("x-kubernetes-group-version-kind");
        int slash = gvk.apiVersion().indexOf('/');
        ext.addObject().put("group", slash < 0 ? "" : gvk.apiVersion().substring(0, slash))
                .put("kind", gvk.kind()).put("version", gvk.apiVersion().substring(slash + 1));
        return schema;
    }

    /** Writes one file per kind into {@code dir} (created if needed) and returns the files written, sorted. */
    public List<Path> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper mapper = new ObjectMapper();
        List<Path> written = new ArrayList<>();
        for (SchemaRegistry.Gvk gvk : registry.kinds()) {
            Path target = dir.resolve(fileName(gvk.apiVersion(), gvk.kind()));
            Path tmp = dir.resolve("." + target.getFileName() + ".tmp");
            try (var out = Files.newOutputStream(tmp)) {
                mapper.writeValue(out, schemaOf(gvk));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
        }
        written.sort(null);
        return written;
    }

    private void fix(ObjectNode schema, String property, String value) {
        ObjectNode props = (ObjectNode) schema.get("properties");
        if (props != null && props.has(property)) {
            ObjectNode p = (ObjectNode) props.get(property);
            p.putArray("enum").add(value);
            ArrayNode required = schema.has("required") ? (ArrayNode) schema.get("required") : schema.putArray("required");
            boolean present = false;
            for (var r : required) {
                present |= r.asText().equals(property);
            }
            if (!present) {
                required.add(property);
            }
        }
    }

    private ObjectNode object(K8sType type, Set<String> onPath) {
        ObjectNode o = json.objectNode();
        if (!type.description().isEmpty()) {
            o.put("description", type.description());
        }
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        onPath.add(type.name());
        for (K8sProperty p : type.properties().values()) {
            ObjectNode ps = type(p.type(), p, onPath);
            if (!p.description().isEmpty() && !ps.has("description")) {
                ps.put("description", p.description());
            }
            props.set(p.name(), ps);
        }
        onPath.remove(type.name());
        if (!type.required().isEmpty()) {
            ArrayNode req = o.putArray("required");
            type.required().forEach(req::add);
        }
        o.put("additionalProperties", false);
        return o;
    }

    private ObjectNode type(TypeRef t, K8sProperty p, Set<String> onPath) {
        ObjectNode o = json.objectNode();
        switch (t.kind()) {
            case OBJECT -> {
                K8sType target = registry.lookup(t.definition()).orElse(null);
                if (target != null && !onPath.contains(target.name())) {
                    return object(target, onPath);
                }
            }
            case STRING -> {
                o.put("type", "string");
                if (!p.enumValues().isEmpty()) {
                    ArrayNode e = o.putArray("enum");
                    p.enumValues().forEach(e::add);
                }
                if (p.format().equals("byte")) {
                    o.put("format", "byte");
                }
            }
            case INT32, INT64 -> o.put("type", "integer").put("format", t.kind() == TypeRef.Kind.INT32 ? "int32" : "int64");
            case NUMBER -> o.put("type", "number");
            case BOOLEAN -> o.put("type", "boolean");
            case INT_OR_STRING -> o.putArray("type").add("string").add("integer");
            case QUANTITY -> {
                o.putArray("type").add("string").add("number");
                o.put("pattern", QUANTITY_PATTERN);
            }
            case DATE_TIME -> o.put("type", "string").put("format", "date-time");
            case LIST -> {
                o.put("type", "array");
                o.set("items", type(t.element(), p, onPath));
            }
            case MAP -> {
                o.put("type", "object");
                o.set("additionalProperties", type(t.element(), p, onPath));
            }
            case ANY -> {
            }
        }
        return o;
    }
}
