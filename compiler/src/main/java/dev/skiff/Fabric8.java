package dev.skiff;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.skiff.diag.Result;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Skiff for Java programs that work with fabric8's Kubernetes model: compile, validate, and get the
 * objects as {@link HasMetadata} — fabric8's typed classes ({@code Deployment}, {@code Service}, …) for the
 * kinds whose model modules are on the classpath, {@link GenericKubernetesResource} for the others (custom
 * resources among them).
 *
 * <p>fabric8's model is an optional dependency of Skiff: add {@code io.fabric8:kubernetes-model-core} and
 * the group modules you use (e.g. {@code kubernetes-model-apps}) to your build to call this class.
 * <pre>{@code
 * Result<List<HasMetadata>> r = Fabric8.compile(CompileRequest.of(Path.of("deploy/main.k")));
 * if (r.hasErrors()) { ... r.diagnostics() ... } else { client.resourceList(r.value()).serverSideApply(); }
 * }</pre>
 */
public final class Fabric8 {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Fabric8() {
    }

    /**
     * Compiles a program and returns its Kubernetes objects in output order, validated exactly as
     * {@code skiff build} validates them; on errors, no objects and the diagnostics.
     */
    public static Result<List<HasMetadata>> compile(CompileRequest request) {
        return objects(Skiff.compile(request.withValidation(true)));
    }

    /**
     * The objects of a compilation made with validation, or its diagnostics (compile errors or validation
     * errors).
     */
    public static Result<List<HasMetadata>> objects(Compilation compilation) {
        if (compilation.hasErrors()) {
            return Result.failed(compilation.diagnostics());
        }
        List<HasMetadata> out = new ArrayList<>();
        for (dev.skiff.validate.Manifest m : compilation.manifests()) {
            out.add(toFabric8(m.data()));
        }
        return Result.of(List.copyOf(out), compilation.diagnostics());
    }

    /** One object's data as fabric8's class for its kind, or a generic resource. */
    static HasMetadata toFabric8(Map<String, Object> data) {
        try {
            // through JSON text, as fabric8's own client does: some model classes (IntOrString) only read
            // from a parser; fabric8 picks the class from apiVersion and kind among those on the classpath
            String json = MAPPER.writeValueAsString(data);
            KubernetesResource typed = MAPPER.readValue(json, KubernetesResource.class);
            return typed instanceof HasMetadata h ? h : MAPPER.readValue(json, GenericKubernetesResource.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("fabric8 cannot read a validated " + data.get("kind") + ": " + e.getOriginalMessage(), e);
        }
    }
}
