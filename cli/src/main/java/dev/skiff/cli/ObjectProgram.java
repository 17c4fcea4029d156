package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Manifests;
import dev.skiff.Skiff;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.emit.JsonWriter;
import dev.skiff.emit.YamlWriter;
import dev.skiff.k8s.Problem;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.k8s.Validator;
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
     * One finding: a diagnostic, and when it concerns an outgoing object, that object and the field path
     * (empty for the object as a whole).
     */
    record Finding(Diagnostic diagnostic, Map<String, Object> object, String field) {
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
                return validate(items, null, request.k8sVersion(), crds, List.of());
            }
            Compilation c = compile(items, request, crds);
            List<Finding> findings = new ArrayList<>();
            for (Diagnostic d : c.diagnostics()) {
                findings.add(new Finding(d, null, null));
            }
            if (c.hasErrors()) {
                return new Outcome(null, findings);
            }
            List<Manifests.Manifest> written = Manifests.written(c);
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Manifests.Manifest m : written) {
                objects.add(m.data());
            }
            String version = request.k8sVersion() != null ? request.k8sVersion() : c.evaluated().k8sVersion();
            return validate(objects, written, version, c.evaluated().crds(), findings);
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
        CompileRequest compile = new CompileRequest(List.of(program.path()), options, workDir, printOut,
                request.k8sVersion(), crds);
        if (program.text() != null) {
            compile = compile.withOverlay(Map.of(workDir.resolve(program.path()).toAbsolutePath().normalize(),
                    program.text()));
        }
        return Skiff.compile(compile);
    }

    private static Outcome validate(List<Map<String, Object>> objects, List<Manifests.Manifest> written,
                                    String version, List<Path> crds, List<Finding> earlier) {
        List<Finding> findings = new ArrayList<>(earlier);
        Result<SchemaRegistry> registry = SchemaRegistry.with(version, crds);
        for (Diagnostic d : registry.diagnostics()) {
            findings.add(new Finding(d, null, null));
        }
        if (registry.value() == null) {
            return new Outcome(objects, findings);
        }
        Validator validator = new Validator(registry.value());
        for (int i = 0; i < objects.size(); i++) {
            Map<String, Object> object = objects.get(i);
            if (isLocalConfig(object)) {
                continue;
            }
            Manifests.Manifest m = written != null ? written.get(i) : new Manifests.Manifest(object, null);
            for (Problem p : validator.validate(object)) {
                findings.add(new Finding(Manifests.diagnostic(m, p), object, p.path()));
            }
        }
        return new Outcome(objects, findings);
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
