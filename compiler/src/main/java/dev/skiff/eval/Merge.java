package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Value.MergeOp;
import dev.skiff.eval.value.Values;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unification of values, KCL's {@code :} and {@code |}: configs merge key by key following each entry's
 * operator ({@code :} unify, {@code =} override, {@code +=} append), lists merge index by index, and for
 * scalars the right side wins — or, in a config literal ({@code strict}), differing scalars conflict.
 */
final class Merge {
    private Merge() {
    }

    /** {@code a | b}. */
    static Value union(Value a, Value b, Span span) {
        return merge(a, b, span, false, "");
    }

    /** {@code a: b} inside config literals and unification statements: differing scalars are a conflict. */
    static Value unify(Value a, Value b, Span span, String path) {
        return merge(a, b, span, true, path);
    }

    private static Value merge(Value a, Value b, Span span, boolean strict, String path) {
        if (Values.isNoneLike(a)) {
            return b;
        }
        if (Values.isNoneLike(b)) {
            return a;
        }
        Map<String, Value> ea = Values.entries(a);
        Map<String, Value> eb = Values.entries(b);
        if (ea != null && eb != null) {
            return mergeConfigs(a, b, span, strict, path);
        }
        if (a instanceof Value.ListV la && b instanceof Value.ListV lb) {
            List<Value> out = new ArrayList<>(la.items());
            for (int i = 0; i < lb.items().size(); i++) {
                Value item = lb.items().get(i);
                if (i < out.size()) {
                    out.set(i, merge(out.get(i), item, span, strict, path + "[" + i + "]"));
                } else {
                    out.add(item);
                }
            }
            return new Value.ListV(out);
        }
        if (strict && !Values.equal(a, b)) {
            throw new EvalException(Code.E0503, span, "conflicting values for `" + (path.isEmpty() ? "value" : path)
                    + "`: " + Values.repr(a) + " and " + Values.repr(b))
                    .withHint("use `=` instead of `:` to override the earlier value");
        }
        return b;
    }

    static boolean sameKind(Value a, Value b) {
        return (Values.entries(a) != null) == (Values.entries(b) != null)
                && (a instanceof Value.ListV) == (b instanceof Value.ListV);
    }

    private static Value mergeConfigs(Value a, Value b, Span span, boolean strict, String path) {
        Map<String, Value> out = new LinkedHashMap<>(Values.entries(a));
        Map<String, MergeOp> ops = new LinkedHashMap<>(ops(a));
        Map<String, Span> spans = new LinkedHashMap<>(spans(a));
        Map<String, Span> spansB = spans(b);
        for (Map.Entry<String, Value> e : Values.entries(b).entrySet()) {
            String key = e.getKey();
            if (spansB.containsKey(key)) {
                spans.put(key, spansB.get(key));
            }
            Value v = e.getValue();
            MergeOp op = opOf(b, key);
            String keyPath = path.isEmpty() ? key : path + "." + key;
            if (!out.containsKey(key)) {
                out.put(key, v);
                if (op != MergeOp.UNION) {
                    ops.put(key, op);
                }
                continue;
            }
            Value old = out.get(key);
            switch (op) {
                case OVERRIDE -> {
                    out.put(key, v);
                    ops.put(key, MergeOp.OVERRIDE);
                }
                case INSERT -> out.put(key, append(old, v, span, keyPath));
                case UNION -> out.put(key, merge(old, v, span, strict, keyPath));
            }
        }
        if (a instanceof Value.SchemaV || b instanceof Value.SchemaV) {
            java.util.Set<String> given = new java.util.LinkedHashSet<>(givenKeys(a));
            given.addAll(givenKeys(b));
            return new Value.SchemaV(a instanceof Value.SchemaV s ? s.type() : ((Value.SchemaV) b).type(), out, ops,
                    spans, given);
        }
        return new Value.DictV(out, ops, spans);
    }

    /** The keys of a config that were written rather than computed: all of a dict's, an instance's given ones. */
    static java.util.Set<String> givenKeys(Value v) {
        return v instanceof Value.SchemaV s ? s.given() : Values.entries(v).keySet();
    }

    static Value append(Value old, Value v, Span span, String path) {
        if (Values.isNoneLike(old)) {
            return v;
        }
        if (old instanceof Value.ListV l && v instanceof Value.ListV r) {
            List<Value> all = new ArrayList<>(l.items());
            all.addAll(r.items());
            return new Value.ListV(all);
        }
        throw new EvalException(Code.E0307, span, "`+=` on `" + path + "` needs two lists, found `"
                + Values.typeName(old) + "` and `" + Values.typeName(v) + "`");
    }

    /** Where each entry of a config was written, where known. */
    static Map<String, Span> spans(Value v) {
        if (v instanceof Value.DictV d) {
            return d.spans();
        }
        if (v instanceof Value.SchemaV s) {
            return s.spans();
        }
        return Map.of();
    }

    static Map<String, MergeOp> ops(Value v) {
        if (v instanceof Value.DictV d) {
            return d.ops();
        }
        if (v instanceof Value.SchemaV s) {
            return s.ops();
        }
        return Map.of();
    }

    static MergeOp opOf(Value v, String key) {
        return ops(v).getOrDefault(key, MergeOp.UNION);
    }
}
