package dev.skiff.eval;

import dev.skiff.diag.Diagnostic;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.source.Span;
import dev.skiff.types.SchemaType;
import dev.skiff.types.TypeErrors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes instances of the schemas whose {@link SchemaPlan#sparse() plan is sparse} (Kubernetes types): the same
 * instance {@link Schemas} would make, with the same errors in the same order, but the work and the memory are
 * per attribute the config sets rather than per attribute the type declares. A Kubernetes kind declares dozens
 * of attributes (its nested types hundreds) of which a program sets a few; the others are {@code Undefined},
 * which the instance's entries ({@link Values#sparseEntries}) report without storing.
 */
final class SparseInstances {
    private static final List<String> KUBERNETES_FIRST = List.of("apiVersion", "kind");

    private final Interpreter in;
    private final Schemas schemas;

    SparseInstances(Interpreter in, Schemas schemas) {
        this.in = in;
        this.schemas = schemas;
    }

    Value build(SchemaDef def, SchemaPlan plan, Value config, Map<String, Value> cfg, Span span) {
        Map<String, SchemaType.Attribute> declared = def.attrs();
        for (String key : cfg.keySet()) {
            if (!declared.containsKey(key)) {
                throw new EvalException(TypeErrors.unknownAttribute(spans(config).getOrDefault(key, span), def.type, key));
            }
        }
        Map<String, Span> cfgSpans = spans(config);
        // the value of every attribute that has one (set by the config, or a fixed apiVersion/kind): first with
        // the config applied, then checked, both in declaration order, as the full build does
        Map<String, Value> computed = new HashMap<>();
        List<SchemaType.Attribute> attrs = plan.attributes();
        for (SchemaType.Attribute attr : attrs) {
            String name = attr.name();
            boolean given = cfg.containsKey(name);
            boolean fixed = attr.type() instanceof dev.skiff.types.Type.Literal;
            if (given || fixed || !attr.optional()) {
                Value v = fixed ? Schemas.literalValue((dev.skiff.types.Type.Literal) attr.type()) : Value.Undefined.UNDEFINED;
                computed.put(name, given ? schemas.withConfig(def, config, span, name, v) : v);
            }
        }
        Diagnostic missing = null;
        for (int i = 0; i < attrs.size(); i++) {
            SchemaType.Attribute attr = attrs.get(i);
            String name = attr.name();
            Value v = computed.get(name);
            if (v == null) {
                continue; // Undefined, as the entries will say
            }
            if (!Values.isNoneLike(v)) {
                v = schemas.coerce(v, attr.type(), cfgSpans.getOrDefault(name, span), plan.subjects()[i]);
            }
            if (!attr.optional() && Values.isNoneLike(v) && missing == null) {
                missing = required(def, plan, computed, attr, span);
                if (in.deferRequired == 0) {
                    throw new EvalException(missing);
                }
            }
            computed.put(name, v);
        }
        Map<String, Value.MergeOp> ops = ops(config);
        if (missing != null) {
            // as the full build: what the config gave is kept for a later merge to complete
            Map<String, Value> partial = new LinkedHashMap<>();
            for (String k : KUBERNETES_FIRST) {
                if (cfg.containsKey(k)) {
                    partial.put(k, computed.getOrDefault(k, Value.Undefined.UNDEFINED));
                }
            }
            for (String k : cfg.keySet()) {
                partial.putIfAbsent(k, computed.getOrDefault(k, Value.Undefined.UNDEFINED));
            }
            Value.SchemaV result = new Value.SchemaV(def.type, partial, ops, cfgSpans, cfg.keySet());
            in.incomplete.put(result, missing);
            return result;
        }
        // Kubernetes order: apiVersion and kind, then what the config set in the order written
        LinkedHashMap<String, Value> set = new LinkedHashMap<>();
        for (String first : KUBERNETES_FIRST) {
            if (declared.containsKey(first)) {
                set.put(first, computed.getOrDefault(first, Value.Undefined.UNDEFINED));
            }
        }
        for (String k : cfg.keySet()) {
            set.putIfAbsent(k, computed.getOrDefault(k, Value.Undefined.UNDEFINED));
        }
        Value.SchemaV result = new Value.SchemaV(def.type, Values.sparseEntries(set, declared), ops, cfgSpans,
                cfg.keySet());
        in.checked.add(result);
        in.made(result, span); // for `S.instances()`
        return result;
    }

    /** The first required attribute without a value, naming every required one the instance lacks. */
    private static Diagnostic required(SchemaDef def, SchemaPlan plan, Map<String, Value> computed,
                                       SchemaType.Attribute attr, Span span) {
        List<String> all = new ArrayList<>();
        for (SchemaType.Attribute a : plan.attributes()) {
            if (!a.optional() && Values.isNoneLike(computed.getOrDefault(a.name(), Value.Undefined.UNDEFINED))) {
                all.add(a.name());
            }
        }
        return TypeErrors.missingAttribute(span, def.type, attr, all);
    }

    private static Map<String, Span> spans(Value config) {
        return Merge.spans(config);
    }

    private static Map<String, Value.MergeOp> ops(Value config) {
        return Merge.ops(config);
    }
}
