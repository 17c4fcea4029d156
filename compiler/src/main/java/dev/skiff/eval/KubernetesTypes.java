package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.diag.Suggestions;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.source.Span;
import dev.skiff.types.KubernetesSchemas;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes modules as values: {@code import k8s.api.apps.v1 as apps} gives a module whose members
 * ({@code apps.Deployment}, …) are the schema types {@link KubernetesSchemas} maps from the registry.
 */
final class KubernetesTypes {
    private final KubernetesSchemas schemas;
    private final boolean crdsGiven;
    private final Map<String, Value.Module> modules = new HashMap<>();

    KubernetesTypes(KubernetesSchemas schemas, boolean crdsGiven) {
        this.schemas = schemas;
        this.crdsGiven = crdsGiven;
    }

    KubernetesSchemas schemas() {
        return schemas;
    }

    private SchemaRegistry registry(Span at) {
        SchemaRegistry r = schemas.registry();
        for (dev.skiff.diag.Diagnostic d : schemas.loadProblems()) {
            if (d.isError()) {
                throw new EvalException(dev.skiff.diag.Diagnostic.error(d.code(), at, d.message())
                        .withHint(d.hints().isEmpty() ? null : d.hints().get(0)));
            }
        }
        if (r == null) {
            throw new EvalException(Code.E0202, at, "the Kubernetes schemas cannot be loaded");
        }
        return r;
    }

    Value.Module module(String path, Span at) {
        Value.Module cached = modules.get(path);
        if (cached != null) {
            return cached;
        }
        SchemaRegistry r = registry(at);
        List<String> names = r.modulePaths().get(path);
        if (names == null) {
            EvalException ex = new EvalException(Code.E0202, at, path.startsWith("crds.")
                    ? "no CRD defines the module `" + path + "`" : "no Kubernetes module `" + path + "` in version " + r.version());
            if (path.startsWith("crds.") && !crdsGiven) {
                throw ex.withHint("pass the CRD with `--crd FILE`, or list it in kcl.mod: `[skiff] crds = [\"crds/\"]`");
            }
            String hint = Suggestions.didYouMean(path, r.modulePaths().keySet());
            throw hint == null ? ex.withHint("Kubernetes modules look like `k8s.api.apps.v1` or `k8s.api.core.v1`")
                    : ex.withHint(hint);
        }
        Map<String, Value> members = new LinkedHashMap<>();
        for (String name : names) {
            members.put(name, new Value.TypeV(schemas.member(path, name)));
        }
        Value.Module m = new Value.Module(path, members);
        modules.put(path, m);
        return m;
    }
}
