package dev.skiff;

import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.k8s.Problem;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.k8s.Validator;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes objects of a compiled program, validated. An object is a top-level value (or an element of
 * a top-level list, or a {@code manifests.yaml_stream} document) with {@code apiVersion} and {@code kind};
 * a schema instance that is not an object itself (such as {@code app.App}) contributes the objects among its
 * attributes.
 * Namespaces and CustomResourceDefinitions come first, then objects in the order written. Each problem the
 * validator finds points at the line that wrote the offending value.
 */
public final class Manifests {
    private static final Pattern PATH_PART = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]|\\[\"((?:[^\"\\\\]|\\\\.)*)\"]");

    /** One object: its plain data and the value it came from. */
    public record Manifest(Map<String, Object> data, Value value) {
        public String apiVersion() {
            return String.valueOf(data.get("apiVersion"));
        }

        public String kind() {
            return String.valueOf(data.get("kind"));
        }

        /** {@code metadata.name}, or null. */
        public String name() {
            return data.get("metadata") instanceof Map<?, ?> m && m.get("name") != null ? String.valueOf(m.get("name")) : null;
        }
    }

    private Manifests() {
    }

    /** The objects of a compilation without errors, in output order, and the validator's findings. */
    public static Result<List<Manifest>> of(Compilation c, String k8sVersion) {
        return of(c, k8sVersion, dev.skiff.k8s.ManifestCheck.Options.strict());
    }

    /**
     * As {@link #of(Compilation, String)}, leaving unvalidated (but still listed) the objects that
     * {@code options} skips: kinds named by {@code --skip}, and with {@code --ignore-missing-schemas} kinds no
     * schema describes.
     */
    public static Result<List<Manifest>> of(Compilation c, String k8sVersion, dev.skiff.k8s.ManifestCheck.Options options) {
        if (c.evaluated() != null) {
            return of(c, k8sVersion != null ? k8sVersion : c.evaluated().k8sVersion(), c.evaluated().crds(), options);
        }
        return of(c, k8sVersion, List.of(), options);
    }

    /** As {@link #of(Compilation, String)}, with CRDs whose kinds are validated too. */
    public static Result<List<Manifest>> of(Compilation c, String k8sVersion, List<java.nio.file.Path> crds) {
        return of(c, k8sVersion, crds, dev.skiff.k8s.ManifestCheck.Options.strict());
    }

    private static Result<List<Manifest>> of(Compilation c, String k8sVersion, List<java.nio.file.Path> crds,
                                             dev.skiff.k8s.ManifestCheck.Options options) {
        List<Manifest> objects = new ArrayList<>();
        if (c.evaluated() != null) {
            if (c.evaluated().stream() != null) {
                for (Value v : c.evaluated().stream()) {
                    collect(v, objects);
                }
            } else if (Values.entries(c.evaluated().document()) != null) {
                for (Value v : Values.entries(c.evaluated().document()).values()) {
                    collect(v, objects);
                }
            } else {
                collect(c.evaluated().document(), objects);
            }
        }
        List<Manifest> ordered = new ArrayList<>();
        for (Manifest m : objects) {
            if (m.kind().equals("Namespace") || m.kind().equals("CustomResourceDefinition")) {
                ordered.add(m);
            }
        }
        for (Manifest m : objects) {
            if (!ordered.contains(m)) {
                ordered.add(m);
            }
        }
        List<Diagnostic> problems = new ArrayList<>(duplicates(ordered));
        if (!ordered.isEmpty()) {
            Result<SchemaRegistry> registry = SchemaRegistry.with(k8sVersion, crds);
            problems.addAll(registry.diagnostics());
            if (registry.value() == null) {
                return Result.of(ordered, problems);
            }
            Validator validator = new Validator(registry.value());
            for (Manifest m : ordered) {
                if (options.skips(m.apiVersion(), m.kind()) || options.ignoreMissingSchemas()
                        && registry.value().byGvk(m.apiVersion(), m.kind()).isEmpty()) {
                    continue;
                }
                for (Problem p : validator.validate(m.data())) {
                    problems.add(diagnostic(m, p));
                }
            }
        }
        return Result.of(ordered, problems);
    }

    /**
     * Objects that name the same object of a cluster: the same API group (any version), kind, namespace and
     * name. Applied together, the last would win without a word.
     */
    public static Result<List<Manifest>> checkDuplicates(List<Manifest> objects) {
        return Result.of(objects, duplicates(objects));
    }

    private static List<Diagnostic> duplicates(List<Manifest> objects) {
        Map<String, Manifest> seen = new java.util.HashMap<>();
        List<Diagnostic> out = new ArrayList<>();
        for (Manifest m : objects) {
            if (m.name() == null) {
                continue;
            }
            String av = m.apiVersion();
            String group = av.contains("/") ? av.substring(0, av.indexOf('/')) : "";
            Object ns = m.data().get("metadata") instanceof Map<?, ?> meta ? meta.get("namespace") : null;
            String key = group + "|" + m.kind() + "|" + (ns == null ? "" : ns) + "|" + m.name();
            Manifest first = seen.putIfAbsent(key, m);
            if (first != null) {
                String what = m.kind() + " `" + (ns == null ? "" : ns + "/") + m.name() + "`";
                Diagnostic d = Diagnostic.error(dev.skiff.diag.Code.E0416, spanOf(m.value(), "metadata.name"),
                        what + " is emitted twice: applied together, one would replace the other");
                Span earlier = spanOf(first.value(), "metadata.name");
                out.add((earlier == null ? d : d.withLabel(earlier, "first emitted here"))
                        .withHint("give the objects different names or namespaces, or emit the object once"));
            }
        }
        return out;
    }

    private static void collect(Value v, List<Manifest> out) {
        if (v instanceof Value.ListV l) {
            for (Value item : l.items()) {
                collect(item, out);
            }
            return;
        }
        Map<String, Value> e = Values.entries(v);
        if (e != null && e.get("apiVersion") instanceof Value.Str && e.get("kind") instanceof Value.Str) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) v.toJava();
            out.add(new Manifest(data, v));
        } else if (v instanceof Value.SchemaV) {
            // a schema instance that is not itself an object (an `app.App`, say) holds objects: emit those
            for (Map.Entry<String, Value> entry : e.entrySet()) {
                if (!entry.getKey().startsWith("_")) {
                    collect(entry.getValue(), out);
                }
            }
        }
    }

    private static Diagnostic diagnostic(Manifest m, Problem p) {
        String where = m.kind() + (m.name() == null ? "" : " `" + m.name() + "`");
        Span span = spanOf(m.value(), p.path().isEmpty() ? "kind" : p.path());
        Diagnostic d = Diagnostic.error(p.code(), span, where + ": " + (p.path().isEmpty() ? "" : "`" + p.path() + "`: ")
                + p.message());
        return p.hint() == null ? d : d.withHint(p.hint());
    }

    /** The span of the deepest entry along {@code path} whose place is known. */
    static Span spanOf(Value root, String path) {
        Span best = null;
        Value current = root;
        Matcher m = PATH_PART.matcher(path);
        while (m.find() && current != null) {
            if (m.group(2) != null) {
                int i = Integer.parseInt(m.group(2));
                current = current instanceof Value.ListV l && i < l.items().size() ? l.items().get(i) : null;
                continue;
            }
            String key = m.group(1) != null ? m.group(1) : m.group(3);
            Map<String, Span> spans = current instanceof Value.DictV d ? d.spans()
                    : current instanceof Value.SchemaV s ? s.spans() : Map.of();
            if (spans.get(key) != null) {
                best = spans.get(key);
            }
            Map<String, Value> entries = Values.entries(current);
            current = entries == null ? null : entries.get(key);
        }
        return best;
    }
}
