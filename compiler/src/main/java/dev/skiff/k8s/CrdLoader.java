package dev.skiff.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads CustomResourceDefinitions and turns each served version's {@code openAPIV3Schema} into definitions
 * in the schema registry's compact form, so custom resources are typed and validated like built-in kinds.
 * A CRD for group {@code example.com}, version {@code v1}, kind {@code Widget} becomes the module
 * {@code crds.example.com.v1} with the member {@code Widget}.
 */
public final class CrdLoader {
    private static final ObjectMapper YAML = new YAMLMapper();

    private CrdLoader() {
    }

    /** The definitions of every CRD in the files (directories: their {@code .yaml}, {@code .yml}, {@code .json}). */
    public static Result<JsonNode> load(List<Path> paths) {
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.putObject("definitions");
        out.putObject("gvk");
        out.putObject("modules");
        List<Diagnostic> problems = new ArrayList<>();
        for (Path p : paths) {
            List<Path> files = new ArrayList<>();
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p, 4)) {
                    s.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).sorted().forEach(files::add);
                } catch (IOException e) {
                    problems.add(Diagnostic.error(Code.E0412, null, "cannot list CRDs in `" + shown(p) + "`: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                problems.add(Diagnostic.error(Code.E0412, null, "no CRD file or directory `" + shown(p) + "`"));
            }
            for (Path f : files) {
                read(f, out, problems);
            }
        }
        return Result.of(out, problems);
    }

    /**
     * The CRDs the standard library ships (listed in the classpath resource {@code skiff/crds/index}), so
     * that what the stdlib emits, such as Knative Services, is typed and validated like everything else.
     */
    public static Result<JsonNode> loadBuiltIn() {
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.putObject("definitions");
        out.putObject("gvk");
        out.putObject("modules");
        List<Diagnostic> problems = new ArrayList<>();
        ClassLoader loader = CrdLoader.class.getClassLoader();
        try (var index = loader.getResourceAsStream("skiff/crds/index")) {
            if (index == null) {
                return Result.of(out, problems);
            }
            List<String> names = new String(index.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            List<byte[]> inputs = new ArrayList<>();
            for (String name : names) {
                try (var in = loader.getResourceAsStream("skiff/crds/" + name)) {
                    inputs.add(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    inputs.add(in == null ? new byte[0] : in.readAllBytes());
                }
            }
            // reading YAML is most of the cost of a small program's run: the result is kept between runs,
            // named by the CRDs' contents (and the form of the result, which FORM names)
            inputs.add(0, FORM.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String key = DiskCache.key("stdlib-crds", inputs.toArray(byte[][]::new));
            java.util.Optional<JsonNode> cached = DiskCache.read(key);
            if (cached.isPresent() && cached.get() instanceof ObjectNode o && o.has("definitions")) {
                return Result.of(o, problems);
            }
            for (int i = 1; i < inputs.size(); i += 2) {
                if (inputs.get(i + 1).length > 0) {
                    String name = new String(inputs.get(i), java.nio.charset.StandardCharsets.UTF_8);
                    read(new YAMLFactory().createParser(inputs.get(i + 1)), Path.of("stdlib", name), out, problems);
                }
            }
            if (problems.isEmpty()) {
                DiskCache.write(key, out);
            }
        } catch (IOException e) {
            problems.add(Diagnostic.error(Code.E0412, null, "cannot read the stdlib's CRDs: " + e.getMessage()));
        }
        return Result.of(out, problems);
    }

    /** The version of the form {@link #loadBuiltIn} gives; change it when the form changes, so old caches go unused. */
    private static final String FORM = "crd-compact-1";

    private static void read(Path file, ObjectNode out, List<Diagnostic> problems) {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            read(parser, file, out, problems);
        } catch (IOException | RuntimeException e) {
            problems.add(Diagnostic.error(Code.E0412, null, "cannot read CRD file `" + shown(file) + "`: " + e.getMessage()));
        }
    }

    private static void read(com.fasterxml.jackson.core.JsonParser parser, Path file, ObjectNode out,
                             List<Diagnostic> problems) {
        try {
            Iterator<JsonNode> docs = YAML.readValues(parser, JsonNode.class);
            int crds = 0;
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && "CustomResourceDefinition".equals(doc.path("kind").asText())) {
                    crds++;
                    crd(doc, file, out, problems);
                }
            }
            if (crds == 0) {
                problems.add(Diagnostic.warning(Code.E0412, null, "`" + shown(file) + "` holds no CustomResourceDefinition"));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(Diagnostic.error(Code.E0412, null, "cannot read CRD file `" + shown(file) + "`: " + e.getMessage()));
        }
    }

    private static void crd(JsonNode doc, Path file, ObjectNode out, List<Diagnostic> problems) {
        String group = doc.path("spec").path("group").asText("");
        String kind = doc.path("spec").path("names").path("kind").asText("");
        if (group.isEmpty() || kind.isEmpty()) {
            problems.add(Diagnostic.error(Code.E0412, null, "the CRD `" + doc.path("metadata").path("name").asText("?")
                    + "` in `" + shown(file) + "` has no spec.group or spec.names.kind"));
            return;
        }
        for (JsonNode v : doc.path("spec").path("versions")) {
            String version = v.path("name").asText("");
            JsonNode schema = v.path("schema").path("openAPIV3Schema");
            if (version.isEmpty() || schema.isMissingNode()) {
                problems.add(Diagnostic.error(Code.E0412, null, "version `" + version + "` of CRD `" + kind + "` in `"
                        + shown(file) + "` has no openAPIV3Schema"));
                continue;
            }
            String def = "Crd." + group + "." + version + "." + kind;
            ObjectNode top = object(schema, def, (ObjectNode) out.get("definitions"));
            ObjectNode props = (ObjectNode) top.get("properties");
            putIfAbsent(props, "apiVersion", "string");
            putIfAbsent(props, "kind", "string");
            // the API server gives every custom resource the standard ObjectMeta, whatever the CRD says
            // (controller-gen writes a bare `metadata: {type: object}`), so it is typed as one
            props.putObject("metadata").put("type", "V1ObjectMeta");
            ((ObjectNode) out.get("gvk")).put(group + "/" + version + "/" + kind, def);
            ObjectNode modules = (ObjectNode) out.get("modules");
            String module = "crds." + group + "." + version;
            ObjectNode members = modules.has(module) ? (ObjectNode) modules.get(module) : modules.putObject(module);
            members.put(kind, def);
        }
    }

    /** A path as messages show it: relative to the working directory when it lies below it. */
    private static String shown(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static void putIfAbsent(ObjectNode props, String name, String type) {
        if (!props.has(name)) {
            props.putObject(name).put("type", type);
        }
    }

    /** Registers an object schema under {@code name} (nested objects under derived names) and returns it. */
    private static ObjectNode object(JsonNode schema, String name, ObjectNode definitions) {
        ObjectNode def = definitions.putObject(name);
        def.put("description", schema.path("description").asText(""));
        ObjectNode props = def.putObject("properties");
        Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            ObjectNode prop = props.putObject(e.getKey());
            prop.put("type", type(p, name + "." + capitalize(e.getKey()), definitions));
            prop.put("description", p.path("description").asText(""));
            if (p.has("enum")) {
                var values = prop.putArray("enum");
                p.get("enum").forEach(x -> values.add(x.asText()));
            }
            for (String k : List.of("minimum", "maximum", "minLength", "maxLength")) {
                if (p.has(k)) {
                    prop.set(k, p.get(k));
                }
            }
            if (p.has("pattern")) {
                prop.put("pattern", p.get("pattern").asText());
            }
            if (p.has("format")) {
                prop.put("format", p.get("format").asText());
            }
        }
        if (schema.has("required")) {
            def.set("required", schema.get("required"));
        }
        return def;
    }

    private static String type(JsonNode p, String nestedName, ObjectNode definitions) {
        if (p.path("x-kubernetes-int-or-string").asBoolean(false)) {
            return "int-or-string";
        }
        String t = p.path("type").asText(p.has("properties") ? "object" : "");
        return switch (t) {
            case "string" -> "date-time".equals(p.path("format").asText()) ? "date-time" : "string";
            case "integer" -> "int32".equals(p.path("format").asText()) ? "int32" : "int64";
            case "number" -> "number";
            case "boolean" -> "boolean";
            case "array" -> "[]" + (p.has("items") ? type(p.get("items"), nestedName + "Item", definitions) : "any");
            case "object" -> {
                if (p.has("properties")) {
                    object(p, nestedName, definitions);
                    yield nestedName;
                }
                JsonNode extra = p.get("additionalProperties");
                if (extra != null && extra.isObject()) {
                    yield "{}" + type(extra, nestedName + "Value", definitions);
                }
                yield p.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) ? "any" : "{}any";
            }
            default -> "any";
        };
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
