package dev.skiff.eval.value;

import dev.skiff.source.Span;
import dev.skiff.types.SchemaType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A runtime value. Values are immutable once built: a config or list is never changed after it has been
 * handed to user code, so sharing is always safe. {@link #toJava()} turns a value into plain Java data for
 * the emitters.
 */
public sealed interface Value permits Value.None, Value.Undefined, Value.Bool, Value.Int, Value.Float, Value.Str,
        Value.ListV, Value.DictV, Value.SchemaV, Value.Func, Value.TypeV, Value.Module {

    /**
     * Plain Java data: null, Boolean, Long, Double, String, List, LinkedHashMap. {@code Undefined} entries,
     * functions, types, modules and private ({@code _}) keys are left out, as {@code kcl run} leaves them out
     * of its output.
     */
    Object toJava();

    /** KCL's {@code None}. */
    enum None implements Value {
        NONE;

        @Override
        public Object toJava() {
            return null;
        }
    }

    /** KCL's {@code Undefined}: an attribute that is not set at all. */
    enum Undefined implements Value {
        UNDEFINED;

        @Override
        public Object toJava() {
            return null;
        }
    }

    record Bool(boolean value) implements Value {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);

        public static Bool of(boolean b) {
            return b ? TRUE : FALSE;
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    /**
     * An integer. {@code written} keeps a number-multiplier literal as it was written ({@code 2Gi}), which
     * is what {@code str()} and interpolation give for it; arithmetic results have none.
     */
    record Int(long value, String written) implements Value {
        public Int(long value) {
            this(value, null);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Int other && other.value == value;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(value);
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    /**
     * A float. {@code written} keeps a number-multiplier literal that is not a whole number ({@code 1024u}) as it
     * was written, as for {@link Int}.
     */
    record Float(double value, String written) implements Value {
        public Float(double value) {
            this(value, null);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Float other && Double.compare(other.value, value) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value);
        }

        @Override
        public Object toJava() {
            return value;
        }
    }

    record Str(String value) implements Value {
        @Override
        public Object toJava() {
            return value;
        }
    }

    /**
     * A list value.
     *
     * @param spans where each item was written, for a list made by a list literal (empty otherwise, or when not
     *              known); not part of the value: two lists with the same items are equal
     */
    record ListV(List<Value> items, List<Span> spans) implements Value {
        public static final ListV EMPTY = new ListV(List.of());

        public ListV {
            items = FrozenList.copyOf(items);
            spans = spans.size() == items.size() && !spans.isEmpty() ? FrozenList.copyOf(spans) : List.of();
        }

        public ListV(List<Value> items) {
            this(items, List.of());
        }

        /** Where item {@code i} was written, or null. */
        public Span spanOf(int i) {
            return i < spans.size() ? spans.get(i) : null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ListV other && other.items.equals(items);
        }

        @Override
        public int hashCode() {
            return items.hashCode();
        }

        @Override
        public Object toJava() {
            List<Object> out = new ArrayList<>(items.size());
            for (Value v : items) {
                if (isEmitted(v)) {
                    out.add(v.toJava());
                }
            }
            return out;
        }
    }

    /**
     * A dict (config) value: string keys in the order first written.
     *
     * @param entries the entries; copied, so later changes to the argument are not seen
     * @param ops     how entries merge, for those that do not simply unify
     * @param spans   where each entry was written, where known (for diagnostics about the value)
     */
    record DictV(Map<String, Value> entries, Map<String, MergeOp> ops, Map<String, Span> spans) implements Value {
        public static final DictV EMPTY = new DictV(Map.of());

        public DictV {
            entries = Frozen.copyOf(entries);
            ops = ops.isEmpty() ? Map.of() : Frozen.copyOf(ops);
            spans = spans.isEmpty() ? Map.of() : Frozen.copyOf(spans);
        }

        public DictV(Map<String, Value> entries) {
            this(entries, Map.of(), Map.of());
        }

        public DictV(Map<String, Value> entries, Map<String, MergeOp> ops) {
            this(entries, ops, Map.of());
        }

        /** How the entry under {@code key} combines when this config is merged into another. */
        public MergeOp op(String key) {
            return ops.getOrDefault(key, MergeOp.UNION);
        }

        @Override
        public Object toJava() {
            return javaMap(entries);
        }
    }

    /**
     * An instance of a schema.
     *
     * @param type    the schema it instantiates
     * @param entries attribute values in output order
     */
    /**
     * An instance of a schema.
     *
     * @param given the keys a config set (the others were computed by the schema), so that an instance
     *              assembled by merging can be made again from what was given
     */
    record SchemaV(SchemaType type, Map<String, Value> entries, Map<String, MergeOp> ops, Map<String, Span> spans,
                   java.util.Set<String> given) implements Value {
        public SchemaV {
            entries = Frozen.copyOf(entries);
            ops = ops.isEmpty() ? Map.of() : Frozen.copyOf(ops);
            spans = spans.isEmpty() ? Map.of() : Frozen.copyOf(spans);
            given = Frozen.copyOf(given);
        }

        /** An instance whose every entry counts as given. */
        public SchemaV(SchemaType type, Map<String, Value> entries, Map<String, MergeOp> ops, Map<String, Span> spans) {
            this(type, entries, ops, spans, entries.keySet());
        }

        public SchemaV(SchemaType type, Map<String, Value> entries) {
            this(type, entries, Map.of(), Map.of());
        }

        public SchemaV(SchemaType type, Map<String, Value> entries, Map<String, MergeOp> ops) {
            this(type, entries, ops, Map.of());
        }

        /** How the entry under {@code key} combines when this instance is merged into another. */
        public MergeOp op(String key) {
            return ops.getOrDefault(key, MergeOp.UNION);
        }

        @Override
        public Object toJava() {
            return javaMap(entries);
        }
    }

    /** A function: a builtin, a lambda, or a bound method. */
    record Func(String name, NativeFunction impl) implements Value {
        @Override
        public Object toJava() {
            return null;
        }
    }

    /** A type used as a value: a schema (callable to instantiate it) or a type alias. */
    record TypeV(SchemaType schema) implements Value {
        @Override
        public Object toJava() {
            return null;
        }
    }

    /** An imported module. */
    record Module(String name, Map<String, Value> members) implements Value {
        public Module {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        @Override
        public Object toJava() {
            return null;
        }
    }

    /** How a config entry combines with an earlier value of the same key: {@code :}, {@code =} or {@code +=}. */
    enum MergeOp {
        UNION, OVERRIDE, INSERT
    }

    /** Whether a value appears in output at all (functions, types, modules and Undefined do not). */
    static boolean isEmitted(Value v) {
        return !(v instanceof Undefined || v instanceof Func || v instanceof TypeV || v instanceof Module);
    }

    private static Map<String, Object> javaMap(Map<String, Value> entries) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : Values.present(entries).entrySet()) {
            if (isEmitted(e.getValue()) && !e.getKey().startsWith("_")) {
                out.put(e.getKey(), e.getValue().toJava());
            }
        }
        return out;
    }

    /** Like {@link #toJava()}, but private ({@code _}-prefixed) keys of configs are kept. */
    static Object toJavaWithPrivate(Value v) {
        if (v instanceof ListV l) {
            List<Object> out = new ArrayList<>();
            for (Value x : l.items()) {
                if (isEmitted(x)) {
                    out.add(toJavaWithPrivate(x));
                }
            }
            return out;
        }
        Map<String, Value> entries = v instanceof DictV d ? d.entries() : v instanceof SchemaV s ? s.entries() : null;
        if (entries == null) {
            return v.toJava();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : Values.present(entries).entrySet()) {
            if (isEmitted(e.getValue())) {
                out.put(e.getKey(), toJavaWithPrivate(e.getValue()));
            }
        }
        return out;
    }
}
