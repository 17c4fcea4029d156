package dev.skiff.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The Kubernetes API schema of one version (e.g. {@code 1.35}), read from the resource
 * {@code skiff/k8s/<version>.json.gz} that the k8s-schema-gen build step derives from client-java-api and fabric8.
 * Loading parses the resource once; each {@link K8sType} is built on first lookup and kept by this registry, so
 * the cache has an owner and nothing is global.
 */
public final class SchemaRegistry {
    private static final String ROOT = "skiff/k8s/";
    private static final Pattern PREFIX = Pattern.compile("^(?:[A-Z][a-z]+)*V\\d+(?:(?:alpha|beta)\\d+)?(?=[A-Z])");

    private static final Pattern CRD_PREFIX = Pattern.compile("^Crd\\..*?\\.v\\d+(?:(?:alpha|beta)\\d+)?\\.");
    private final String version;
    private final JsonNode definitions;
    private final Map<String, String> gvk;
    private final Map<String, Gvk> gvkByDefinition;
    private final Map<String, Map<String, String>> modules;
    private final Map<String, K8sType> built = new ConcurrentHashMap<>();

    /** A kind's identity: {@code apiVersion} is {@code v1} for the core group, {@code apps/v1} otherwise. */
    public record Gvk(String apiVersion, String kind) {
    }

    private SchemaRegistry(String version, JsonNode root) {
        this.version = version;
        this.definitions = root.get("definitions");
        Map<String, String> g = new LinkedHashMap<>();
        Map<String, Gvk> byDef = new LinkedHashMap<>();
        root.get("gvk").fields().forEachRemaining(e -> {
            g.put(e.getKey(), e.getValue().asText());
            int slash = e.getKey().lastIndexOf('/');
            byDef.putIfAbsent(e.getValue().asText(),
                    new Gvk(e.getKey().substring(0, slash), e.getKey().substring(slash + 1)));
        });
        this.gvk = Collections.unmodifiableMap(g);
        this.gvkByDefinition = Collections.unmodifiableMap(byDef);
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        root.get("modules").fields().forEachRemaining(e -> {
            Map<String, String> members = new LinkedHashMap<>();
            e.getValue().fields().forEachRemaining(t -> members.put(t.getKey(), t.getValue().asText()));
            m.put(e.getKey(), Collections.unmodifiableMap(members));
        });
        this.modules = Collections.unmodifiableMap(m);
    }

    /**
     * The registry for {@code version} (null: the newest) with the given CRDs added; problems reading the CRDs
     * or an unknown version are diagnostics.
     */
    public static dev.skiff.diag.Result<SchemaRegistry> with(String version, List<java.nio.file.Path> crds) {
        // registries are immutable: the last few are kept, keyed by version and the CRD files' identity, so
        // the type checker, the evaluator and an editor's repeated compiles share one
        String key = cacheKey(version, crds);
        synchronized (CACHE) {
            dev.skiff.diag.Result<SchemaRegistry> hit = CACHE.get(key);
            if (hit != null) {
                return hit;
            }
        }
        dev.skiff.diag.Result<SchemaRegistry> made = build(version, crds);
        synchronized (CACHE) {
            CACHE.put(key, made);
        }
        return made;
    }

    private static final java.util.Map<String, dev.skiff.diag.Result<SchemaRegistry>> CACHE =
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, dev.skiff.diag.Result<SchemaRegistry>> e) {
                    return size() > 4;
                }
            };

    /** The version, and each CRD path with the size and modification time of every file below it. */
    private static String cacheKey(String version, List<java.nio.file.Path> crds) {
        StringBuilder sb = new StringBuilder(String.valueOf(version));
        for (java.nio.file.Path p : crds) {
            sb.append('|').append(p.toAbsolutePath().normalize());
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.isDirectory(p)
                    ? java.nio.file.Files.walk(p) : java.util.stream.Stream.of(p)) {
                for (java.nio.file.Path f : files.sorted().toList()) {
                    if (java.nio.file.Files.isRegularFile(f)) {
                        sb.append(';').append(f).append(':').append(java.nio.file.Files.size(f)).append(':')
                                .append(java.nio.file.Files.getLastModifiedTime(f).toMillis());
                    }
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                sb.append(";unreadable");
            }
        }
        return sb.toString();
    }

    private static dev.skiff.diag.Result<SchemaRegistry> build(String version, List<java.nio.file.Path> crds) {
        List<String> versions = versions();
        if (versions.isEmpty()) {
            return dev.skiff.diag.Result.failed(List.of(dev.skiff.diag.Diagnostic.error(dev.skiff.diag.Code.E0202, null,
                    "this build of Skiff carries no Kubernetes schemas")));
        }
        String v = version == null ? versions.get(0) : version;
        if (!versions.contains(v)) {
            return dev.skiff.diag.Result.failed(List.of(dev.skiff.diag.Diagnostic.error(dev.skiff.diag.Code.E0202, null,
                    "no Kubernetes schema for version `" + v + "`").withHint("this build has " + String.join(", ", versions))));
        }
        dev.skiff.diag.Result<JsonNode> builtIn = CrdLoader.loadBuiltIn();
        SchemaRegistry base = load(v).extend(builtIn.value());
        if (crds.isEmpty()) {
            return dev.skiff.diag.Result.of(base, builtIn.diagnostics());
        }
        dev.skiff.diag.Result<JsonNode> extra = CrdLoader.load(crds);
        List<dev.skiff.diag.Diagnostic> all = new ArrayList<>(builtIn.diagnostics());
        all.addAll(extra.diagnostics());
        return dev.skiff.diag.Result.of(base.extend(extra.value()), all);
    }

    /** The versions this build carries, newest first, e.g. {@code [1.35, 1.34, 1.33]}. */
    public static List<String> versions() {
        try (InputStream in = resource("versions.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one version's schema. Callers check a user-supplied version against {@link #versions()} first;
     * an unknown version here is a caller's bug.
     *
     * @throws IllegalArgumentException when this build carries no schema for {@code version}
     */
    public static SchemaRegistry load(String version) {
        try (InputStream raw = resource(version + ".json.gz")) {
            if (raw == null || !versions().contains(version)) {
                throw new IllegalArgumentException("no Kubernetes schema for version `" + version + "`; this build has "
                        + versions());
            }
            try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                return new SchemaRegistry(version, new ObjectMapper().readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the Kubernetes schema resource for " + version + " is unreadable", e);
        }
    }

    private static InputStream resource(String name) {
        return SchemaRegistry.class.getClassLoader().getResourceAsStream(ROOT + name);
    }

    /**
     * This registry with more definitions, kinds and modules (from CRDs), in the same compact form as the
     * generated resources: {@code {"definitions": {...}, "gvk": {"group/version/Kind": def}, "modules": {...}}}.
     */
    public SchemaRegistry extend(JsonNode extra) {
        com.fasterxml.jackson.databind.node.ObjectNode root = new ObjectMapper().createObjectNode();
        com.fasterxml.jackson.databind.node.ObjectNode defs = definitions.deepCopy();
        extra.path("definitions").fields().forEachRemaining(e -> defs.set(e.getKey(), e.getValue()));
        root.set("definitions", defs);
        com.fasterxml.jackson.databind.node.ObjectNode g = root.putObject("gvk");
        gvk.forEach(g::put);
        extra.path("gvk").fields().forEachRemaining(e -> g.set(e.getKey(), e.getValue()));
        com.fasterxml.jackson.databind.node.ObjectNode m = root.putObject("modules");
        modules.forEach((path, members) -> {
            com.fasterxml.jackson.databind.node.ObjectNode o = m.putObject(path);
            members.forEach(o::put);
        });
        extra.path("modules").fields().forEachRemaining(e -> m.set(e.getKey(), e.getValue()));
        return new SchemaRegistry(version, root);
    }

    /** The Kubernetes version of this schema, e.g. {@code 1.35}. */
    public String version() {
        return version;
    }

    /** Every definition name, e.g. {@code V1Container}, sorted. */
    public List<String> definitionNames() {
        List<String> names = new ArrayList<>();
        definitions.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A definition by its client-java name, e.g. {@code V1Container} or {@code CoreV1Event}. */
    public Optional<K8sType> lookup(String definitionName) {
        if (!definitions.has(definitionName)) {
            return Optional.empty();
        }
        return Optional.of(built.computeIfAbsent(definitionName, this::build));
    }

    /** The type of a kind, e.g. {@code byGvk("apps/v1", "Deployment")} or {@code byGvk("v1", "Service")}. */
    public Optional<K8sType> byGvk(String apiVersion, String kind) {
        String def = gvk.get(apiVersion + "/" + kind);
        return def == null ? Optional.empty() : lookup(def);
    }

    /** Every kind of this version (including the {@code ...List} kinds), in apiVersion/kind order. */
    public List<Gvk> kinds() {
        return gvk.keySet().stream().map(k -> {
            int slash = k.lastIndexOf('/');
            return new Gvk(k.substring(0, slash), k.substring(slash + 1));
        }).toList();
    }

    /** The apiVersion and kind of a definition that is a kind ({@code V1Deployment} → apps/v1 Deployment). */
    public Optional<Gvk> gvkOf(String definitionName) {
        return Optional.ofNullable(gvkByDefinition.get(definitionName));
    }

    /**
     * KCL-style module paths ({@code k8s.api.apps.v1}, {@code k8s.api.core.v1},
     * {@code k8s.apimachinery.pkg.apis.meta.v1}) → the type names they export ({@code Deployment}, ...).
     */
    public Map<String, List<String>> modulePaths() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        modules.forEach((path, members) -> out.put(path, List.copyOf(members.keySet())));
        return Collections.unmodifiableMap(out);
    }

    /** A type exported by a module path, e.g. {@code member("k8s.api.apps.v1", "Deployment")}. */
    public Optional<K8sType> member(String modulePath, String typeName) {
        Map<String, String> members = modules.get(modulePath);
        String def = members == null ? null : members.get(typeName);
        return def == null ? Optional.empty() : lookup(def);
    }

    static String shortName(String definitionName) {
        if (definitionName.startsWith("Crd.")) {
            return CRD_PREFIX.matcher(definitionName).replaceFirst("");
        }
        return PREFIX.matcher(definitionName).replaceFirst("");
    }

    private K8sType build(String name) {
        JsonNode d = definitions.get(name);
        List<String> required = new ArrayList<>();
        d.path("required").forEach(r -> required.add(r.asText()));
        Map<String, K8sProperty> props = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = d.path("properties").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            TypeRef type = TypeRef.parse(p.get("type").asText());
            String description = p.path("description").asText("");
            if (description.isEmpty()) {
                description = targetDescription(type);
            }
            List<String> enums = new ArrayList<>();
            p.path("enum").forEach(v -> enums.add(v.asText()));
            K8sProperty.Constraints c = new K8sProperty.Constraints(
                    p.has("minimum") ? p.get("minimum").asDouble() : null, p.has("maximum") ? p.get("maximum").asDouble() : null,
                    p.has("pattern") ? p.get("pattern").asText() : null, p.has("minLength") ? p.get("minLength").asInt() : null,
                    p.has("maxLength") ? p.get("maxLength").asInt() : null);
            props.put(e.getKey(), new K8sProperty(e.getKey(), type, required.contains(e.getKey()), description, enums,
                    p.path("format").asText(""), c));
        }
        return new K8sType(name, d.path("description").asText(""), props);
    }

    /** client-java leaves object-typed properties undescribed; the referenced type's description stands in. */
    private String targetDescription(TypeRef type) {
        TypeRef t = type;
        while (t.element() != null) {
            t = t.element();
        }
        if (t.kind() != TypeRef.Kind.OBJECT || !definitions.has(t.definition())) {
            return "";
        }
        return definitions.get(t.definition()).path("description").asText("");
    }
}
