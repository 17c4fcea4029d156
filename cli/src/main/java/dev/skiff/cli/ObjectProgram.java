package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Diagnostic;
import dev.skiff.emit.JsonWriter;
import dev.skiff.emit.YamlWriter;
import dev.skiff.eval.value.Values;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.types.KubernetesSchemas;
import dev.skiff.validate.FieldPath;
import dev.skiff.validate.Manifest;
import dev.skiff.validate.Validation;
import dev.skiff.validate.Validator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes objects handed to Skiff by a deployment engine (a KRM function's items, Helm's rendered chart), an
 * optional Skiff program that receives them and writes the objects to hand back, and the validation of those
 * objects against their Kubernetes schemas. The engine, not Skiff, decides what happens next.
 *
 * <p>The program sees the incoming objects as {@code option("items")} (a list, in the order received), the
 * function's parameters as {@code option("params")} and, for a KRM function, the whole input as
 * {@code option("resource_list")}: the names KCL's KRM functions use, so their programs run unchanged.
 * Custom resources are typed by the CRDs among the incoming objects, by {@code --crd} and by
 * {@code kcl.mod}. Objects annotated {@code config.kubernetes.io/local-config: "true"} (a Kptfile, a function
 * config) are configuration for the tools, never sent to a cluster, and are not validated.
 */
final class ObjectProgram {
    static final String LOCAL_CONFIG = "config.kubernetes.io/local-config";

    private ObjectProgram() {
    }

    /** Where the program comes from: a file or directory, or text given inline (shown under {@code name}). */
    record Source(Path path, String text) {
        static Source file(Path path) {
            return new Source(path, null);
        }

        static Source inline(Path name, String text) {
            return new Source(name, text);
        }
    }

    /** What to run: the program (null: only validate), options, and the schemas to validate against. */
    record Request(Source program, Map<String, String> options, Map<String, Object> params,
                   Map<String, Object> resourceList, String k8sVersion, List<Path> crds) {
    }

    /**
     * One finding: a diagnostic, and when it concerns an outgoing object, that object and the field (empty for
     * the object as a whole).
     */
    record Finding(Diagnostic diagnostic, Map<String, Object> object, FieldPath field) {
    }

    /** The objects to hand back (null when the program failed) and everything found on the way. */
    record Outcome(List<Map<String, Object>> objects, List<Finding> findings) {
        boolean failed() {
            return objects == null || findings.stream().anyMatch(f -> f.diagnostic().isError());
        }

        List<Diagnostic> diagnostics() {
            return findings.stream().map(Finding::diagnostic).toList();
        }
    }

    /** Runs {@code request} over {@code items}. */
    static Outcome run(List<Map<String, Object>> items, Request request) {
        Path crdFile = null;
        try {
            crdFile = crdsAmong(items);
            List<Path> crds = new ArrayList<>(request.crds());
            if (crdFile != null) {
                crds.add(crdFile);
            }
            if (request.program() == null) {
                List<Manifest> objects = new ArrayList<>();
                for (Map<String, Object> item : items) {
                    objects.add(new Manifest(item, Values.fromJava(item)));
                }
                return validate(objects, request.k8sVersion(), crds, List.of());
            }
            Compilation c = compile(items, request, crds);
            List<Finding> findings = new ArrayList<>();
            for (Diagnostic d : c.diagnostics()) {
                findings.add(new Finding(d, null, null));
            }
            if (c.hasErrors()) {
                return new Outcome(null, findings);
            }
            List<Manifest> written = Validation.written(c.evaluated());
            String version = request.k8sVersion() != null ? request.k8sVersion() : c.evaluated().k8sVersion();
            return validate(written, version, c.evaluated().crds(), findings);
        } finally {
            if (crdFile != null) {
                try {
                    Files.deleteIfExists(crdFile);
                } catch (IOException e) {
                    // a temporary file left behind in the system's temp directory harms nothing
                }
            }
        }
    }

    private static Compilation compile(List<Map<String, Object>> items, Request request, List<Path> crds) {
        Map<String, String> options = new LinkedHashMap<>(request.options());
        // options reach the program as text that Skiff reads back as data, as `-D key=[...]` would
        options.put("items", JsonWriter.write(items, 0));
        options.put("params", JsonWriter.write(request.params() == null ? Map.of() : request.params(), 0));
        if (request.resourceList() != null) {
            options.put("resource_list", JsonWriter.write(request.resourceList(), 0));
        }
        Path workDir = Path.of("").toAbsolutePath();
        // print() goes to standard error: standard output carries only the engine's objects
        PrintStream printOut = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        Source program = request.program();
        // validated here, not by the compiler: objects for the tools (local-config) are left alone
        CompileRequest compile = new CompileRequest(List.of(program.path()), options, workDir, printOut,
                request.k8sVersion(), crds).withValidation(false);
        if (program.text() != null) {
            compile = compile.withOverlay(Map.of(workDir.resolve(program.path()).toAbsolutePath().normalize(),
                    program.text()));
        }
        return Skiff.compile(compile);
    }

    private static Outcome validate(List<Manifest> manifests, String version, List<Path> crds, List<Finding> earlier) {
        List<Finding> findings = new ArrayList<>(earlier);
        List<Map<String, Object>> objects = new ArrayList<>();
        manifests.forEach(m -> objects.add(m.data()));
        KubernetesSchemas schemas = new KubernetesSchemas(() -> SchemaRegistry.with(version, crds));
        if (manifests.stream().anyMatch(m -> !isLocalConfig(m.data()))) {
            for (Diagnostic d : schemas.loadProblems()) {
                findings.add(new Finding(d, null, null));
            }
        }
        Validator validator = new Validator(schemas);
        for (Manifest m : manifests) {
            if (isLocalConfig(m.data())) {
                continue;
            }
            for (dev.skiff.validate.Finding f : validator.validate(m, null)) {
                findings.add(new Finding(named(f.diagnostic(), m, f.path()), m.data(), f.path()));
            }
        }
        return new Outcome(objects, findings);
    }

    /**
     * The validator's message led by the object and the field it concerns ({@code Deployment `web`:
     * `spec.replicas`: …}): an engine's objects come from many templates and files, and the message is all a
     * user sees of where.
     */
    private static Diagnostic named(Diagnostic d, Manifest m, FieldPath path) {
        String where = m.describe() + (path == null || path.segments().isEmpty() ? "" : ": `" + path.display() + "`");
        return new Diagnostic(d.code(), d.severity(), where + ": " + d.message(), d.span(), d.labels(), d.hints(),
                d.fixes());
    }

    static boolean isLocalConfig(Map<String, Object> object) {
        return object.get("metadata") instanceof Map<?, ?> meta && meta.get("annotations") instanceof Map<?, ?> a
                && "true".equals(String.valueOf(a.get(LOCAL_CONFIG)));
    }

    /** The CustomResourceDefinitions among {@code objects} in a temporary file, or null when there are none. */
    private static Path crdsAmong(List<Map<String, Object>> objects) {
        List<Object> crds = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            if ("CustomResourceDefinition".equals(o.get("kind"))
                    && String.valueOf(o.get("apiVersion")).startsWith("apiextensions.k8s.io/")) {
                crds.add(o);
            }
        }
        if (crds.isEmpty()) {
            return null;
        }
        try {
            Path file = Files.createTempFile("skiff-crds-", ".yaml");
            Files.writeString(file, YamlWriter.writeStream(crds), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
