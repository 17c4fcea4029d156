package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.diag.Suggestions;
import dev.skiff.eval.lib.Library;
import dev.skiff.eval.value.CallContext;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Value.MergeOp;
import dev.skiff.eval.value.Values;
import dev.skiff.source.Span;
import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Operator;
import dev.skiff.syntax.Stmt;
import dev.skiff.syntax.TypeExpr;
import dev.skiff.types.Calls;
import dev.skiff.types.SchemaType;
import dev.skiff.types.SchemaTypes;
import dev.skiff.types.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates expressions. Statements live in {@link Statements}, schema instantiation in {@link Schemas};
 * all three share this object's state (limits, modules, options).
 */
final class Interpreter {
    final EvalOptions options;
    final Map<String, Value> parsedOptions;
    final Modules modules;
    /** The files of the main module, whose instances `S.instances()` lists by default. */
    final java.util.Set<dev.skiff.source.SourceFile> mainFiles = new java.util.HashSet<>();
    final Statements statements;
    final Schemas schemas;
    final KubernetesTypes kubernetes;
    /** The program's types: every schema declaration's {@link SchemaType}, every annotation's {@link Type}. */
    final SchemaTypes types;
    final dev.skiff.modules.Program program;
    /** The run-time schema of each schema type: where its defaults and checks run. */
    private final Map<SchemaType, SchemaDef> defs = new java.util.IdentityHashMap<>();
    /** Every instance made so far of each schema and of the schemas inheriting from it, for `instances()`. */
    final Map<SchemaType, List<Made>> instances = new java.util.IdentityHashMap<>();
    /**
     * Whether {@link #instances} is kept: only when some module of the program mentions {@code instances}, since
     * keeping every instance alive to the end is most of the memory of a large output.
     */
    final boolean recordsInstances;
    List<Value> outputStream;
    Map<String, Value> outputStreamOptions;
    private long steps;
    int depth;
    /**
     * Above zero while a config entry's value is evaluated: an instance made there may lack a required
     * attribute that a later merge gives; it is recorded in {@link #incomplete} instead of failing at once.
     */
    int deferRequired;
    final Map<Value.SchemaV, dev.skiff.diag.Diagnostic> incomplete = new java.util.IdentityHashMap<>();
    /** Instances whose checks have run on exactly their entries (not ones assembled later by merging). */
    final Set<Value.SchemaV> checked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** An instance, and whether the main module made it. */
    record Made(Value instance, boolean inMain, Env.Binding pending) {
        Made(Value instance, boolean inMain) {
            this(instance, inMain, null);
        }
    }

    /** The span of the pending unification being instantiated now, whose instance is listed already. */
    Span materializing;

    Interpreter(EvalOptions options, dev.skiff.modules.Program program, SchemaTypes types) {
        this.options = options;
        this.program = program;
        this.types = types;
        this.parsedOptions = OptionValues.parse(options.options());
        this.modules = new Modules(this);
        this.statements = new Statements(this);
        this.schemas = new Schemas(this);
        this.kubernetes = new KubernetesTypes(types.kubernetes(), !options.crds().isEmpty());
        long millis = options.limits().maxMillis();
        this.deadline = System.nanoTime() + (millis >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE / 2 : millis * 1_000_000);
        this.recordsInstances = program.modules().values().stream().flatMap(m -> m.units().stream())
                .anyMatch(u -> u.file().text().contains("instances"));
    }

    /** Remembers an instance for {@code S.instances()} of its schema and every schema it inherits from. */
    void made(Value.SchemaV result, dev.skiff.source.Span span) {
        if (!recordsInstances) {
            return;
        }
        boolean inMain = span != null && mainFiles.contains(span.file());
        for (SchemaType s = result.type(); s != null; s = s.parent()) {
            List<Made> made = instances.computeIfAbsent(s, k -> new ArrayList<>());
            if (made.size() < 100_000) {
                made.add(new Made(result, inMain));
            }
        }
    }

    /** Registers the run-time schema of a declaration when its statement runs (or its module is entered). */
    SchemaDef define(SchemaType type, Env env) {
        SchemaDef def = new SchemaDef(type, env);
        defs.put(type, def);
        return def;
    }

    /**
     * The run-time schema of a schema type: the one its declaration defined, or, for a Kubernetes type (or a
     * schema whose module has not run), one over the globals of its module.
     */
    SchemaDef defOf(SchemaType type) {
        SchemaDef def = defs.get(type);
        if (def == null) {
            ModuleState module = modules.state(type.module());
            def = define(type, module != null ? module.globals
                    : new Env(null, Env.Kind.MODULE, new ModuleState(type.module()), null));
        }
        return def;
    }

    // ---------------------------------------------------------------- expressions

    /**
     * Evaluations in progress, one inside the other. Calls are limited by {@code maxCallDepth}, but each call
     * may nest expressions deeply too; this keeps the product within the compiling thread's stack.
     */
    private int nesting;
    static final int MAX_NESTING = 20_000;
    /** The top-level statement being executed: where a stack overflow is reported. */
    Span statement;
    private final long deadline;

    /** Stops the evaluation when its time is up or its caller gave up on it (interrupted the thread). */
    void checkTime(Span at) {
        if (options.cancelled().getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("evaluation cancelled");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new EvalException(Code.E0509, at, "the evaluation was cancelled");
        }
        if (System.nanoTime() - deadline > 0) {
            throw new EvalException(Code.E0509, at, "the program takes longer than " + options.limits().maxMillis() / 1000
                    + " s to evaluate").withHint("look for a loop or recursion that does far more work than it should;"
                    + " a project that needs longer sets `timeout = SECONDS` under [skiff] in kcl.mod");
        }
    }

    Value eval(Expr e, Env env) {
        if (nesting >= MAX_NESTING) {
            throw new EvalException(Code.E0506, e.span(), "expressions and calls nest more than " + MAX_NESTING
                    + " levels deep").withHint("look for a recursion that does not end, or split a deep expression");
        }
        nesting++;
        try {
            return evalHere(e, env);
        } finally {
            nesting--;
        }
    }

    private Value evalHere(Expr e, Env env) {
        if ((steps & 0xFFF) == 0 && options.cancelled().getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("evaluation cancelled");
        }
        if (++steps > options.limits().maxSteps()) {
            throw new EvalException(Code.E0509, e.span(), "the program takes more than "
                    + options.limits().maxSteps() + " steps to evaluate")
                    .withHint("look for a comprehension or recursion that does not end; a project that needs more sets"
                            + " `max-steps = N` under [skiff] in kcl.mod");
        }
        if ((steps & 0x3FF) == 0) {
            checkTime(e.span());
        }
        return switch (e) {
            case Expr.Name n -> lookup(n, env);
            case Expr.Selector s -> select(s, env);
            case Expr.Subscript s -> subscript(s, env);
            case Expr.Slice s -> Slicing.slice(s, eval(s.value(), env), optInt(s.lower(), env), optInt(s.upper(), env),
                    optInt(s.step(), env));
            case Expr.Call c -> call(c, env);
            case Expr.IntLit i -> Literals.intLiteral(i);
            case Expr.FloatLit f -> Literals.floatLiteral(f);
            case Expr.StrLit s -> new Value.Str(s.value());
            case Expr.Interpolated s -> interpolate(s, env);
            case Expr.BoolLit b -> Value.Bool.of(b.value());
            case Expr.NoneLit n -> Value.None.NONE;
            case Expr.UndefinedLit u -> Value.Undefined.UNDEFINED;
            case Expr.ListLit l -> {
                List<Span> spans = new ArrayList<>();
                List<Value> items = listItems(l.items(), env, spans);
                yield new Value.ListV(items, spans);
            }
            case Expr.Starred s -> throw new EvalException(Code.E0101, s.span(), "`*` unpacking is only allowed in a list");
            case Expr.ListIf l -> throw new EvalException(Code.E0101, l.span(), "`if` items are only allowed in a list");
            case Expr.ConfigLit c -> config(c, env);
            case Expr.SchemaInst s -> instantiate(s, env);
            case Expr.Unary u -> Operators.unary(u.op(), eval(u.operand(), env), u.span());
            case Expr.Binary b -> binary(b, env);
            case Expr.Compare c -> compare(c, env);
            case Expr.IfElse i -> Values.truthy(eval(i.condition(), env)) ? eval(i.then(), env) : eval(i.orElse(), env);
            case Expr.Cast c -> cast(c, env);
            case Expr.Lambda l -> lambda(l, env);
            case Expr.ListComp c -> Comprehensions.list(this, c, env);
            case Expr.DictComp c -> Comprehensions.dict(this, c, env);
            case Expr.Quantified q -> Comprehensions.quantified(this, q, env);
            case Expr.Paren p -> eval(p.value(), env);
            case Expr.Error err -> throw new EvalException(Code.E0101, err.span(), "this expression could not be parsed");
        };
    }

    private Long optInt(Expr e, Env env) {
        if (e == null) {
            return null;
        }
        Value v = eval(e, env);
        if (Values.isNoneLike(v)) {
            return null;
        }
        if (v instanceof Value.Int i) {
            return i.value();
        }
        throw new EvalException(Code.E0301, e.span(), "slice indices must be integers, not `" + Values.typeName(v) + "`");
    }

    Value lookup(Expr.Name n, Env env) {
        String id = n.id();
        for (Env s = env; s != null; s = s.parent) {
            Env.Binding b = s.vars.get(id);
            if (b != null) {
                return valueOf(b);
            }
            if (s.instance != null && s.instance.has(id)) {
                return schemas.attribute(s.instance, id, n.span());
            }
            if (s.parent == null && s.kind == Env.Kind.MODULE && !s.module.done
                    && statements.runPendingWriter(s.module, id)) {
                return lookup(n, env);
            }
            if (s.parent == null && s.kind == Env.Kind.MODULE && s.module.writers.containsKey(id)
                    && s.module.writers.get(id).stream().allMatch(w -> w instanceof dev.skiff.syntax.Stmt.If)) {
                // assigned only in a branch that did not run (`if False: a = 1`): KCL reads Undefined
                return Value.Undefined.UNDEFINED;
            }
        }
        Value builtin = Library.builtin(id).map(v -> (Value) v).orElse(null);
        if (builtin != null) {
            return builtin;
        }
        dev.skiff.resolve.Symbol local = types.bindings().symbol(n);
        if (local != null && local.kind() == dev.skiff.resolve.Symbol.Kind.LOCAL) {
            // a lambda's variable assigned only in a branch that did not run reads Undefined, as in KCL
            return Value.Undefined.UNDEFINED;
        }
        throw undefined(n, env);
    }

    private EvalException undefined(Expr.Name n, Env env) {
        Set<String> names = new LinkedHashSet<>();
        for (Env s = env; s != null; s = s.parent) {
            names.addAll(s.vars.keySet());
            if (s.instance != null) {
                names.addAll(s.instance.def.attrs().keySet());
            }
        }
        names.addAll(Library.builtinNames());
        return new EvalException(dev.skiff.resolve.NameErrors.undefined(n.span(), n.id(), names,
                Library.systemModuleNames()));
    }

    /** The value of a binding, instantiating a pending top-level unification on first use. */
    Value valueOf(Env.Binding b) {
        if (b.value == null && b.pendingSchema != null) {
            Span before = materializing;
            materializing = b.pendingSpan;
            try {
                b.value = schemas.instantiate(b.pendingSchema, b.pendingArgs, b.pendingKwargs, b.pendingConfig,
                        b.pendingSpan);
            } finally {
                materializing = before;
            }
        }
        return b.value == null ? Value.Undefined.UNDEFINED : b.value;
    }

    private Value select(Expr.Selector s, Env env) {
        Value target = eval(s.value(), env);
        return member(target, s.attr().id(), s.attr().span(), s.optional());
    }

    Value member(Value target, String name, Span span, boolean optional) {
        if (optional && !Values.truthy(target)) {
            return Value.None.NONE; // KCL's `?.` stops at any falsy value, `{}` and `""` included
        }
        if (Values.isNoneLike(target)) {
            if (optional) {
                return Value.None.NONE;
            }
            throw new EvalException(Code.E0204, span, "cannot read `" + name + "` of `"
                    + Values.typeName(target) + "`")
                    .withHint("use `?.` to get None instead when the value may be missing");
        }
        switch (target) {
            case Value.Module m -> {
                Value v = m.members().get(name);
                if (v == null) {
                    EvalException ex = new EvalException(Code.E0204, span,
                            "module `" + m.name() + "` has no member `" + name + "`");
                    String hint = Suggestions.didYouMean(name, m.members().keySet());
                    throw hint == null ? ex : ex.withHint(hint);
                }
                return v;
            }
            case Value.Str str -> {
                Value.Func method = Library.stringMethod(name).orElse(null);
                if (method == null) {
                    EvalException ex = new EvalException(Code.E0204, span, "`str` has no method `" + name + "`");
                    String hint = Suggestions.didYouMean(name, Library.stringMethodNames());
                    throw hint == null ? ex : ex.withHint(hint);
                }
                return new Value.Func(name, (ctx, args, kwargs) -> {
                    List<Value> all = new ArrayList<>(args.size() + 1);
                    all.add(str);
                    all.addAll(args);
                    return method.impl().call(ctx, all, kwargs);
                });
            }
            case Value.SchemaV sv -> {
                Value v = sv.entries().get(name);
                if (v != null) {
                    return v;
                }
                SchemaType def = sv.type();
                if (def.attributes().containsKey(name) || def.index() != null) {
                    return Value.None.NONE;
                }
                EvalException ex = new EvalException(Code.E0204, span,
                        "schema `" + def.name() + "` has no attribute `" + name + "`");
                String hint = Suggestions.didYouMean(name, def.attributes().keySet());
                throw hint == null ? ex : ex.withHint(hint);
            }
            case Value.DictV d -> {
                Value v = d.entries().get(name);
                return v == null ? Value.None.NONE : v;
            }
            case Value.TypeV t when name.equals("instances") -> {
                SchemaType def = t.schema();
                // instances(full_pkg=False): those the main module made; with True, those of every module
                return new Value.Func("instances", (ctx, args, kwargs) -> {
                    Value full = !args.isEmpty() ? args.get(0) : kwargs.getOrDefault("full_pkg", Value.Bool.of(false));
                    boolean all = Values.truthy(full);
                    List<Value> out = new ArrayList<>();
                    for (Made m : List.copyOf(instances.getOrDefault(def, List.of()))) {
                        if (!all && !m.inMain()) {
                            continue;
                        }
                        if (m.pending() == null) {
                            out.add(m.instance());
                        } else if (valueOf(m.pending()) instanceof Value.SchemaV sv && sv.type().isSubtypeOf(def)) {
                            out.add(sv); // a name declared with `:` is listed once, as its merged value
                        }
                    }
                    return new Value.ListV(out);
                });
            }
            default -> throw new EvalException(Code.E0204, span,
                    "`" + Values.typeName(target) + "` has no attribute `" + name + "`");
        }
    }

    private Value subscript(Expr.Subscript s, Env env) {
        Value target = eval(s.value(), env);
        if (s.optional() && !Values.truthy(target)) {
            return Value.None.NONE; // as `?.`: `{}?["key"]` and `[]?[0]` are None
        }
        Value index = eval(s.index(), env);
        if (s.optional() && (target instanceof Value.ListV || target instanceof Value.Str)) {
            try {
                return index(target, index, s.span());
            } catch (EvalException e) {
                return Value.None.NONE; // `xs?[i]` past the end is None, as in KCL
            }
        }
        return index(target, index, s.span());
    }

    Value index(Value target, Value index, Span span) {
        if (target instanceof Value.ListV l) {
            return l.items().get(Slicing.position(index, l.items().size(), span));
        }
        if (target instanceof Value.Str str) {
            int p = Slicing.position(index, str.value().codePointCount(0, str.value().length()), span);
            int start = str.value().offsetByCodePoints(0, p);
            return new Value.Str(str.value().substring(start, str.value().offsetByCodePoints(start, 1)));
        }
        Map<String, Value> entries = Values.entries(target);
        if (entries != null) {
            Value v = entries.get(Values.toStr(index));
            return v == null ? Value.Undefined.UNDEFINED : v; // a missing key reads Undefined, as in KCL
        }
        if (Values.isNoneLike(target)) {
            throw new EvalException(Code.E0308, span, "cannot index `" + Values.typeName(target) + "`")
                    .withHint("use `?[...]` to get None instead when the value may be missing");
        }
        throw new EvalException(Code.E0308, span, "`" + Values.typeName(target) + "` cannot be indexed");
    }

    // ---------------------------------------------------------------- calls

    private Value call(Expr.Call c, Env env) {
        Value fn = eval(c.func(), env);
        if (Values.isNoneLike(fn) && c.func() instanceof Expr.Selector s && s.optional()) {
            return Value.None.NONE; // `x?.f()` with x None: the whole call is None, as in KCL
        }
        List<Value> args = new ArrayList<>();
        for (Expr a : c.args()) {
            if (a instanceof Expr.Starred st) {
                Value v = eval(st.value(), env);
                if (v instanceof Value.ListV l) {
                    args.addAll(l.items());
                    continue;
                }
                throw new EvalException(Code.E0305, st.span(), "`*` needs a list, found `" + Values.typeName(v) + "`");
            }
            args.add(eval(a, env));
        }
        Map<String, Value> kwargs = new LinkedHashMap<>();
        for (Node.Keyword k : c.keywords()) {
            if (kwargs.put(k.name().id(), eval(k.value(), env)) != null) {
                throw new EvalException(Code.E0305, k.name().span(), "keyword argument `" + k.name().id()
                        + "` is given twice");
            }
        }
        return callValue(fn, args, kwargs, c.span());
    }

    Value callValue(Value fn, List<Value> args, Map<String, Value> kwargs, Span span) {
        if (++depth > options.limits().maxCallDepth()) {
            depth = 0;
            throw new EvalException(Code.E0506, span, "calls nest more than " + options.limits().maxCallDepth()
                    + " deep").withHint("look for a function or schema that calls itself without end");
        }
        try {
            return switch (fn) {
                case Value.Func f -> f.impl().call(new Context(span), args, kwargs);
                case Value.TypeV t -> schemas.instantiate(defOf(t.schema()), args, kwargs, Value.DictV.EMPTY, span);
                default -> throw new EvalException(Code.E0304, span, "`" + Values.typeName(fn) + "` is not callable");
            };
        } catch (EvalException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e instanceof java.util.concurrent.CancellationException c) {
                throw c; // an editor's stale compile stopping, not a failure of the call
            }
            throw new EvalException(Code.E0507, span, "the call failed: " + e.getMessage());
        } finally {
            depth = Math.max(0, depth - 1);
        }
    }

    private Value lambda(Expr.Lambda l, Env env) {
        return new Value.Func("lambda", new Closure(l, env));
    }

    /** A lambda with the scope it was written in. */
    private final class Closure implements dev.skiff.eval.value.NativeFunction {
        private final Expr.Lambda lambda;
        private final Env env;

        Closure(Expr.Lambda lambda, Env env) {
            this.lambda = lambda;
            this.env = env;
        }

        @Override
        public Value call(CallContext ctx, List<Value> args, Map<String, Value> kwargs) {
            return callLambda(lambda, env, args, kwargs, ctx.span());
        }

        @Override
        public String parameterType(int index) {
            List<Node.Param> params = lambda.params();
            return index < params.size() && params.get(index).type() != null
                    ? params.get(index).type().span().text() : null;
        }
    }

    private Value callLambda(Expr.Lambda l, Env closure, List<Value> args, Map<String, Value> kwargs, Span span) {
        Env local = closure.child(Env.Kind.LAMBDA);
        bindParams(l.params(), closure, local, args, kwargs, span, "lambda");
        Value result = statements.execBody(l.body(), local);
        if (l.returnType() != null) {
            result = schemas.coerce(result, resolveType(l.returnType(), closure), span, "the lambda's result");
        }
        return result;
    }

    void bindParams(List<Node.Param> params, Env defining, Env into, List<Value> args, Map<String, Value> kwargs,
                    Span span, String what) {
        if (args.size() > params.size()) {
            throw new EvalException(Code.E0305, span, Calls.tooMany(what, params.size(), args.size()));
        }
        Set<String> known = new LinkedHashSet<>();
        for (int i = 0; i < params.size(); i++) {
            Node.Param p = params.get(i);
            String name = p.name().id();
            known.add(name);
            Value v;
            if (i < args.size()) {
                v = args.get(i);
            } else if (kwargs.containsKey(name)) {
                v = kwargs.get(name);
            } else if (p.defaultValue() != null) {
                v = eval(p.defaultValue(), into);
            } else {
                throw new EvalException(Code.E0305, span, Calls.missing(what, name));
            }
            if (p.type() != null) {
                v = schemas.coerce(v, resolveType(p.type(), defining), span, "argument `" + name + "`");
            }
            into.vars.put(name, new Env.Binding(v, p.name().span()));
        }
        for (String k : kwargs.keySet()) {
            if (!known.contains(k)) {
                throw new EvalException(Calls.unknownKeyword(span, what, k, known));
            }
        }
    }

    /** The {@link CallContext} handed to functions. */
    private final class Context implements CallContext {
        private final Span span;

        Context(Span span) {
            this.span = span;
        }

        @Override
        public Span span() {
            return span;
        }

        @Override
        public Map<String, Value> options() {
            return parsedOptions;
        }

        @Override
        public Map<String, String> rawOptions() {
            return options.options();
        }

        @Override
        public Appendable out() {
            return options.out();
        }

        @Override
        public Path projectRoot() {
            return options.projectRoot();
        }

        @Override
        public boolean writesFiles() {
            return options.writeFiles();
        }

        @Override
        public Value call(Value function, List<Value> args, Map<String, Value> kwargs) {
            return callValue(function, args, kwargs, span);
        }

        @Override
        public void checkTime() {
            Interpreter.this.checkTime(span);
        }

        @Override
        public void setOutputStream(List<Value> documents, Map<String, Value> opts) {
            outputStream = List.copyOf(documents);
            outputStreamOptions = opts;
        }
    }

    // ---------------------------------------------------------------- literals and operators

    private Value interpolate(Expr.Interpolated s, Env env) {
        StringBuilder sb = new StringBuilder();
        for (Expr.StrPart part : s.parts()) {
            switch (part) {
                case Expr.Text t -> sb.append(t.value());
                case Expr.Hole h -> {
                    Value v = eval(h.expr(), env);
                    String spec = h.spec() == null ? null : h.spec().toLowerCase(java.util.Locale.ROOT);
                    if ("#json".equals(spec)) {
                        sb.append(Literals.json(v));
                    } else if ("#yaml".equals(spec)) {
                        sb.append(Literals.yaml(v));
                    } else {
                        sb.append(Values.toStr(v));
                    }
                }
            }
        }
        return new Value.Str(sb.toString());
    }

    List<Value> listItems(List<Expr> items, Env env) {
        return listItems(items, env, new ArrayList<>());
    }

    /** The items of a list literal, with where each was written added to {@code spans}. */
    private List<Value> listItems(List<Expr> items, Env env, List<Span> spans) {
        List<Value> out = new ArrayList<>();
        for (Expr item : items) {
            switch (item) {
                case Expr.Starred s -> {
                    Value v = eval(s.value(), env);
                    if (v instanceof Value.ListV l) {
                        out.addAll(l.items());
                        l.items().forEach(x -> spans.add(s.span()));
                    } else if (Values.entries(v) != null) {
                        for (String k : Values.entries(v).keySet()) {
                            out.add(new Value.Str(k));
                            spans.add(s.span());
                        }
                    } else if (!Values.isNoneLike(v)) {
                        throw new EvalException(Code.E0309, s.span(), "`*` needs a list or dict, found `"
                                + Values.typeName(v) + "`");
                    }
                }
                case Expr.ListIf li -> out.addAll(listItems(Values.truthy(eval(li.condition(), env)) ? li.items()
                        : li.orElse(), env, spans));
                default -> {
                    Value v = eval(item, env);
                    if (!(v instanceof Value.Undefined)) {
                        out.add(v);
                        spans.add(item.span());
                    }
                }
            }
        }
        if (out.size() > options.limits().maxListSize()) {
            throw new EvalException(Code.E0509, items.get(0).span(), "this list has more than "
                    + options.limits().maxListSize() + " elements");
        }
        return out;
    }

    private Value binary(Expr.Binary b, Env env) {
        if (b.op() == Operator.Binary.AND) {
            Value l = eval(b.left(), env);
            return Values.truthy(l) ? eval(b.right(), env) : l;
        }
        if (b.op() == Operator.Binary.OR) {
            Value l = eval(b.left(), env);
            return Values.truthy(l) ? l : eval(b.right(), env);
        }
        Value l = eval(b.left(), env);
        Value r = eval(b.right(), env);
        return binary(b.op(), l, r, b.span());
    }

    /** A binary operator on values; {@code instance | config} keeps the instance's schema (see {@link Schemas#union}). */
    Value binary(Operator.Binary op, Value l, Value r, Span span) {
        if (op == Operator.Binary.BIT_OR && l instanceof Value.SchemaV sv && Values.entries(r) != null) {
            return schemas.union(sv, r, span);
        }
        if (op == Operator.Binary.BIT_OR && l instanceof Value.DictV && r instanceof Value.SchemaV) {
            throw Operators.badOperands(op, l, r, span)
                    .withHint("put the instance first: `instance | {...}` keeps its schema");
        }
        return Operators.binary(op, l, r, span, options.limits());
    }

    private Value compare(Expr.Compare c, Env env) {
        Value left = eval(c.left(), env);
        for (int i = 0; i < c.ops().size(); i++) {
            Value right = eval(c.rights().get(i), env);
            if (!Operators.compare(c.ops().get(i), left, right, c.span())) {
                return Value.Bool.FALSE;
            }
            left = right;
        }
        return Value.Bool.TRUE;
    }

    private Value cast(Expr.Cast c, Env env) {
        Value v = eval(c.value(), env);
        return schemas.coerce(v, resolveType(c.type(), env), c.span(), "the value");
    }

    // ---------------------------------------------------------------- configs

    /** Evaluates a config literal into a dict that remembers each entry's operator. */
    Value.DictV config(Expr.ConfigLit c, Env env) {
        Map<String, Value> entries = new LinkedHashMap<>();
        Map<String, MergeOp> ops = new LinkedHashMap<>();
        Map<String, Span> spans = new LinkedHashMap<>();
        // entries may refer to earlier sibling keys by name, as in KCL
        configEntries(c.entries(), env.child(Env.Kind.CONFIG), entries, ops, spans);
        return new Value.DictV(entries, ops, spans);
    }

    private void configEntries(List<ConfigEntry> list, Env env, Map<String, Value> entries, Map<String, MergeOp> ops,
                               Map<String, Span> spans) {
        for (ConfigEntry entry : list) {
            switch (entry) {
                case ConfigEntry.KeyValue kv when kv.key() instanceof Expr.Subscript sub
                        && sub.value() instanceof Expr.Name listName && !sub.optional()
                        && (entries.containsKey(listName.id()) || !visible(listName, env)) -> {
                    indexEntry(kv, listName.id(), eval(sub.index(), env), env, entries);
                }
                case ConfigEntry.KeyValue kv -> {
                    List<String> path = keyPath(kv.key(), env);
                    Value value;
                    deferRequired++;
                    try {
                        value = eval(kv.value(), env);
                    } finally {
                        deferRequired--;
                    }
                    MergeOp op = mergeOp(kv.op());
                    for (int i = path.size() - 1; i > 0; i--) {
                        Map<String, Value> m = new LinkedHashMap<>();
                        m.put(path.get(i), value);
                        value = new Value.DictV(m, op == MergeOp.UNION ? Map.of() : Map.of(path.get(i), op),
                                Map.of(path.get(i), kv.key().span()));
                        op = MergeOp.UNION;
                    }
                    spans.put(path.get(0), kv.key().span());
                    put(entries, ops, path.get(0), value, op, kv.span());
                    if (env.kind == Env.Kind.CONFIG) {
                        env.vars.put(path.get(0), new Env.Binding(entries.get(path.get(0)), kv.key().span()));
                    }
                }
                case ConfigEntry.Unpack u -> {
                    Value v = eval(u.value(), env);
                    Map<String, Value> more = Values.entries(v);
                    if (more == null) {
                        if (Values.isNoneLike(v)) {
                            continue;
                        }
                        throw new EvalException(Code.E0309, u.span(), "`**` needs a dict, found `"
                                + Values.typeName(v) + "`");
                    }
                    for (Map.Entry<String, Value> e : more.entrySet()) {
                        spans.put(e.getKey(), Merge.spans(v).getOrDefault(e.getKey(), u.span()));
                        // unpacked entries replace what is there, except that None and Undefined (which
                        // union leaves out) do not replace a value or a schema's default, as in KCL
                        // `**` unions as KCL's runtime does (`self |= other`): an entry written with `:` merges
                        // with what is there (nested dicts key by key, lists item by item), one written with `=`
                        // replaces it; None and Undefined (which union leaves out) replace nothing
                        MergeOp recorded = Merge.opOf(v, e.getKey());
                        MergeOp op = recorded == MergeOp.INSERT ? MergeOp.INSERT
                                : Values.isNoneLike(e.getValue()) ? MergeOp.UNION : MergeOp.OVERRIDE;
                        Value before = entries.get(e.getKey());
                        Value unpacked = e.getValue();
                        if (recorded == MergeOp.UNION && before != null && !Values.isNoneLike(before)
                                && !Values.isNoneLike(unpacked) && Merge.sameKind(before, unpacked)
                                && (Values.entries(before) != null || before instanceof Value.ListV)) {
                            unpacked = Merge.union(before, unpacked, u.span());
                        }
                        put(entries, ops, e.getKey(), unpacked, op, u.span());
                    }
                }
                case ConfigEntry.If i -> {
                    if (Values.truthy(eval(i.condition(), env))) {
                        configEntries(i.entries(), env, entries, ops, spans);
                    } else {
                        configEntries(i.orElse(), env, entries, ops, spans);
                    }
                }
                case ConfigEntry.Error err -> throw new EvalException(Code.E0101, err.span(),
                        "this entry could not be parsed");
            }
        }
    }

    /** {@code key[i] = v} replaces, {@code key[i] += [v…]} inserts, in a list set earlier in the same config. */
    private void indexEntry(ConfigEntry.KeyValue kv, String key, Value index, Env env, Map<String, Value> entries) {
        Value current = entries.get(key);
        if (current == null && kv.op() == Operator.Config.INSERT) {
            current = new Value.ListV(List.of()); // `arr[0] += [x]` with no `arr` yet starts the list
        }
        if (!(current instanceof Value.ListV list)) {
            throw new EvalException(Code.E0308, kv.key().span(), "`" + key + "[...]` needs `" + key
                    + "` to be a list set earlier in this config");
        }
        Value value = eval(kv.value(), env);
        List<Value> items = new ArrayList<>(list.items());
        if (kv.op() == Operator.Config.INSERT) {
            int at = index instanceof Value.Int i && i.value() == items.size() ? items.size()
                    : Slicing.position(index, items.size(), kv.key().span());
            if (!(value instanceof Value.ListV more)) {
                throw new EvalException(Code.E0307, kv.value().span(), "`+=` at an index needs a list of items to insert");
            }
            items.addAll(at, more.items());
        } else {
            int at = Slicing.position(index, items.size(), kv.key().span());
            items.set(at, kv.op() == Operator.Config.OVERRIDE ? value : Merge.unify(items.get(at), value, kv.span(), key));
        }
        entries.put(key, new Value.ListV(items));
    }

    private static void put(Map<String, Value> entries, Map<String, MergeOp> ops, String key, Value value, MergeOp op,
                            Span span) {
        if (!entries.containsKey(key)) {
            entries.put(key, value);
            if (op != MergeOp.UNION) {
                ops.put(key, op);
            }
            return;
        }
        Value old = entries.get(key);
        switch (op) {
            case OVERRIDE -> {
                entries.put(key, value);
                ops.put(key, MergeOp.OVERRIDE);
            }
            case INSERT -> {
                entries.put(key, Merge.append(old, value, span, key));
                ops.put(key, MergeOp.INSERT);
            }
            case UNION -> {
                entries.put(key, Merge.unify(old, value, span, key));
                ops.remove(key);
            }
        }
    }

    static MergeOp mergeOp(Operator.Config op) {
        return switch (op) {
            case UNION -> MergeOp.UNION;
            case OVERRIDE -> MergeOp.OVERRIDE;
            case INSERT -> MergeOp.INSERT;
        };
    }

    /**
     * Whether {@code n} names a variable in scope. `n[i]: v` in a config sets element i of the list `n` set
     * earlier in the same config; when the config has no `n` and a variable `n` is in scope (a loop
     * variable, a top-level dict), the key is computed: the value of `n[i]`.
     */
    private static boolean visible(Expr.Name n, Env env) {
        for (Env s = env; s != null; s = s.parent) {
            if (s.vars.containsKey(n.id())) {
                return true;
            }
        }
        return false;
    }

    private List<String> keyPath(Expr key, Env env) {
        List<String> path = new ArrayList<>();
        if (key instanceof Expr.Name n) {
            // a key naming a comprehension's loop variable stands for the variable's value, as in KCL
            for (Env s = env; s != null; s = s.parent) {
                Env.Binding b = s.vars.get(n.id());
                if (b != null) {
                    if (s.kind == Env.Kind.COMPREHENSION) {
                        path.add(Values.toStr(valueOf(b)));
                        return path;
                    }
                    break;
                }
            }
        }
        if (dotted(key, path)) {
            // `k.foo = v` in a comprehension over `k`: the root stands for the loop variable's value
            for (Env s = env; s != null && path.size() > 1; s = s.parent) {
                Env.Binding b = s.vars.get(path.get(0));
                if (b != null) {
                    if (s.kind == Env.Kind.COMPREHENSION) {
                        path.set(0, Values.toStr(valueOf(b)));
                    }
                    break;
                }
            }
            return path;
        }
        path.clear();
        Value v = eval(key, env);
        if (Values.isNoneLike(v) || v instanceof Value.ListV || Values.entries(v) != null) {
            throw new EvalException(Code.E0307, key.span(), "a config key must be a string (or a number), found `"
                    + Values.typeName(v) + "`");
        }
        path.add(Values.toStr(v));
        return path;
    }

    private static boolean dotted(Expr key, List<String> path) {
        if (key instanceof Expr.Name n) {
            path.add(n.id());
            return true;
        }
        if (key instanceof Expr.StrLit s) {
            path.add(s.value());
            return true;
        }
        if (key instanceof Expr.Selector s && !s.optional() && dotted(s.value(), path)) {
            path.add(s.attr().id());
            return true;
        }
        return false;
    }

    private Value instantiate(Expr.SchemaInst s, Env env) {
        return instantiate(s, env, null);
    }

    /**
     * Makes the instance {@code e} describes ({@code S(args) {config}}, or the call {@code S(args)}) with
     * {@code more} merged over its config first: a default that what the user gives completes, as in
     * {@code [n: str]: S = S(n)}. Null when {@code e} does not make a schema instance.
     */
    Value instantiateWith(Expr e, Env env, Value more) {
        if (e instanceof Expr.SchemaInst s) {
            return instantiate(s, env, more);
        }
        if (e instanceof Expr.Call c && eval(c.func(), env) instanceof Value.TypeV) {
            return instantiate(new Expr.SchemaInst(c.span(), c.func(), c.args(), c.keywords(), null), env, more);
        }
        return null;
    }

    private Value instantiate(Expr.SchemaInst s, Env env, Value more) {
        Value schema = eval(s.schema(), env);
        List<Value> args = new ArrayList<>();
        for (Expr a : s.args()) {
            args.add(eval(a, env));
        }
        Map<String, Value> kwargs = new LinkedHashMap<>();
        for (Node.Keyword k : s.keywords()) {
            kwargs.put(k.name().id(), eval(k.value(), env));
        }
        Value config = s.config() == null ? Value.DictV.EMPTY : config(s.config(), env);
        if (more != null) {
            config = Merge.union(config, more, s.span());
        }
        if (schema instanceof Value.TypeV t) {
            return schemas.instantiate(defOf(t.schema()), args, kwargs, config, s.span());
        }
        if (Values.entries(schema) != null && args.isEmpty()) {
            return Merge.union(schema, config, s.span());
        }
        if (schema instanceof Value.Func f && f.impl() instanceof TypeAliasFunction alias) {
            throw new EvalException(Code.E0304, s.schema().span(), "`" + s.schema().span().text() + "` stands for `"
                    + alias.type().display() + "`, which is not a schema and cannot be instantiated");
        }
        throw new EvalException(Code.E0304, s.schema().span(), "`" + Values.typeName(schema)
                + "` is not a schema and cannot be instantiated");
    }

    // ---------------------------------------------------------------- types

    /** The schema an expression names: statically when the program's types know it, else by its value. */
    SchemaDef schemaOf(Expr e, Env env, String what) {
        SchemaType known = types.schemaNamed(e);
        if (known != null && !shadowed(e, env)) {
            return defOf(known);
        }
        Value v = eval(e, env);
        if (v instanceof Value.TypeV t) {
            return defOf(t.schema());
        }
        throw new EvalException(Code.E0306, e.span(), "cannot " + what + " `" + Values.typeName(v)
                + "`: it is not a schema");
    }

    /** Whether a name is bound in a local scope, where it may hide the global the program's types know. */
    private static boolean shadowed(Expr e, Env env) {
        if (!(e instanceof Expr.Name n)) {
            return false;
        }
        for (Env s = env; s != null && s.parent != null; s = s.parent) {
            if (s.vars.containsKey(n.id())) {
                return true;
            }
        }
        return false;
    }

    /** What an annotation means: statically from the program's types, else by looking its names up as values. */
    Type resolveType(TypeExpr t, Env env) {
        Type known = types.annotation(t);
        if (known != null) {
            return known;
        }
        return switch (t) {
            case TypeExpr.ListType l -> new Type.ListOf(l.element() == null ? Type.ANY : resolveType(l.element(), env));
            case TypeExpr.DictType d -> new Type.DictOf(d.key() == null ? Type.ANY : resolveType(d.key(), env),
                    d.value() == null ? Type.ANY : resolveType(d.value(), env));
            case TypeExpr.UnionType u -> {
                List<Type> members = new ArrayList<>();
                for (TypeExpr m : u.members()) {
                    members.add(resolveType(m, env));
                }
                yield new Type.Union(members);
            }
            case TypeExpr.LiteralType l -> literalType(eval(l.literal(), env));
            case TypeExpr.Named n -> named(n, env);
            default -> Type.ANY;
        };
    }

    private static Type literalType(Value v) {
        return switch (v) {
            case Value.Str s -> new Type.Literal(s.value());
            case Value.Int i -> new Type.Literal(i.value(), i.written());
            case Value.Float f -> new Type.Literal(f.value(), f.written());
            case Value.Bool b -> new Type.Literal(b.value());
            default -> Type.NONE;
        };
    }

    private Type named(TypeExpr.Named n, Env env) {
        Value v;
        try {
            v = eval(n.name(), env);
        } catch (EvalException e) {
            if (e.diagnostic().code() == Code.E0201) {
                Set<String> known = new LinkedHashSet<>(List.of("int", "float", "str", "bool", "any"));
                for (Env s = env; s != null; s = s.parent) {
                    s.vars.forEach((k, binding) -> {
                        if (binding.value instanceof Value.TypeV || binding.pendingSchema != null) {
                            known.add(k);
                        }
                    });
                }
                EvalException ex = new EvalException(Code.E0306, n.span(), "unknown type `" + n.name().span().text() + "`");
                String hint = Suggestions.didYouMean(n.name().span().text(), known);
                throw hint == null ? ex : ex.withHint(hint);
            }
            throw e;
        }
        if (v instanceof Value.TypeV t) {
            return new Type.Schema(t.schema());
        }
        if (v instanceof Value.Func f && f.impl() instanceof TypeAliasFunction alias) {
            return alias.type();
        }
        if (v instanceof Value.Func f && f.impl() instanceof dev.skiff.eval.value.NativeType type) {
            return Library.systemType(type.name());
        }
        throw new EvalException(Code.E0306, n.span(), "`" + n.name().span().text() + "` is not a type");
    }

    /** A type alias, stored as a value so that it lives in the same scopes as other names. */
    record TypeAliasFunction(Type type) implements dev.skiff.eval.value.NativeFunction {
        @Override
        public Value call(CallContext ctx, List<Value> args, Map<String, Value> kwargs) {
            throw ctx.error(Code.E0304, "the type alias `" + type.display() + "` is not callable");
        }
    }
}
