package dev.skiff.validate;

import dev.skiff.diag.Diagnostic;
import dev.skiff.eval.Evaluator;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.types.KubernetesSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The validation stage: the Kubernetes objects of an evaluated program, in output order, each checked by the
 * {@link Validator}. An object is a top-level value (or an element of a top-level list, or a
 * {@code manifests.yaml_stream} document) with string {@code apiVersion} and {@code kind}; a schema instance that
 * is not an object itself (such as {@code app.App}) contributes the objects among its attributes. Namespaces and
 * CustomResourceDefinitions come first, then objects in the order written.
 *
 * @param manifests the objects
 * @param loading   what loading the schemas reported (an unreadable CRD, say)
 * @param findings  every problem found, each with its object and field
 */
public record Validation(List<Manifest> manifests, List<Diagnostic> loading, List<Finding> findings) {
    public Validation {
        manifests = List.copyOf(manifests);
        loading = List.copyOf(loading);
        findings = List.copyOf(findings);
    }

    /** The diagnostics of loading the schemas, then the findings', in order. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>(loading);
        findings.forEach(f -> out.add(f.diagnostic()));
        return out;
    }

    /** Collects and validates the objects of {@code output} against {@code schemas}. */
    public static Validation of(Evaluator.Output output, KubernetesSchemas schemas) {
        List<Manifest> ordered = objects(output);
        List<Finding> findings = new ArrayList<>();
        List<Diagnostic> loading = List.of();
        if (!ordered.isEmpty()) {
            loading = schemas.loadProblems();
            Validator validator = new Validator(schemas);
            for (Manifest m : ordered) {
                findings.addAll(validator.validate(m, null));
            }
        }
        return new Validation(ordered, loading, findings);
    }

    /** The objects of an output, Namespaces and CRDs first. */
    public static List<Manifest> objects(Evaluator.Output output) {
        List<Manifest> ordered = new ArrayList<>();
        List<Manifest> rest = new ArrayList<>();
        for (Manifest m : written(output)) {
            boolean first = m.kind().equals("Namespace") || m.kind().equals("CustomResourceDefinition");
            (first ? ordered : rest).add(m);
        }
        ordered.addAll(rest);
        return ordered;
    }

    /**
     * The objects of an output in the order the program wrote them: what a KRM function or a post-renderer hands
     * back, where the order of the incoming objects must be kept.
     */
    public static List<Manifest> written(Evaluator.Output output) {
        List<Manifest> objects = new ArrayList<>();
        if (output.stream() != null) {
            for (Value v : output.stream()) {
                collect(v, objects);
            }
        } else if (Values.entries(output.document()) != null) {
            for (Value v : Values.entries(output.document()).values()) {
                collect(v, objects);
            }
        } else {
            collect(output.document(), objects);
        }
        return objects;
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
}
