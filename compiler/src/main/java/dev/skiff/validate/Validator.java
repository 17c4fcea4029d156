package dev.skiff.validate;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.source.Span;
import dev.skiff.types.KubernetesSchemas;
import dev.skiff.types.Refinement;
import dev.skiff.types.SchemaType;
import dev.skiff.types.Type;
import dev.skiff.types.TypeErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks Kubernetes objects against the schema their {@code apiVersion} and {@code kind} name, with the same
 * types and messages as the evaluator ({@link KubernetesSchemas}, {@link TypeErrors}): unknown fields, missing
 * required fields, values of the wrong type, enums, and the OpenAPI refinements (int32 ranges, quantities,
 * int-or-string, date-time, base64, label syntax, CRD patterns and bounds). Every problem is reported, each at
 * the place that produced the value: the config entry, the schema default or the body statement that set it
 * (values remember it), else the nearest enclosing one.
 *
 * <p>A {@code None} value counts as absent, as KCL leaves it out of output; private ({@code _}) keys and values
 * that are not emitted are not looked at.
 */
public final class Validator {
    private static final int MAX_DEPTH = 200;

    private final KubernetesSchemas schemas;
    /** Whether {@code _} keys are a program's private values (left out of output) rather than fields. */
    private final boolean privateKeys;

    public Validator(KubernetesSchemas schemas) {
        this(schemas, true);
    }

    private Validator(KubernetesSchemas schemas, boolean privateKeys) {
        this.schemas = schemas;
        this.privateKeys = privateKeys;
    }

    /**
     * A validator of objects read as data (plain YAML or JSON), where a key starting with {@code _} is a field
     * like any other, and unknown to Kubernetes.
     */
    public static Validator forData(KubernetesSchemas schemas) {
        return new Validator(schemas, false);
    }

    private boolean hidden(String key) {
        return privateKeys && key.startsWith("_");
    }

    /** Validates one object; {@code at} places problems whose value has no place of its own. */
    public List<Finding> validate(Manifest object, Span at) {
        Walk w = new Walk(object);
        Value v = object.value();
        Map<String, Value> entries = Values.entries(v);
        Span kindSpan = spanOf(v, "kind", at);
        SchemaRegistry registry = schemas.registry();
        SchemaType type = registry == null ? null : schemas.byKind(object.apiVersion(), object.kind());
        if (type == null) {
            if (registry != null && entries != null) {
                w.add(unknownKind(registry, object, kindSpan), FieldPath.ROOT.key("kind"));
            }
            return w.findings;
        }
        w.schema(v, type, FieldPath.ROOT, kindSpan, 0);
        return w.findings;
    }

    /** Validates a value as an instance of {@code type} (no {@code apiVersion} or {@code kind} needed). */
    public List<Finding> validate(Value value, SchemaType type, Span at) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = value.toJava() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Walk w = new Walk(new Manifest(data, value));
        w.value(value, new Type.Schema(type), null, FieldPath.ROOT, at, 0);
        return w.findings;
    }

    private static Diagnostic unknownKind(SchemaRegistry registry, Manifest object, Span at) {
        String av = object.apiVersion();
        String k = object.kind();
        List<String> sameApiVersion = registry.kinds().stream().filter(g -> g.apiVersion().equals(av))
                .map(SchemaRegistry.Gvk::kind).toList();
        Diagnostic d = Diagnostic.error(Code.E0410, at, "Kubernetes " + registry.version() + " has no kind `" + k
                + "` in `" + av + "`");
        if (sameApiVersion.isEmpty()) {
            List<String> elsewhere = registry.kinds().stream().filter(g -> g.kind().equals(k))
                    .map(SchemaRegistry.Gvk::apiVersion).toList();
            return elsewhere.isEmpty() ? d : d.withHint("`" + k + "` is served as `apiVersion: " + elsewhere.get(0) + "`");
        }
        return d.suggesting(k, sameApiVersion);
    }

    /** Where {@code key} of a dict or instance was set, or {@code fallback}. */
    static Span spanOf(Value v, String key, Span fallback) {
        Map<String, Span> spans = v instanceof Value.DictV d ? d.spans() : v instanceof Value.SchemaV s ? s.spans() : Map.of();
        Span s = spans.get(key);
        return s != null ? s : fallback;
    }

    private static boolean absent(Value v) {
        return v == null || Values.isNoneLike(v) || !Value.isEmitted(v);
    }

    /** One object's walk: its findings so far. */
    private final class Walk {
        final Manifest object;
        final List<Finding> findings = new ArrayList<>();

        Walk(Manifest object) {
            this.object = object;
        }

        void add(Diagnostic d, FieldPath path) {
            findings.add(new Finding(d, object, path));
        }

        /** {@code v} as an instance of {@code type}. */
        void schema(Value v, SchemaType type, FieldPath path, Span at, int depth) {
            Map<String, Value> entries = Values.entries(v);
            if (entries == null) {
                return; // the caller reported the mismatch
            }
            if (depth > MAX_DEPTH) {
                add(Diagnostic.error(Code.E0509, at, "the value is nested deeper than " + MAX_DEPTH + " levels"), path);
                return;
            }
            List<String> missing = new ArrayList<>();
            for (SchemaType.Attribute a : type.attributes().values()) {
                if (!a.optional() && absent(entries.get(a.name()))) {
                    missing.add(a.name());
                }
            }
            for (Map.Entry<String, Value> e : entries.entrySet()) {
                String key = e.getKey();
                Value item = e.getValue();
                if (hidden(key) || !Value.isEmitted(item)) {
                    continue;
                }
                Span where = spanOf(v, key, at);
                SchemaType.Attribute attr = type.attribute(key);
                if (attr == null) {
                    add(TypeErrors.unknownAttribute(where, type, key), path.key(key));
                } else if (!Values.isNoneLike(item)) {
                    value(item, attr.type(), TypeErrors.attribute(key, type.name()), path.key(key), where, depth + 1);
                }
            }
            if (!missing.isEmpty()) {
                SchemaType.Attribute first = type.attribute(missing.get(0));
                add(TypeErrors.missingAttribute(at, type, first, missing), path.key(first.name()));
            }
        }

        /** {@code v} as a value of {@code type}; problems name it as {@code subject}. */
        void value(Value v, Type type, String subject, FieldPath path, Span at, int depth) {
            switch (type) {
                case Type.Any a -> {
                }
                case Type.Refined r -> {
                    int before = findings.size();
                    if (r.base() instanceof Type.DictOf || r.base() instanceof Type.ListOf
                            || r.base() instanceof Type.Schema) {
                        value(v, r.base(), subject, path, at, depth);
                    } else if (!fits(v, r.base())) {
                        add(mismatch(at, type, subject, v), path); // named as refined: `int32`, not `int`
                    }
                    if (findings.size() == before) {
                        refine(v, r, subject, path, at);
                    }
                }
                case Type.Schema s -> {
                    if (Values.entries(v) == null) {
                        add(mismatch(at, type, subject, v), path);
                    } else {
                        schema(v, s.schema(), path, at, depth);
                    }
                }
                case Type.ListOf l -> {
                    if (!(v instanceof Value.ListV list)) {
                        add(mismatch(at, type, subject, v), path);
                        return;
                    }
                    for (int i = 0; i < list.items().size(); i++) {
                        Value item = list.items().get(i);
                        if (absent(item)) {
                            continue;
                        }
                        Span itemAt = list.spanOf(i) != null ? list.spanOf(i) : at;
                        if (l.element() instanceof Type.Schema es) {
                            if (Values.entries(item) == null) {
                                add(TypeErrors.elementMismatch(itemAt, type, subject, Values.typeName(item)), path.index(i));
                            } else {
                                schema(item, es.schema(), path.index(i), itemAt, depth + 1);
                            }
                        } else if (!fits(item, l.element())) {
                            add(TypeErrors.elementMismatch(itemAt, type, subject, Values.typeName(item)), path.index(i));
                        } else {
                            value(item, l.element(), subject, path.index(i), itemAt, depth + 1);
                        }
                    }
                }
                case Type.DictOf d -> {
                    Map<String, Value> entries = Values.entries(v);
                    if (entries == null) {
                        add(mismatch(at, type, subject, v), path);
                        return;
                    }
                    for (Map.Entry<String, Value> e : entries.entrySet()) {
                        Value item = e.getValue();
                        if (hidden(e.getKey()) || absent(item)) {
                            continue;
                        }
                        Span where = spanOf(v, e.getKey(), at);
                        if (d.value() instanceof Type.Schema || d.value() instanceof Type.ListOf
                                || d.value() instanceof Type.DictOf) {
                            value(item, d.value(), subject, path.key(e.getKey()), where, depth + 1);
                        } else if (!fits(item, d.value())) {
                            add(TypeErrors.valueMismatch(where, type, subject, e.getKey(), Values.typeName(item),
                                    scalar(item)), path.key(e.getKey()));
                        } else {
                            value(item, d.value(), subject, path.key(e.getKey()), where, depth + 1);
                        }
                    }
                }
                default -> {
                    if (!fits(v, type)) {
                        add(mismatch(at, type, subject, v), path);
                    }
                }
            }
        }

        private void refine(Value v, Type.Refined r, String subject, FieldPath path, Span at) {
            for (Refinement.Rule rule : r.refinement().rules()) {
                if (rule instanceof Refinement.LabelMap labels && Values.entries(v) != null) {
                    for (Map.Entry<String, Value> e : Values.entries(v).entrySet()) {
                        if (hidden(e.getKey()) || absent(e.getValue())) {
                            continue;
                        }
                        Refinement.Violation problem = labels.testEntry(e.getKey(), e.getValue().toJava());
                        if (problem != null) {
                            add(TypeErrors.refinement(spanOf(v, e.getKey(), at), problem, subject), path.key(e.getKey()));
                        }
                    }
                    continue;
                }
                Refinement.Violation problem = rule.test(v.toJava());
                if (problem != null) {
                    add(TypeErrors.refinement(at, problem, subject), path);
                    return;
                }
            }
        }
    }

    private static Diagnostic mismatch(Span at, Type type, String subject, Value v) {
        Object literal = v instanceof Value.Str || v instanceof Value.Int || v instanceof Value.Float
                || v instanceof Value.Bool ? v.toJava() : null;
        return TypeErrors.mismatch(at, type, subject, Values.typeName(v), literal);
    }

    /** A number or boolean value as plain data, for the "quote the value" hint; null otherwise. */
    private static Object scalar(Value v) {
        return v instanceof Value.Int || v instanceof Value.Float || v instanceof Value.Bool ? v.toJava() : null;
    }

    /** Whether a scalar value is of a type (schemas, lists and dicts are walked instead). */
    static boolean fits(Value v, Type type) {
        return switch (type) {
            case Type.Any a -> true;
            case Type.Bool b -> v instanceof Value.Bool;
            case Type.Int i -> v instanceof Value.Int;
            case Type.Float f -> v instanceof Value.Float fl && Double.isFinite(fl.value()) || v instanceof Value.Int;
            case Type.Str s -> v instanceof Value.Str;
            case Type.NoneType n -> Values.isNoneLike(v);
            case Type.Literal l -> switch (l.value()) {
                case String s -> v instanceof Value.Str str && str.value().equals(s);
                case Long n -> v instanceof Value.Int i && i.value() == n;
                case Double d -> v instanceof Value.Float f && f.value() == d;
                case Boolean b -> v instanceof Value.Bool x && x.value() == b;
                default -> false;
            };
            case Type.Union u -> u.members().stream().anyMatch(m -> fits(v, m));
            case Type.Refined r -> fits(v, r.base());
            case Type.Schema s -> Values.entries(v) != null;
            case Type.ListOf l -> v instanceof Value.ListV;
            case Type.DictOf d -> Values.entries(v) != null;
            case Type.Function f -> v instanceof Value.Func;
            case Type.Never n -> false;
        };
    }
}
