package dev.skiff.validate;

import dev.skiff.diag.Code;
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
 * @param findings  every problem found, each with its object and field: objects emitted twice ({@link Duplicates}),
 *                  then what the {@link Validator} found
 * @param unchecked the objects the {@link ValidationOptions} left out of the schema check (still emitted)
 */
public record Validation(List<Manifest> manifests, List<Diagnostic> loading, List<Finding> findings,
                         List<Manifest> unchecked) {
    public Validation {
        manifests = List.copyOf(manifests);
        loading = List.copyOf(loading);
        findings = List.copyOf(findings);
        unchecked = List.copyOf(unchecked);
    }

    public Validation(List<Manifest> manifests, List<Diagnostic> loading, List<Finding> findings) {
        this(manifests, loading, findings, List.of());
    }

    /** The diagnostics of loading the schemas, then the findings', in order. */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>(loading);
        findings.forEach(f -> out.add(f.diagnostic()));
        return out;
    }

    /** Collects and validates the objects of {@code output} against {@code schemas}, strictly. */
    public static Validation of(Evaluator.Output output, KubernetesSchemas schemas) {
        return of(output, schemas, ValidationOptions.STRICT);
    }

    /** Collects and validates the objects of {@code output} against {@code schemas}, as {@code options} say. */
    public static Validation of(Evaluator.Output output, KubernetesSchemas schemas, ValidationOptions options) {
        return check(objects(output), schemas, options, new Validator(schemas));
    }

    /**
     * Validates objects read as data (the documents of a YAML file, say), in the order given, where a key starting
     * with {@code _} is a field like any other.
     */
    public static Validation ofData(List<Manifest> objects, KubernetesSchemas schemas, ValidationOptions options) {
        return check(objects, schemas, options, Validator.forData(schemas));
    }

    /** The objects emitted twice, then each object's problems, except for those {@code options} leaves out. */
    private static Validation check(List<Manifest> objects, KubernetesSchemas schemas, ValidationOptions options,
                                    Validator validator) {
        List<Finding> findings = new ArrayList<>(Duplicates.among(objects));
        List<Manifest> unchecked = new ArrayList<>();
        List<Diagnostic> loading = List.of();
        if (!objects.isEmpty()) {
            loading = schemas.loadProblems();
            for (Manifest m : objects) {
                if (leftOut(m, schemas, options)) {
                    unchecked.add(m);
                    continue;
                }
                for (Finding f : validator.validate(m, null)) {
                    findings.add(f.diagnostic().code() == Code.E0410 && f.diagnostic().hints().isEmpty()
                            && unknownApiVersion(m, schemas) ? new Finding(f.diagnostic().withHint(
                            "give its CustomResourceDefinition (`--crd FILE`, or `[skiff] crds` in kcl.mod), or leave "
                            + "such objects unchecked with `--ignore-missing-schemas` or `--skip " + m.kind() + "`"),
                            m, f.path()) : f);
                }
            }
        }
        return new Validation(objects, loading, findings, unchecked);
    }

    /** No schema at all has the object's {@code apiVersion}: a custom resource whose CRD is not at hand. */
    private static boolean unknownApiVersion(Manifest m, KubernetesSchemas schemas) {
        return schemas.registry() != null
                && schemas.registry().kinds().stream().noneMatch(g -> g.apiVersion().equals(m.apiVersion()));
    }

    private static boolean leftOut(Manifest m, KubernetesSchemas schemas, ValidationOptions options) {
        return options.skips(m.apiVersion(), m.kind()) || options.ignoreMissingSchemas()
                && schemas.registry() != null && schemas.byKind(m.apiVersion(), m.kind()) == null;
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
