package dev.skiff.types;

import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.k8s.K8sProperty;
import dev.skiff.k8s.K8sType;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.k8s.TypeRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Kubernetes and CRD definitions as {@link SchemaType}s: the one mapping from OpenAPI to the language's types.
 * It keeps the OpenAPI refinements (int32 and int64 ranges, quantities, int-or-string, date-time, base64, enums
 * as literal unions, CRD patterns and bounds, label and annotation syntax), so a typed object and a plain one
 * are checked by the same rules. Definitions are mapped one at a time, when a program first reaches them; the
 * registry itself is loaded only when asked for.
 */
public final class KubernetesSchemas {
    /** Maps whose entries are labels, or are matched against labels: keys and values follow label syntax. */
    private static final Set<String> LABEL_MAPS = Set.of("V1ObjectMeta.labels", "V1LabelSelector.matchLabels",
            "V1ServiceSpec.selector", "V1ReplicationControllerSpec.selector");
    private static final String ANNOTATIONS = "V1ObjectMeta.annotations";

    private static final Type INT32 = new Type.Refined(Type.INT, new Refinement("int32",
            List.of(new Refinement.IntRange("int32", Integer.MIN_VALUE, Integer.MAX_VALUE))));
    private static final Type INT64 = new Type.Refined(Type.INT, new Refinement("int64",
            List.of(new Refinement.IntRange("int64", Long.MIN_VALUE, Long.MAX_VALUE))));
    private static final Type QUANTITY = new Type.Refined(Type.union(Type.STR, Type.INT, Type.FLOAT),
            new Refinement("quantity", List.of(new Refinement.Quantity())));
    private static final Type INT_OR_STRING = new Type.Refined(Type.union(Type.INT, Type.STR),
            new Refinement("int-or-string", List.of(new Refinement.IntOrString())));
    private static final Type DATE_TIME = new Type.Refined(Type.STR,
            new Refinement("date-time", List.of(new Refinement.DateTime())));
    private static final Type BYTES = new Type.Refined(Type.STR,
            new Refinement("base64", List.of(new Refinement.Base64Bytes())));
    private static final Type LABELS = new Type.Refined(new Type.DictOf(Type.STR, Type.STR),
            new Refinement(null, List.of(new Refinement.LabelMap(true))));
    private static final Type ANNOTATION_MAP = new Type.Refined(new Type.DictOf(Type.STR, Type.STR),
            new Refinement(null, List.of(new Refinement.LabelMap(false))));

    private final Supplier<Result<SchemaRegistry>> source;
    private Result<SchemaRegistry> loaded;
    private final Map<String, SchemaType> byDefinition = new HashMap<>();

    /**
     * For each registry, the schemas whose types every compilation over it shares: a registry is immutable, and
     * mapping a definition (its attributes, their types) is the same work each time, which a run compiling many
     * packages ({@code skiff check}) or an editor's repeated compiles would otherwise repeat for each. Held
     * weakly: when no compilation uses a registry's types any more, they go.
     */
    private static final Map<SchemaRegistry, java.lang.ref.WeakReference<KubernetesSchemas>> SHARED =
            new java.util.WeakHashMap<>();
    private KubernetesSchemas shared;

    /** Schemas from a registry loaded on first use ({@code source} is asked at most once). */
    public KubernetesSchemas(Supplier<Result<SchemaRegistry>> source) {
        this.source = source;
    }

    /** Schemas of a registry already at hand. */
    public static KubernetesSchemas of(SchemaRegistry registry) {
        Result<SchemaRegistry> r = Result.ok(registry);
        return new KubernetesSchemas(() -> r);
    }

    /** The registry, loading it if needed; null when it cannot be loaded (see {@link #loadProblems()}). */
    public synchronized SchemaRegistry registry() {
        if (loaded == null) {
            Result<SchemaRegistry> r;
            try {
                r = source.get();
            } catch (RuntimeException e) {
                r = Result.failed(List.of(Diagnostic.error(dev.skiff.diag.Code.E0202, null,
                        "the Kubernetes schemas cannot be loaded: " + e.getMessage())));
            }
            loaded = r == null ? Result.failed(List.of()) : r;
        }
        return loaded.value();
    }

    /** Why the registry could not be loaded (an unknown version, an unreadable CRD); empty otherwise. */
    public synchronized List<Diagnostic> loadProblems() {
        registry();
        return loaded.diagnostics();
    }

    /** The type a module member names ({@code member("k8s.api.apps.v1", "Deployment")}), or null. */
    public SchemaType member(String modulePath, String name) {
        SchemaRegistry r = registry();
        if (r == null) {
            return null;
        }
        return r.member(modulePath, name).map(this::of).orElse(null);
    }

    /** The type of a kind ({@code byKind("apps/v1", "Deployment")}), or null. */
    public SchemaType byKind(String apiVersion, String kind) {
        SchemaRegistry r = registry();
        return r == null ? null : r.byGvk(apiVersion, kind).map(this::of).orElse(null);
    }

    /** The schemas that map this registry's definitions for every compilation (this one, or an earlier one). */
    private KubernetesSchemas shared() {
        SchemaRegistry r = registry();
        synchronized (this) {
            if (shared != null || r == null) {
                return r == null ? this : shared;
            }
        }
        KubernetesSchemas found;
        synchronized (SHARED) {
            java.lang.ref.WeakReference<KubernetesSchemas> ref = SHARED.get(r);
            found = ref == null ? null : ref.get();
            if (found == null) {
                found = this;
                SHARED.put(r, new java.lang.ref.WeakReference<>(this));
            }
        }
        synchronized (this) {
            shared = found;
        }
        return found;
    }

    /** The schema type of a definition: the same object in every compilation over the same registry. */
    public SchemaType of(K8sType t) {
        KubernetesSchemas owner = shared();
        return owner == this ? mapped(t) : owner.mapped(t);
    }

    private synchronized SchemaType mapped(K8sType t) {
        SchemaType known = byDefinition.get(t.name());
        if (known != null) {
            return known;
        }
        SchemaRegistry r = registry();
        var gvk = r == null ? java.util.Optional.<SchemaRegistry.Gvk>empty() : r.gvkOf(t.name());
        SchemaType.Kubernetes k = new SchemaType.Kubernetes(t.name(), gvk.map(SchemaRegistry.Gvk::apiVersion).orElse(null),
                gvk.map(SchemaRegistry.Gvk::kind).orElse(null));
        SchemaType s = new SchemaType(this, SchemaType.Kind.KUBERNETES, t.shortName(),
                gvk.map(SchemaRegistry.Gvk::apiVersion).orElse("k8s"), null, null, k, t.description(), null);
        byDefinition.put(t.name(), s);
        s.completeWith(() -> s.setBody(null, List.of(), attributes(t, gvk.orElse(null), s), null, null));
        return s;
    }

    /** The attributes of a definition; {@code apiVersion} and {@code kind} of a kind are fixed literals. */
    private Map<String, SchemaType.Attribute> attributes(K8sType t, SchemaRegistry.Gvk gvk, SchemaType owner) {
        Map<String, SchemaType.Attribute> out = new LinkedHashMap<>();
        for (K8sProperty p : t.properties().values()) {
            Type type = type(t.name() + "." + p.name(), p, p.type());
            boolean optional = !p.required();
            if (gvk != null && p.name().equals("apiVersion")) {
                type = Type.literal(gvk.apiVersion());
                optional = true;
            } else if (gvk != null && p.name().equals("kind")) {
                type = Type.literal(gvk.kind());
                optional = true;
            }
            out.put(p.name(), new SchemaType.Attribute(p.name(), type, optional, List.of(), p.description(), null, owner));
        }
        return out;
    }

    /** The type of a field (or of the elements of a list or map field). */
    private Type type(String field, K8sProperty p, TypeRef ref) {
        boolean top = ref == p.type();
        return switch (ref.kind()) {
            case STRING -> {
                if (top && !p.enumValues().isEmpty()) {
                    List<Type> members = new ArrayList<>();
                    p.enumValues().forEach(v -> members.add(Type.literal(v)));
                    yield members.size() == 1 ? members.get(0) : new Type.Union(members);
                }
                if (top && p.format().equals("byte")) {
                    yield BYTES;
                }
                K8sProperty.Constraints c = p.constraints();
                yield top && (c.pattern() != null || c.minLength() != null || c.maxLength() != null)
                        ? new Type.Refined(Type.STR, new Refinement(null, List.of(new Refinement.StringRules(
                        c.pattern(), c.minLength(), c.maxLength())))) : Type.STR;
            }
            case DATE_TIME -> DATE_TIME;
            case INT32 -> bounded(top, p, INT32);
            case INT64 -> bounded(top, p, INT64);
            case NUMBER -> bounded(top, p, Type.FLOAT);
            case BOOLEAN -> Type.BOOL;
            case INT_OR_STRING -> INT_OR_STRING;
            case QUANTITY -> QUANTITY;
            case LIST -> new Type.ListOf(type(field, p, ref.element()));
            case MAP -> LABEL_MAPS.contains(field) ? LABELS : field.equals(ANNOTATIONS) ? ANNOTATION_MAP
                    : new Type.DictOf(Type.STR, type(field, p, ref.element()));
            case ANY -> Type.ANY;
            case OBJECT -> {
                SchemaRegistry r = registry();
                yield r == null ? Type.ANY : r.lookup(ref.definition()).map(d -> (Type) new Type.Schema(of(d)))
                        .orElse(Type.ANY);
            }
        };
    }

    /** A number with a CRD's {@code minimum}/{@code maximum}, when it has them. */
    private static Type bounded(boolean top, K8sProperty p, Type base) {
        K8sProperty.Constraints c = p.constraints();
        if (!top || c.minimum() == null && c.maximum() == null) {
            return base;
        }
        List<Refinement.Rule> rules = new ArrayList<>();
        String name = null;
        if (base instanceof Type.Refined r) {
            rules.addAll(r.refinement().rules());
            name = r.refinement().name();
            base = r.base();
        }
        rules.add(new Refinement.Bounds(c.minimum(), c.maximum()));
        return new Type.Refined(base, new Refinement(name, rules));
    }
}
