package dev.skiff.lsp;

import dev.skiff.k8s.K8sProperty;
import dev.skiff.k8s.K8sType;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.k8s.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Kubernetes kind or CRD type, seen through the schema registry. */
record KubernetesSchema(SchemaRegistry registry, K8sType type) implements SchemaInfo {
    @Override
    public String name() {
        return type.shortName();
    }

    @Override
    public String doc() {
        return type.description();
    }

    @Override
    public List<Attr> attrs() {
        List<Attr> out = new ArrayList<>();
        for (K8sProperty p : type.properties().values()) {
            out.add(new Attr(p.name(), p.type().display(), p.required(), p.description(), null, p.enumValues()));
        }
        return out;
    }

    @Override
    public Optional<SchemaInfo> attrSchema(String attr) {
        K8sProperty p = type.properties().get(attr);
        if (p == null) {
            return Optional.empty();
        }
        TypeRef t = p.type();
        while (t.element() != null) {
            t = t.element();
        }
        if (t.kind() != TypeRef.Kind.OBJECT) {
            return Optional.empty();
        }
        return registry.lookup(t.definition()).map(k -> new KubernetesSchema(registry, k));
    }
}
