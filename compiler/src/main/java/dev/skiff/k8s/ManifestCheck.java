package dev.skiff.k8s;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates the Kubernetes objects of a YAML or JSON file (several documents, and the items of a
 * {@code kind: List}) against the schemas {@code skiff build} uses, strictly: unknown fields, wrong types,
 * missing required fields and every other finding of the {@link Validator}, each at the YAML's own line and
 * column. Objects of kinds named in {@link Options#skip} are not validated; with
 * {@link Options#ignoreMissingSchemas}, neither are objects whose kind has no schema.
 */
public final class ManifestCheck {
    private ManifestCheck() {
    }

    /**
     * How to check.
     *
     * @param skip                  kinds to leave out: {@code Kind}, or {@code apiVersion/Kind} such as
     *                              {@code apps/v1/Deployment} or {@code v1/ConfigMap}
     * @param ignoreMissingSchemas  leave out objects whose kind no schema describes (a CRD not at hand) instead of
     *                              reporting them
     */
    public record Options(Set<String> skip, boolean ignoreMissingSchemas) {
        public Options {
            skip = Set.copyOf(skip);
        }

        public static Options strict() {
            return new Options(Set.of(), false);
        }

        /** Whether an object of this kind is left out by {@link #skip}. */
        public boolean skips(String apiVersion, String kind) {
            return skip.contains(kind) || skip.contains(apiVersion + "/" + kind);
        }
    }

    /** What became of one object. */
    public enum Status { VALID, INVALID, SKIPPED }

    /**
     * One object of the file.
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

    /** The outcome for a file: each object, and problems of the file itself (not YAML, not an object). */
    public record Outcome(List<Checked> objects, List<Diagnostic> fileProblems) {
        public Outcome {
            objects = List.copyOf(objects);
            fileProblems = List.copyOf(fileProblems);
        }

        /** Every diagnostic, the file's own first. */
        public List<Diagnostic> diagnostics() {
            List<Diagnostic> all = new ArrayList<>(fileProblems);
            objects.forEach(o -> all.addAll(o.problems()));
            return all;
        }
    }

    public static Outcome check(SourceFile file, SchemaRegistry registry, Options options) {
        var read = YamlDocuments.read(file);
        List<Diagnostic> fileProblems = new ArrayList<>(read.diagnostics());
        List<Checked> objects = new ArrayList<>();
        Validator validator = new Validator(registry);
        for (YamlDocuments.Document doc : read.value()) {
            if (doc.data() instanceof Map<?, ?> map && isList(map)) {
                List<?> items = (List<?>) map.get("items");
                YamlNode itemsNode = doc.node().fields().get("items");
                for (int i = 0; i < items.size(); i++) {
                    YamlNode node = itemsNode != null && i < itemsNode.items().size() ? itemsNode.items().get(i) : doc.node();
                    objects.add(one(file, items.get(i), node, registry, validator, options));
                }
            } else {
                objects.add(one(file, doc.data(), doc.node(), registry, validator, options));
            }
        }
        return new Outcome(objects, fileProblems);
    }

    /** {@code kind: List} (or {@code DeploymentList} and the like) with {@code items}: its items are the objects. */
    private static boolean isList(Map<?, ?> map) {
        return map.get("kind") instanceof String k && k.endsWith("List") && map.get("items") instanceof List<?>
                && "v1".equals(map.get("apiVersion"));
    }

    private static Checked one(SourceFile file, Object data, YamlNode node, SchemaRegistry registry, Validator validator,
                               Options options) {
        Span at = YamlPositions.locate(file, node, "");
        String apiVersion = null;
        String kind = null;
        String namespace = null;
        String name = null;
        if (data instanceof Map<?, ?> map) {
            apiVersion = map.get("apiVersion") instanceof String s ? s : null;
            kind = map.get("kind") instanceof String s ? s : null;
            if (map.get("metadata") instanceof Map<?, ?> meta) {
                namespace = meta.get("namespace") instanceof String s ? s : null;
                name = meta.get("name") == null ? null : String.valueOf(meta.get("name"));
            }
        }
        if (apiVersion != null && kind != null) {
            if (options.skips(apiVersion, kind)
                    || options.ignoreMissingSchemas() && registry.byGvk(apiVersion, kind).isEmpty()) {
                return new Checked(apiVersion, kind, namespace, name, Status.SKIPPED, List.of(), at);
            }
        }
        List<Diagnostic> problems = new ArrayList<>();
        String where = kind == null ? "object" : kind + (name == null ? "" : " `" + name + "`");
        for (Problem p : validator.validate(data)) {
            Span span = YamlPositions.locate(file, node, p.path());
            Diagnostic d = Diagnostic.error(p.code(), span, where + ": "
                    + (p.path().isEmpty() ? "" : "`" + p.path() + "`: ") + p.message());
            if (p.code() == Code.E0410 && kind != null && registry.byGvk(apiVersion, kind).isEmpty() && p.hint() == null) {
                d = d.withHint("pass its CustomResourceDefinition with `--crd FILE`, or leave such objects out with "
                        + "`--ignore-missing-schemas` or `--skip " + kind + "`");
            } else if (p.hint() != null) {
                d = d.withHint(p.hint());
            }
            problems.add(d);
        }
        return new Checked(apiVersion, kind, namespace, name, problems.isEmpty() ? Status.VALID : Status.INVALID,
                problems, at);
    }

    /** Parses {@code --skip} values: comma-separated kinds, blanks ignored. */
    public static Set<String> parseSkip(List<String> values) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
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
