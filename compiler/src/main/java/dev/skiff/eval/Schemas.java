package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Suggestions;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Value.MergeOp;
import dev.skiff.eval.value.Values;
import dev.skiff.source.Span;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Nodes;
import dev.skiff.syntax.Stmt;
import dev.skiff.syntax.TypeExpr;
import dev.skiff.types.SchemaType;
import dev.skiff.types.Type;
import dev.skiff.types.TypeErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Schema instantiation, attribute resolution, type checks with conversion, and {@code check:} blocks. */
final class Schemas {
    private final Interpreter in;
    private final Decorators decorators;
    private final SparseInstances sparse;

    Schemas(Interpreter in) {
        this.decorators = new Decorators(in);
        this.in = in;
        this.sparse = new SparseInstances(in, this);
    }

    Value instantiate(SchemaDef def, List<Value> args, Map<String, Value> kwargs, Value config, Span span) {
        def.requireSound();
        if (def.isMixin()) {
            throw new EvalException(Code.E0304, span, "`" + def.name() + "` is a mixin and cannot be instantiated");
        }
        if (++in.depth > in.options.limits().maxCallDepth()) {
            in.depth = 0;
            throw new EvalException(Code.E0506, span, "schemas nest more than " + in.options.limits().maxCallDepth()
                    + " deep").withHint("look for a schema whose default makes another instance of itself");
        }
        try {
            Value made = build(def, args, kwargs, config, span);
            if (made instanceof Value.SchemaV sv && def.decl() != null) {
                origins.put(sv, new Origin(args, kwargs, config));
            }
            return made;
        } finally {
            in.depth = Math.max(0, in.depth - 1);
        }
    }

    /** What an instance was made from, so {@code instance | config} can make it again with more config. */
    private record Origin(List<Value> args, Map<String, Value> kwargs, Value config) {
    }

    private final Map<Value.SchemaV, Origin> origins = new java.util.IdentityHashMap<>();

    private Value build(SchemaDef def, List<Value> args, Map<String, Value> kwargs, Value config, Span span) {
        SchemaPlan plan = def.rule() == null ? def.plan() : null;
        if (plan != null && plan.sparse() && args.isEmpty() && kwargs.isEmpty()) {
            Map<String, Value> cfg = Values.entries(config);
            if (cfg == null) {
                throw new EvalException(Code.E0301, span, "a schema is made from a config, not a `"
                        + Values.typeName(config) + "`");
            }
            return sparse.build(def, plan, config, cfg, span);
        }
        Instance inst = new Instance(in, def, config, span);
        Env env = new Env(def.env, Env.Kind.SCHEMA, def.env.module, inst);
        inst.env = env;
        if (def.rule() != null) {
            in.bindParams(def.rule().params(), def.env, env, args, kwargs, span, "rule `" + def.name() + "`");
            Map<String, Value> given = Values.entries(config);
            if (given != null) {
                inst.values.putAll(given); // `rule R for P`: the checks read P's attributes from the config
            }
            runChecks(inst, def.checks(), span);
            // a rule's value is the config it checked, as in KCL
            return given == null ? Value.DictV.EMPTY : new Value.DictV(given);
        }
        bindSchemaParams(def, env, args, kwargs, span);
        Map<String, Value> cfg = Values.entries(config);
        if (cfg == null) {
            throw new EvalException(Code.E0301, span, "a schema is made from a config, not a `"
                    + Values.typeName(config) + "`");
        }
        for (String key : cfg.keySet()) {
            if (!def.attrs().containsKey(key) && def.index() != null && !key.startsWith("_")
                    && tryCoerceQuietly(new Value.Str(key), def.index().keyType(), span, "a key") == null) {
                throw new EvalException(Code.E0301, Merge.spans(config).getOrDefault(key, span), "the key `" + key
                        + "` does not meet the index signature of `" + def.name() + "`: keys are `"
                        + def.index().keyType().display() + "`");
            }
            if (!def.attrs().containsKey(key) && def.index() == null) {
                throw new EvalException(TypeErrors.unknownAttribute(Merge.spans(config).getOrDefault(key, span),
                        def.type, key));
            }
        }
        if (def.decl() != null) {
            decorators.used(def.decl().decorators(), def.name(), def.env, span);
            decorators.configSets(def, cfg, Merge.spans(config), def.env, span);
        }
        runBodies(inst);
        for (String name : def.attrs().keySet()) {
            if (!inst.values.containsKey(name)) {
                inst.values.put(name, withConfig(inst, name, literalDefault(def.attrs().get(name))));
            }
        }
        Map<String, Value> entries = new LinkedHashMap<>();
        Diagnostic missing = null; // a required attribute without a value, which a later merge may give
        List<SchemaType.Attribute> declared = plan.attributes();
        for (int i = 0; i < declared.size(); i++) {
            SchemaType.Attribute attr = declared.get(i);
            String name = attr.name();
            Value v = inst.values.getOrDefault(name, Value.Undefined.UNDEFINED);
            if (!Values.isNoneLike(v)) {
                // where and what are for the message of a value of the wrong type, and None is never one
                Span where = Merge.spans(config).getOrDefault(name, inst.origins.getOrDefault(name,
                        attr.decls().isEmpty() ? span : attr.decls().get(attr.decls().size() - 1).span()));
                v = coerce(v, attr.type(), where, plan.subjects()[i]);
            }
            if (!attr.optional() && Values.isNoneLike(v) && missing == null) {
                missing = required(def, inst, attr, span);
                if (in.deferRequired == 0) {
                    throw new EvalException(missing);
                }
            }
            inst.values.put(name, v);
            if (!name.startsWith("_")) {
                entries.put(name, v);
            }
        }
        for (Map.Entry<String, Value> e : inst.values.entrySet()) {
            String name = e.getKey();
            if (!def.attrs().containsKey(name) && !name.startsWith("_")) {
                Value v = def.index() != null ? coerce(e.getValue(), def.index().valueType(),
                        Merge.spans(config).getOrDefault(name, inst.origins.getOrDefault(name, span)),
                        "`" + name + "` of `" + def.name() + "`") : e.getValue();
                inst.values.put(name, v);
                entries.put(name, v);
            }
        }
        if (cfg != null && def.index() != null) {
            for (Map.Entry<String, Value> e : cfg.entrySet()) {
                if (!entries.containsKey(e.getKey()) && !def.attrs().containsKey(e.getKey())) {
                    Value v = Merge.ops(config).get(e.getKey()) == MergeOp.OVERRIDE ? e.getValue()
                            : withIndexDefault(def, inst, e.getKey(), e.getValue());
                    v = coerce(v, def.index().valueType(), Merge.spans(config).getOrDefault(e.getKey(), span),
                            "`" + e.getKey() + "` of `" + def.name() + "`");
                    inst.values.put(e.getKey(), v);
                    entries.put(e.getKey(), v);
                }
            }
        }
        if (missing == null) {
            runChecks(inst, plan.checks(), span);
        }
        if (plan.kubernetesOrder()) {
            entries = writtenOrder(entries, cfg);
        }
        Map<String, MergeOp> ops = new LinkedHashMap<>(Merge.ops(config));
        ops.keySet().retainAll(entries.keySet());
        // every entry remembers where its value was written: the config's entry, else the default or body
        // statement that computed it, so later errors about the value (the validator's) point there
        Map<String, Span> spans = new LinkedHashMap<>(inst.origins);
        spans.putAll(Merge.spans(config));
        spans.keySet().retainAll(entries.keySet());
        java.util.Set<String> given = new java.util.LinkedHashSet<>(cfg.keySet());
        given.retainAll(entries.keySet());
        if (missing != null) {
            // what it computed without the missing attribute is not kept: a merge completes the given part
            Map<String, Value> partial = new LinkedHashMap<>(entries);
            partial.keySet().retainAll(given);
            Value.SchemaV result = new Value.SchemaV(def.type, partial, ops, spans, given);
            in.incomplete.put(result, missing);
            return result;
        }
        Value.SchemaV result = new Value.SchemaV(def.type, entries, ops, spans, given);
        in.checked.add(result);
        // for `S.instances()`; a pending `name: S {…}` was listed where it was first declared (Statements.unification)
        if (span == null || span != in.materializing) {
            in.made(result, span);
        }
        return result;
    }

    /**
     * Kubernetes objects keep the order the user wrote (after {@code apiVersion} and {@code kind}), not the
     * alphabetical order of the OpenAPI schema.
     */
    private static Map<String, Value> writtenOrder(Map<String, Value> entries, Map<String, Value> cfg) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (String first : List.of("apiVersion", "kind")) {
            if (entries.containsKey(first)) {
                out.put(first, entries.get(first));
            }
        }
        for (String k : cfg.keySet()) {
            if (entries.containsKey(k)) {
                out.putIfAbsent(k, entries.get(k));
            }
        }
        entries.forEach(out::putIfAbsent);
        return out;
    }

    /**
     * {@code instance | config}: as in KCL, the instance is made again from its arguments and its config
     * merged with the new one, so defaults computed from attributes see the new values. An instance whose
     * making is not known (one assembled by merging) takes the config as it is: its keys must be attributes
     * of the schema (or meet its index signature), its values fit them, and the result runs its checks.
     */
    Value union(Value.SchemaV s, Value more, Span span) {
        SchemaDef def = in.defOf(s.type());
        def.requireSound();
        Origin origin = origins.get(s);
        if (origin != null && !(more instanceof Value.SchemaV)) {
            return instantiate(def, origin.args(), origin.kwargs(), Merge.union(origin.config(), more, span), span);
        }
        Map<String, Value> typed = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : Values.entries(more).entrySet()) {
            String key = e.getKey();
            Span at = Merge.spans(more).getOrDefault(key, span);
            SchemaType.Attribute attr = def.attrs().get(key);
            if (attr == null && def.index() == null && !key.startsWith("_")) {
                throw new EvalException(TypeErrors.unknownAttribute(at, def.type, key));
            }
            Type type = attr != null ? attr.type() : def.index() != null ? def.index().valueType() : Type.ANY;
            typed.put(key, Values.isNoneLike(e.getValue()) ? e.getValue()
                    : coerce(e.getValue(), type, at, TypeErrors.attribute(key, def.name())));
        }
        Value merged = Merge.union(s, new Value.DictV(typed, Merge.ops(more), Merge.spans(more)), span);
        if (merged instanceof Value.SchemaV m && def.layout().writers().keySet().stream().noneMatch(n -> n.startsWith("_"))
                && def.attrs().keySet().stream().noneMatch(n -> n.startsWith("_"))) {
            recheck(m, span);
            in.checked.add(m);
        }
        return merged;
    }

    /** The first required attribute without a value, naming every one the instance lacks for the fix. */
    private static Diagnostic required(SchemaDef def, Instance inst, SchemaType.Attribute attr, Span span) {
        List<String> all = new ArrayList<>();
        def.attrs().forEach((name, a) -> {
            if (!a.optional() && Values.isNoneLike(inst.values.getOrDefault(name, Value.Undefined.UNDEFINED))) {
                all.add(name);
            }
        });
        return TypeErrors.missingAttribute(span, def.type, attr, all);
    }

    /** A required attribute an instance assembled by merging lacks. */
    private static Diagnostic required(SchemaDef def, Value.SchemaV s, SchemaType.Attribute attr, Span span) {
        List<String> all = new ArrayList<>();
        def.attrs().forEach((name, a) -> {
            Value got = s.entries().get(name);
            if (!a.optional() && !name.startsWith("_") && (got == null || Values.isNoneLike(got))) {
                all.add(name);
            }
        });
        return TypeErrors.missingAttribute(span, def.type, attr, all);
    }

    /**
     * Fails on the first instance in an output value that still lacks a required attribute. An instance
     * made inside a config may leave one out for a later merge to give (KCL's rule, as in
     * {@code main: Main {env += [...]}} merged into an earlier {@code main}); what reaches the output must
     * be complete. {@code at} places the error when the instance was assembled by merging.
     */
    void requireComplete(Value v, Span at) {
        switch (v) {
            case Value.SchemaV s -> {
                Diagnostic known = in.incomplete.get(s);
                if (known != null) {
                    throw new EvalException(known);
                }
                {
                    SchemaDef def = in.defOf(s.type());
                    for (Map.Entry<String, SchemaType.Attribute> e : def.attrs().entrySet()) {
                        Value got = s.entries().get(e.getKey());
                        if (!e.getValue().optional() && !e.getKey().startsWith("_") && (got == null || Values.isNoneLike(got))) {
                            throw new EvalException(required(def, s, e.getValue(), at));
                        }
                    }
                    if (in.checked.add(s) && def.layout().writers().keySet().stream().noneMatch(n -> n.startsWith("_"))
                            && def.attrs().keySet().stream().noneMatch(n -> n.startsWith("_"))) {
                        // assembled by merging: its checks have not seen these entries (an instance with
                        // private attributes keeps them out of its entries, so it cannot be checked again)
                        recheck(s, at);
                    }
                }
                s.entries().values().forEach(x -> requireComplete(x, at));
            }
            case Value.DictV d -> d.entries().values().forEach(x -> requireComplete(x, at));
            case Value.ListV l -> l.items().forEach(x -> requireComplete(x, at));
            default -> {
            }
        }
    }

    /**
     * {@code [name: str]: T = default}: the default, with the key bound to {@code name}, under the value
     * (a key given with {@code =} replaces the default instead).
     */
    private Value withIndexDefault(SchemaDef def, Instance inst, String key, Value given) {
        SchemaType.Index sig = def.index();
        if (sig == null || sig.defaultValue() == null) {
            return given;
        }
        Env scope = inst.env.child(Env.Kind.INDEX_KEY);
        if (sig.keyName() != null) {
            scope.vars.put(sig.keyName().id(), new Env.Binding(new Value.Str(key), sig.keyName().span()));
        }
        if (!(given instanceof Value.SchemaV) && Values.entries(given) != null) {
            // `[n: str]: S = S(n)`: the instance is made once, from the default's config and the given one
            Value made = in.instantiateWith(sig.defaultValue(), scope, given);
            if (made != null) {
                return made;
            }
        }
        return Merge.union(in.eval(sig.defaultValue(), scope), given, inst.span);
    }

    private void bindSchemaParams(SchemaDef def, Env env, List<Value> args, Map<String, Value> kwargs, Span span) {
        List<Node.Param> params = new ArrayList<>();
        for (SchemaType s : def.type.chain()) {
            if (s.decl() == null) {
                continue;
            }
            for (Node.Param p : s.decl().params()) {
                if (params.stream().noneMatch(q -> q.name().id().equals(p.name().id()))) {
                    params.add(p);
                }
            }
        }
        if (!params.isEmpty() || !args.isEmpty() || !kwargs.isEmpty()) {
            in.bindParams(params, def.env, env, args, kwargs, span, "schema `" + def.name() + "`");
        }
    }

    /**
     * Resolves an attribute completely: runs, in order, every body statement that writes it and has not run
     * yet. This is how a default may read an attribute declared (or changed by an {@code if}) further down.
     */
    private void resolveFully(Instance inst, String name, Span at) {
        if (inst.states.get(name) == Instance.State.DONE && !hasPendingWriters(inst, name)) {
            return;
        }
        inst.resolving.push(name);
        inst.states.put(name, Instance.State.RESOLVING);
        try {
            for (Stmt w : inst.def.layout().writers().getOrDefault(name, List.of())) {
                runWriter(inst, w);
            }
            if (!inst.values.containsKey(name)) {
                inst.values.put(name, withConfig(inst, name, literalDefault(inst.def.attrs().get(name))));
            }
        } finally {
            inst.resolving.pop();
        }
        inst.states.put(name, Instance.State.DONE);
    }

    /**
     * Runs a statement that writes attributes, after every earlier statement that writes any of the same
     * attributes: so a later declaration never overwrites what an earlier {@code if} decided.
     */
    private void runWriter(Instance inst, Stmt w) {
        if (inst.executed.contains(w)) {
            return;
        }
        int at = inst.def.layout().position(w);
        for (String n : inst.def.layout().writtenBy(w)) {
            for (Stmt earlier : inst.def.layout().writers().getOrDefault(n, List.of())) {
                if (earlier != w && inst.def.layout().position(earlier) < at) {
                    runWriter(inst, earlier);
                }
            }
        }
        if (inst.executed.add(w)) {
            in.statements.execOne(w, inst.envFor(w));
        }
    }

    private static boolean hasPendingWriters(Instance inst, String name) {
        for (Stmt w : inst.def.layout().writers().getOrDefault(name, List.of())) {
            if (!inst.executed.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** {@code kind: "Service"}: a literal type with no default fixes the value as well as the type. */
    private static Value literalDefault(SchemaType.Attribute attr) {
        if (attr != null && attr.type() instanceof Type.Literal lit && attr.decls().stream().allMatch(d -> d.value() == null)) {
            return literalValue(lit);
        }
        return Value.Undefined.UNDEFINED;
    }

    /** The value of a literal type. */
    static Value literalValue(Type.Literal lit) {
        return switch (lit.value()) {
            case String str -> new Value.Str(str);
            case Long l -> new Value.Int(l, lit.written());
            case Double d -> new Value.Float(d, lit.written());
            case Boolean b -> Value.Bool.of(b);
            default -> throw new IllegalStateException("not a literal: " + lit);
        };
    }

    /** Runs the body statements of the schema, its ancestors and mixins that have not run yet, in order. */
    private void runBodies(Instance inst) {
        for (Stmt s : inst.def.layout().order()) {
            if (inst.executed.contains(s)) {
                continue;
            }
            java.util.Set<String> names = inst.def.layout().writtenBy(s);
            if (names.isEmpty()) {
                inst.executed.add(s);
                in.statements.execOne(s, inst.envFor(s));
            } else {
                for (String n : names) {
                    resolveFully(inst, n, inst.span);
                }
            }
        }
    }

    /** Reads an attribute inside the schema body, resolving it first if needed. */
    Value attribute(Instance inst, String name, Span at) {
        if (!inst.resolving.isEmpty() && inst.resolving.peek().equals(name)) {
            // a statement that updates the attribute reads its value so far (`x += 1`)
            return inst.values.getOrDefault(name, Value.Undefined.UNDEFINED);
        }
        if (inst.resolving.contains(name)) {
            throw new EvalException(Code.E0510, at, "attribute `" + name + "` of `" + inst.def.name()
                    + "` depends on itself");
        }
        if (inst.def.attrs().containsKey(name) || inst.def.layout().writers().containsKey(name)) {
            resolveFully(inst, name, at);
        }
        Value v = inst.values.getOrDefault(name, Value.Undefined.UNDEFINED);
        SchemaType.Attribute attr = inst.def.attrs().get(name);
        if (v instanceof Value.DictV && attr != null && attr.type() instanceof Type.Schema) {
            // a schema-typed default still held as a config (see declareAttr): read it as the instance it
            // becomes, so its defaults are seen; keep the config itself for later merges
            try {
                return coerce(v, attr.type(), at, "`" + name + "`");
            } catch (EvalException e) {
                if (e.diagnostic().code() == Code.E0302 || e.diagnostic().code() == Code.E0301) {
                    throw e; // a wrong key or value is wrong however the config is completed
                }
                // still incomplete (a child schema or the caller may give what it lacks), or its checks fail:
                // they are reported where the instance is made, at the user's config
                return v;
            }
        }
        return v;
    }

    /** An attribute declaration runs in {@code env}: fold its default into the value so far, then the config. */
    void declareAttr(Instance inst, Stmt.SchemaAttr decl, Env env) {
        String name = decl.name().id();
        SchemaType.Attribute attr = inst.def.attrs().get(name);
        Value v = inst.values.getOrDefault(name, literalDefault(attr));
        if (decl.value() != null) {
            Value dv;
            if (decl.value() instanceof dev.skiff.syntax.Expr.SchemaInst si && si.args().isEmpty()
                    && si.keywords().isEmpty() && attr != null && attr.type() instanceof Type.Schema rs
                    && si.config() != null && in.eval(si.schema(), env) instanceof Value.TypeV tv
                    && tv.schema() == rs.schema()) {
                // `x: S {…}` in a schema body stays a config until the instance is complete, so that a
                // child schema or the caller can still add what S requires
                dv = in.config(si.config(), env);
            } else {
                dv = in.eval(decl.value(), env);
            }
            if (decl.pipe()) {
                // `name: T |= value`: the inherited default | value, as the `|` operator computes it
                v = Values.isNoneLike(v) ? dv : Operators.binary(dev.skiff.syntax.Operator.Binary.BIT_OR, v, dv,
                        decl.span(), in.options.limits());
            } else if (decl.op() == dev.skiff.syntax.Operator.Config.UNION && !Values.isNoneLike(v)) {
                v = Merge.union(v, dv, decl.span());
            } else if (!(v instanceof Value.Undefined) && inst.values.containsKey(name) && configSets(inst, name)) {
                v = dv;
            } else {
                v = dv;
            }
        }
        if (decl.value() != null) {
            inst.origins.put(name, decl.value().span());
        }
        inst.values.put(name, withConfig(inst, name, v));
    }

    private static boolean configSets(Instance inst, String name) {
        Map<String, Value> cfg = Values.entries(inst.config);
        return cfg != null && cfg.containsKey(name);
    }

    /** A body statement assigns {@code name}; the config's value still has the last word. */
    void assignAttribute(Instance inst, String name, Value value, Span span) {
        inst.origins.put(name, span);
        inst.values.put(name, withConfig(inst, name, value));
        inst.states.put(name, Instance.State.DONE);
    }

    private Value withConfig(Instance inst, String name, Value v) {
        return withConfig(inst.def, inst.config, inst.span, name, v);
    }

    /** {@code v} with what {@code config} gives attribute {@code name} of {@code def} applied by its operator. */
    Value withConfig(SchemaDef def, Value config, Span span, String name, Value v) {
        Map<String, Value> cfg = Values.entries(config);
        if (cfg == null || !cfg.containsKey(name)) {
            return v;
        }
        Value c = cfg.get(name);
        return switch (Merge.opOf(config, name)) {
            case OVERRIDE -> c;
            case INSERT -> Merge.append(v, c, span, name);
            case UNION -> unionInto(def, span, name, v, c);
        };
    }

    private Value unionInto(SchemaDef def, Span span, String name, Value v, Value c) {
        SchemaType.Attribute attr = def.attrs().get(name);
        if (v instanceof Value.SchemaV sv && Values.entries(c) != null && !(c instanceof Value.SchemaV)) {
            SchemaDef nested = in.defOf(sv.type());
            return instantiate(nested, List.of(), Map.of(), Merge.union(configOf(sv), c, span), span);
        }
        if (attr != null && attr.type() instanceof Type.Schema && Values.isNoneLike(v)) {
            return c;
        }
        return Merge.union(v, c, span);
    }

    /** The entries of an instance as a config, for re-instantiating it with more entries. */
    private static Value configOf(Value.SchemaV sv) {
        return new Value.DictV(sv.entries(), sv.ops());
    }

    private void runChecks(Instance inst, List<Node.CheckExpr> checks, Span span) {
        SchemaType.Index sig = inst.def.rule() == null ? inst.def.index() : null;
        Expr.Name key = sig == null ? null : sig.keyName();
        for (Node.CheckExpr c : checks) {
            if (key != null && Nodes.mentions(c, key.id())) {
                // `[name: str]: T` with a check that reads `name`: the check holds for every key the index
                // signature admits, so it runs once per such key
                for (String k : List.copyOf(inst.values.keySet())) {
                    if (!inst.def.attrs().containsKey(k) && !k.startsWith("_")) {
                        Env scope = inst.envFor(c).child(Env.Kind.INDEX_KEY);
                        scope.vars.put(key.id(), new Env.Binding(new Value.Str(k), key.span()));
                        runCheck(inst, c, scope, span, k);
                    }
                }
            } else {
                runCheck(inst, c, inst.envFor(c), span, null);
            }
        }
    }

    private void runCheck(Instance inst, Node.CheckExpr c, Env env, Span span, String key) {
        if (c.condition() != null && !Values.truthy(in.eval(c.condition(), env))) {
            return;
        }
        if (!Values.truthy(in.eval(c.test(), env))) {
            String msg = c.message() == null ? null : Values.toStr(in.eval(c.message(), env));
            String text = "check failed for `" + inst.def.name() + "`" + (key == null ? "" : " at key `" + key + "`")
                    + (msg == null || msg.isEmpty() ? ": `" + c.test().span().text() + "`" : ": " + msg);
            throw new EvalException(Diagnostic.error(Code.E0501, CheckBlame.of(c, Merge.spans(inst.config), span), text)
                    .withLabel(c.span(), "this check is false"), msg == null || msg.isEmpty() ? null : msg);
        }
    }

    /**
     * An instance assembled by merging (an instance with a config, or a partial one completed by a merge) is
     * made again from what its configs gave, so that its defaults are computed from the merged values, as
     * when configs merge before the instance is made. Instances made directly are returned as they are, and
     * so are those of schemas with parameters (whose arguments a merge does not keep).
     */
    private Value remadeIfMerged(Value.SchemaV sv, Span span) {
        SchemaDef def = in.defOf(sv.type());
        if (in.checked.contains(sv) || def.decl() == null || def.plan().paramsInChain()) {
            return sv;
        }
        Map<String, Value> given = new LinkedHashMap<>(sv.entries());
        given.keySet().retainAll(sv.given());
        Map<String, MergeOp> ops = new LinkedHashMap<>(sv.ops());
        ops.keySet().retainAll(given.keySet());
        return instantiate(def, List.of(), Map.of(), new Value.DictV(given, ops, sv.spans()), span);
    }

    /** Re-runs the checks of an instance whose attribute was assigned after it was made. */
    Value recheck(Value.SchemaV sv, Span span) {
        SchemaDef def = in.defOf(sv.type());
        Instance inst = new Instance(in, def, Value.DictV.EMPTY, span);
        inst.env = new Env(def.env, Env.Kind.SCHEMA, def.env.module, inst);
        inst.values.putAll(sv.entries());
        for (String name : def.attrs().keySet()) {
            inst.states.put(name, Instance.State.DONE);
        }
        runChecks(inst, def.checks(), span);
        in.checked.add(sv);
        return sv;
    }

    // ---------------------------------------------------------------- types

    /**
     * Checks {@code v} against {@code type}, converting where KCL converts: a dict becomes an instance of
     * a schema type, an int a float. A refined type's rules (an int32's range, a quantity's syntax) are checked
     * too. {@code what} names the value in messages ("attribute `x` of `S`").
     */
    Value coerce(Value v, Type type, Span span, String what) {
        Value out = tryCoerce(v, type, span, what);
        if (out == null) {
            throw new EvalException(TypeErrors.mismatch(span, type, what, Values.typeName(v), literal(v)));
        }
        return out;
    }

    /** A scalar value as plain data, as a type error may show it; null for other values. */
    private static Object literal(Value v) {
        return v instanceof Value.Str || v instanceof Value.Int || v instanceof Value.Float || v instanceof Value.Bool
                ? v.toJava() : null;
    }

    /**
     * Whether a key (kept as a string, as KCL prints it) fits a dict's key type: literal keys must be one of
     * the literals, `int` keys must read as integers; `str` and `any` take every key.
     */
    private static boolean keyFits(String key, Type type) {
        return switch (type) {
            case Type.Literal l -> l.value() instanceof String s ? s.equals(key) : l.display().equals(key);
            case Type.Union u -> u.members().stream().anyMatch(m -> keyFits(key, m));
            case Type.Int i -> key.matches("-?\\d+");
            case Type.Float f -> key.matches("-?\\d+(\\.\\d*)?([eE][-+]?\\d+)?");
            case Type.Bool b -> key.equals("True") || key.equals("False");
            case Type.Refined r -> keyFits(key, r.base());
            default -> true;
        };
    }

    private Value tryCoerce(Value v, Type type, Span span, String what) {
        if (Values.isNoneLike(v)) {
            return v;
        }
        return switch (type) {
            case Type.Any a -> v;
            case Type.Never n -> null;
            case Type.Bool b -> v instanceof Value.Bool ? v : null;
            case Type.Int i -> v instanceof Value.Int ? v : null;
            case Type.Float f -> v instanceof Value.Float || v instanceof Value.Int ? v : null; // KCL keeps an int as it is
            case Type.Str s -> v instanceof Value.Str ? v : null;
            case Type.NoneType n -> null;
            case Type.ListOf l -> {
                if (!(v instanceof Value.ListV list)) {
                    yield null;
                }
                List<Value> items = new ArrayList<>(list.items().size());
                for (int i = 0; i < list.items().size(); i++) {
                    Value item = list.items().get(i);
                    Span at = list.spanOf(i) != null ? list.spanOf(i) : span;
                    Value c = tryCoerce(item, l.element(), at, what);
                    if (c == null) {
                        throw new EvalException(TypeErrors.elementMismatch(at, l, what, Values.typeName(item)));
                    }
                    items.add(c);
                }
                yield new Value.ListV(items, list.spans());
            }
            case Type.DictOf d -> {
                Map<String, Value> entries = Values.entries(v);
                if (entries == null) {
                    yield null;
                }
                if (v instanceof Value.SchemaV && d.value() instanceof Type.Any) {
                    yield v;
                }
                Map<String, Value> out = new LinkedHashMap<>();
                for (Map.Entry<String, Value> e : entries.entrySet()) {
                    Span at = Merge.spans(v).getOrDefault(e.getKey(), span);
                    if (!keyFits(e.getKey(), d.key())) {
                        throw new EvalException(TypeErrors.keyMismatch(at, d, what, e.getKey()));
                    }
                    Value c = tryCoerce(e.getValue(), d.value(), at, what);
                    if (c == null) {
                        Value bad = e.getValue();
                        throw new EvalException(TypeErrors.valueMismatch(at, d, what, e.getKey(),
                                Values.typeName(bad), bad instanceof Value.Int || bad instanceof Value.Float
                                        || bad instanceof Value.Bool ? bad.toJava() : null));
                    }
                    out.put(e.getKey(), c);
                }
                yield new Value.DictV(out, Merge.ops(v), Merge.spans(v));
            }
            case Type.Union u -> {
                for (Type m : u.members()) {
                    if (m instanceof Type.Schema && v instanceof Value.DictV) {
                        continue;
                    }
                    Value c = tryCoerceQuietly(v, m, span, what);
                    if (c != null) {
                        yield c;
                    }
                }
                for (Type m : u.members()) {
                    if (m instanceof Type.Schema) {
                        Value c = tryCoerceQuietly(v, m, span, what);
                        if (c != null) {
                            yield c;
                        }
                    }
                }
                yield null;
            }
            case Type.Literal l -> literalValue(l) instanceof Value lv && Values.equal(lv, v)
                    && Values.typeName(lv).equals(Values.typeName(v)) ? v : null;
            case Type.Schema s -> {
                if (v instanceof Value.SchemaV sv) {
                    if (!sv.type().isSubtypeOf(s.schema())) {
                        // KCL lets an instance of one's own schema stand for a Kubernetes object's field (konfig's
                        // DeploymentStrategy as a Deployment's strategy): its data must make a valid one
                        yield s.schema().kind() == SchemaType.Kind.KUBERNETES && sv.type().kind() != SchemaType.Kind.KUBERNETES
                                ? instantiate(in.defOf(s.schema()), List.of(), Map.of(), asData(sv), span) : null;
                    }
                    yield remadeIfMerged(sv, span);
                }
                if (v instanceof Value.DictV) {
                    yield instantiate(in.defOf(s.schema()), List.of(), Map.of(), v, span);
                }
                yield null;
            }
            case Type.Function f -> v instanceof Value.Func ? v : null;
            case Type.Refined r -> {
                Value c = tryCoerce(v, r.base(), span, what);
                if (c != null) {
                    refine(c, r, span, what);
                }
                yield c;
            }
        };
    }

    /** An instance's output entries as a dict (private and undefined ones left out). */
    private static Value.DictV asData(Value.SchemaV sv) {
        Map<String, Value> data = new LinkedHashMap<>();
        sv.entries().forEach((k, x) -> {
            if (!k.startsWith("_") && !(x instanceof Value.Undefined) && !(x instanceof Value.Func)) {
                data.put(k, x);
            }
        });
        return new Value.DictV(data);
    }

    /**
     * Fails when a value breaks a rule only the evaluator can check (a system module's type, which looks at how a
     * number was written). The other rules (ranges, formats, patterns) are the validator's, on the output, so a
     * schema's own checks, which say more, come first.
     */
    private void refine(Value v, Type.Refined r, Span span, String what) {
        for (dev.skiff.types.Refinement.Rule rule : r.refinement().rules()) {
            if (rule instanceof dev.skiff.types.Refinement.Opaque o
                    && !dev.skiff.eval.lib.Library.nativeType(o.type()).map(t -> t.contains().test(v)).orElse(true)) {
                throw new EvalException(Code.E0301, span, "expected `" + r.display() + "` for " + what
                        + ", found `" + Values.typeName(v) + "`");
            }
        }
    }

    private Value tryCoerceQuietly(Value v, Type type, Span span, String what) {
        try {
            return tryCoerce(v, type, span, what);
        } catch (EvalException e) {
            return null;
        }
    }

    static boolean isBasic(TypeExpr t) {
        return t instanceof TypeExpr.BasicType;
    }
}
