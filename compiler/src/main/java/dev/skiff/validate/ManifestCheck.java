package dev.skiff.validate;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.eval.value.Value;
import dev.skiff.k8s.YamlDocuments;
import dev.skiff.k8s.YamlNode;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import dev.skiff.types.KubernetesSchemas;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes objects of a YAML or JSON file (several documents, and the items of a {@code kind: List}),
 * validated by the validation stage as a program's objects are ({@link Validation#ofData}): the same
 * {@link Validator}, codes and messages, objects emitted twice, and the same {@link ValidationOptions}. Each
 * document becomes a value that remembers where its entries were written ({@link YamlValues}), so every problem is
 * shown at the YAML's own line and column. Reading is strict: duplicate keys are errors, as the API server's strict
 * decoding makes them.
 */
public final class ManifestCheck {
    private ManifestCheck() {
    }

    /** What became of one object. */
    public enum Status { VALID, INVALID, SKIPPED }

    /**
     * One object of the file (or a document that is not one).
     *
     * @param at where its document (or List item) starts
     */
    public record Checked(String apiVersion, String kind, String namespace, String name, Status status,
                          List<Diagnostic> problems, Span at) {
        public Checked {
            problems = List.copyOf(problems);
        }

        /** {@code Kind/namespace/name}, {@code Kind/name} or {@code Kind}, as a reader would name it. */
        public String title() {
            return (kind == null ? "object" : kind) + (namespace == null ? "" : "/" + namespace)
                    + (name == null ? "" : "/" + name);
        }
    }

    /**
     * The outcome for a file.
     *
     * @param objects      each object, in the order written
     * @param fileProblems problems of the file itself (not YAML)
     * @param loading      what loading the schemas reported (the same for every file checked against them)
     */
    public record Outcome(List<Checked> objects, List<Diagnostic> fileProblems, List<Diagnostic> loading) {
        public Outcome {
            objects = List.copyOf(objects);
            fileProblems = List.copyOf(fileProblems);
            loading = List.copyOf(loading);
        }

        /** The file's own problems, then each object's. */
        public List<Diagnostic> diagnostics() {
            List<Diagnostic> all = new ArrayList<>(fileProblems);
            objects.forEach(o -> all.addAll(o.problems()));
            return all;
        }
    }

    /** A document (or List item): an object, or the problem that keeps it from being one. */
    private record Part(Manifest object, Diagnostic problem, Span at) {
    }

    public static Outcome check(SourceFile file, KubernetesSchemas schemas, ValidationOptions options) {
        Result<List<YamlDocuments.Document>> read = YamlDocuments.read(file);
        List<Part> parts = new ArrayList<>();
        for (YamlDocuments.Document doc : read.value()) {
            if (doc.data() instanceof Map<?, ?> map && isList(map)) {
                List<?> items = (List<?>) map.get("items");
                YamlNode itemsNode = doc.node().fields().get("items");
                for (int i = 0; i < items.size(); i++) {
                    YamlNode node = itemsNode != null && i < itemsNode.items().size() ? itemsNode.items().get(i) : null;
                    parts.add(part(file, items.get(i), node == null ? doc.node() : node));
                }
            } else {
                parts.add(part(file, doc.data(), doc.node()));
            }
        }
        List<Manifest> objects = new ArrayList<>();
        parts.stream().filter(p -> p.object() != null).forEach(p -> objects.add(p.object()));
        Validation validation = Validation.ofData(objects, schemas, options);
        Map<Manifest, List<Diagnostic>> found = new IdentityHashMap<>();
        for (Finding f : validation.findings()) {
            found.computeIfAbsent(f.manifest(), m -> new ArrayList<>()).add(f.diagnostic());
        }
        Set<Manifest> unchecked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        unchecked.addAll(validation.unchecked());
        List<Checked> checked = new ArrayList<>();
        for (Part p : parts) {
            Manifest m = p.object();
            if (m == null) {
                checked.add(new Checked(null, null, null, null, Status.INVALID, List.of(p.problem()), p.at()));
                continue;
            }
            List<Diagnostic> problems = found.getOrDefault(m, List.of());
            Status status = unchecked.contains(m) && problems.isEmpty() ? Status.SKIPPED
                    : problems.stream().anyMatch(Diagnostic::isError) ? Status.INVALID : Status.VALID;
            checked.add(new Checked(m.apiVersion(), m.kind(), m.namespace(), m.name(), status, problems, p.at()));
        }
        return new Outcome(checked, read.diagnostics(), validation.loading());
    }

    /** {@code kind: List} (or {@code DeploymentList} and the like) with {@code items}: its items are the objects. */
    private static boolean isList(Map<?, ?> map) {
        return map.get("kind") instanceof String k && k.endsWith("List") && map.get("items") instanceof List<?>
                && "v1".equals(map.get("apiVersion"));
    }

    private static Part part(SourceFile file, Object data, YamlNode node) {
        Span at = YamlValues.firstLine(file, node);
        if (data instanceof Map<?, ?> map && map.get("apiVersion") instanceof String
                && map.get("kind") instanceof String) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            Value value = YamlValues.of(file, data, node);
            return new Part(new Manifest(object, value), null, at);
        }
        String found = data instanceof Map<?, ?> ? "a mapping without string `apiVersion` and `kind`"
                : data instanceof List<?> ? "a list" : "a " + (data instanceof String ? "string" : "scalar");
        return new Part(null, Diagnostic.error(Code.E0413, at, "expected a Kubernetes object (a mapping with "
                + "`apiVersion` and `kind`), found " + found), at);
    }
}
