package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.diag.Suggestions;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.k8s.K8sProperty;
import dev.skiff.k8s.K8sType;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.k8s.TypeRef;
import dev.skiff.source.Span;
import dev.skiff.syntax.TypeExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes types as schemas of the language: {@code import k8s.api.apps.v1 as apps} gives a module whose
 * members ({@code apps.Deployment}, …) are schema types built from the OpenAPI-derived registry, one
 * definition at a time and only when a program reaches it.
 */
final class KubernetesTypes {
    private final String version;
    private final List<java.nio.file.Path> crds;
    private SchemaRegistry registry;
    private final Map<String, SchemaDef> defs = new HashMap<>();
    private final Map<String, Value.Module> modules = new HashMap<>();

    KubernetesTypes(String version, List<java.nio.file.Path> crds) {
        this.version = version;
        this.crds = crds;
    }

    static boolean handles(String path) {
        return path.equals("k8s") || path.startsWith("k8s.") || path.startsWith("crds.");
    }

    private SchemaRegistry registry(Span at) {
        if (registry == null) {
            dev.skiff.diag.Result<SchemaRegistry> r = SchemaRegistry.with(version, crds);
            for (dev.skiff.diag.Diagnostic d : r.diagnostics()) {
                if (d.isError()) {
                    throw new EvalException(dev.skiff.diag.Diagnostic.error(d.code(), at, d.message())
                            .withHint(d.hints().isEmpty() ? null : d.hints().get(0)));
                }
            }
            registry = r.value();
        }
        return registry;
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
            if (path.startsWith("crds.") && crds.isEmpty()) {
                throw ex.withHint("pass the CRD with `--crd FILE`, or list it in kcl.mod: `[skiff] crds = [\"crds/\"]`");
            }
            String hint = Suggestions.didYouMean(path, r.modulePaths().keySet());
            throw hint == null ? ex.withHint("Kubernetes modules look like `k8s.api.apps.v1` or `k8s.api.core.v1`")
                    : ex.withHint(hint);
        }
        Map<String, Value> members = new LinkedHashMap<>();
        for (String name : names) {
            members.put(name, new LazySchema(path, name).value(at));
        }
        Value.Module m = new Value.Module(path, members);
        modules.put(path, m);
        return m;
    }

    /** A module member resolved to its schema definition when the module is imported. */
    private final class LazySchema {
        private final String path;
        private final String name;

        LazySchema(String path, String name) {
            this.path = path;
            this.name = name;
        }

        Value value(Span at) {
            K8sType t = registry(at).member(path, name).orElseThrow();
            return def(t, at).asValue();
        }
    }

    SchemaDef def(K8sType t, Span at) {
        SchemaDef d = defs.get(t.name());
        if (d == null) {
            SchemaRegistry r = registry(at);
            String module = r.gvkOf(t.name()).map(g -> g.apiVersion()).orElse("k8s");
            d = new SchemaDef(t, module, this);
            defs.put(t.name(), d);
        }
        return d;
    }

    /** The attributes of a Kubernetes type, with types; {@code apiVersion} and {@code kind} are preset. */
    Map<String, SchemaDef.Attr> attributes(K8sType t, Span at) {
        SchemaRegistry r = registry(at);
        var gvk = r.gvkOf(t.name());
        Map<String, SchemaDef.Attr> out = new LinkedHashMap<>();
        for (K8sProperty p : t.properties().values()) {
            RType type = type(p.type(), p.enumValues(), at);
            boolean optional = !p.required();
            if (gvk.isPresent() && p.name().equals("apiVersion")) {
                type = new RType.Literal(new Value.Str(gvk.get().apiVersion()));
                optional = true;
            } else if (gvk.isPresent() && p.name().equals("kind")) {
                type = new RType.Literal(new Value.Str(gvk.get().kind()));
                optional = true;
            }
            out.put(p.name(), new SchemaDef.Attr(p.name(), optional, type, List.of()));
        }
        return out;
    }

    private RType type(TypeRef ref, List<String> enums, Span at) {
        return switch (ref.kind()) {
            case STRING -> enums == null || enums.isEmpty() ? basic(TypeExpr.Basic.STR) : literals(enums);
            case DATE_TIME -> basic(TypeExpr.Basic.STR);
            case INT32, INT64 -> basic(TypeExpr.Basic.INT);
            case NUMBER -> basic(TypeExpr.Basic.FLOAT);
            case BOOLEAN -> basic(TypeExpr.Basic.BOOL);
            case INT_OR_STRING -> new RType.Union(List.of(basic(TypeExpr.Basic.INT), basic(TypeExpr.Basic.STR)));
            case QUANTITY -> new RType.Union(List.of(basic(TypeExpr.Basic.STR), basic(TypeExpr.Basic.INT),
                    basic(TypeExpr.Basic.FLOAT)));
            case LIST -> new RType.ListT(type(ref.element(), List.of(), at));
            case MAP -> new RType.DictT(basic(TypeExpr.Basic.STR), type(ref.element(), List.of(), at));
            case ANY -> RType.ANY;
            case OBJECT -> registry(at).lookup(ref.definition()).map(t -> (RType) new RType.Schema(def(t, at)))
                    .orElse(RType.ANY);
        };
    }

    private static RType literals(List<String> values) {
        List<RType> members = new ArrayList<>();
        for (String v : values) {
            members.add(new RType.Literal(new Value.Str(v)));
        }
        return members.size() == 1 ? members.get(0) : new RType.Union(List.copyOf(members));
    }

    private static RType basic(TypeExpr.Basic b) {
        return new RType.Basic(b);
    }
}
