package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import dev.skiff.types.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Executes statements: module top levels, schema bodies, lambda bodies and {@code if} blocks. */
final class Statements {
    private final Interpreter in;
    private SourceFile currentFile;

    Statements(Interpreter in) {
        this.in = in;
    }

    void execModule(List<SourceUnit> units, ModuleState module) {
        SourceFile outer = currentFile;
        try {
            for (SourceUnit unit : units) {
                hoist(unit.body(), module);
                for (Stmt s : unit.body()) {
                    java.util.Set<String> names = new java.util.LinkedHashSet<>();
                    globalWrites(s, names);
                    for (String n : names) {
                        module.writers.computeIfAbsent(n, k -> new ArrayList<>()).add(s);
                    }
                }
            }
            for (SourceUnit unit : units) {
                currentFile = unit.file();
                for (Stmt s : unit.body()) {
                    if (s == unit.body().get(0) && unit.body().size() > 1 && s instanceof Stmt.ExprStmt e
                            && e.expr() instanceof dev.skiff.syntax.Expr.StrLit) {
                        continue; // a string first in a file (with more after it) is its docstring, not output, as in KCL
                    }
                    if (module.executed.add(s)) {
                        in.statement = s.span();
                        exec(s, module.globals, null);
                    }
                }
            }
        } finally {
            currentFile = outer;
        }
    }

    /** Schemas and rules are visible in the whole module, before their declaration too. */
    private void hoist(List<Stmt> body, ModuleState module) {
        for (Stmt s : body) {
            SchemaDef def = switch (s) {
                case Stmt.SchemaDecl d -> in.define(in.types.of(d), module.globals);
                case Stmt.RuleDecl r -> in.define(in.types.of(r), module.globals);
                default -> null;
            };
            if (def == null) {
                continue;
            }
            Expr.Name name = s instanceof Stmt.SchemaDecl d ? d.name() : ((Stmt.RuleDecl) s).name();
            Env.Binding old = module.globals.vars.get(name.id());
            if (old != null) {
                throw new EvalException(dev.skiff.diag.Diagnostic.error(Code.E0207, name.span(),
                        "`" + name.id() + "` is defined twice").withLabel(old.declared, "first defined here"));
            }
            module.globals.vars.put(name.id(), new Env.Binding(def.asValue(), name.span()));
        }
    }

    /** The global names a top-level statement binds. */
    private static void globalWrites(Stmt s, java.util.Set<String> out) {
        switch (s) {
            case Stmt.Assign a -> a.targets().forEach(t -> {
                if (t instanceof Expr.Name n) {
                    out.add(n.id());
                }
            });
            case Stmt.Unification u -> out.add(u.target().id());
            case Stmt.If i -> {
                i.body().forEach(b -> globalWrites(b, out));
                i.orElse().forEach(b -> globalWrites(b, out));
            }
            default -> {
            }
        }
    }

    /**
     * A global read before the statement that binds it ran (a later line, or another file of the module):
     * run that statement now, as KCL resolves top-level names regardless of order. False when none is left.
     */
    boolean runPendingWriter(ModuleState module, String name) {
        for (Stmt s : module.writers.getOrDefault(name, List.of())) {
            if (module.executed.add(s)) {
                SourceFile outer = currentFile;
                try {
                    exec(s, module.globals, null);
                } finally {
                    currentFile = outer;
                }
                return true;
            }
        }
        return false;
    }

    /** Runs a body and returns the value of the last expression statement run (a lambda's result). */
    Value execBody(List<Stmt> body, Env env) {
        Value[] last = {Value.None.NONE};
        for (Stmt s : body) {
            exec(s, env, last);
        }
        return last[0];
    }

    /** Runs one statement (a schema body runs its statements one by one, some out of order). */
    void execOne(Stmt s, Env env) {
        exec(s, env, null);
    }

    private void exec(Stmt s, Env env, Value[] last) {
        switch (s) {
            case Stmt.ExprStmt e -> {
                Value v = in.eval(e.expr(), env);
                if (last != null) {
                    last[0] = v;
                }
                if (env.kind == Env.Kind.MODULE && env.instance == null && !Values.isNoneLike(v)
                        && Value.isEmitted(v)) {
                    env.module.expressionOutputs.add(new ModuleState.Output(v, e.span()));
                }
            }
            case Stmt.Assign a -> {
                Value v = in.eval(a.value(), env);
                Type declared = a.type() == null ? null : in.resolveType(a.type(), env);
                if (declared != null) {
                    v = in.schemas.coerce(v, declared, a.value().span(),
                            "`" + a.targets().get(0).span().text() + "`");
                }
                for (Expr target : a.targets()) {
                    if (target instanceof Expr.Name n && env.kind == Env.Kind.MODULE && env.instance == null) {
                        v = keepType(n, declared, v, env, a);
                    }
                    assign(target, v, env, a.span());
                    if (target instanceof Expr.Name n && env.kind == Env.Kind.MODULE && env.instance == null) {
                        Env.Binding b = env.vars.get(n.id());
                        if (b != null && b.type == null) {
                            b.type = declared != null ? declared : inferred(v);
                            b.annotated = declared != null;
                        }
                    }
                }
                if (last != null) {
                    last[0] = v; // a lambda whose last statement is an assignment returns the assigned value
                }
            }
            case Stmt.AugAssign a -> {
                Value current = in.eval(a.target(), env);
                Value v = in.binary(a.op(), current, in.eval(a.value(), env), a.span());
                assign(a.target(), v, env, a.span());
            }
            case Stmt.Unification u -> unification(u, env);
            case Stmt.Import imp -> {
                Value module = in.modules.importModule(imp, currentFile != null ? currentFile : imp.span().file());
                String name = imp.alias() != null ? imp.alias().id()
                        : imp.path().substring(imp.path().lastIndexOf('.') + 1);
                env.vars.put(name, new Env.Binding(module, imp.alias() != null ? imp.alias().span() : imp.pathSpan()));
            }
            case Stmt.If i -> {
                if (Values.truthy(in.eval(i.condition(), env))) {
                    for (Stmt b : i.body()) {
                        exec(b, env, last);
                    }
                } else {
                    for (Stmt b : i.orElse()) {
                        exec(b, env, last);
                    }
                }
            }
            case Stmt.Assert a -> {
                if (a.condition() != null && !Values.truthy(in.eval(a.condition(), env))) {
                    return;
                }
                if (!Values.truthy(in.eval(a.test(), env))) {
                    String msg = a.message() == null ? null : Values.toStr(in.eval(a.message(), env));
                    boolean bare = msg == null || msg.isEmpty();
                    throw new EvalException(Diagnostic.error(Code.E0502, a.test().span(),
                            bare ? "assertion failed" : "assertion failed: " + msg), bare ? null : msg);
                }
            }
            case Stmt.TypeAlias t -> {
                Type type = in.resolveType(t.type(), env);
                // an alias of a schema is that schema under another name: it instantiates, and is inherited
                // from, as the schema does (KCL substitutes aliases before it checks a program)
                Value alias = type instanceof Type.Schema schema ? new Value.TypeV(schema.schema())
                        : new Value.Func(t.name().id(), new Interpreter.TypeAliasFunction(type));
                env.vars.put(t.name().id(), new Env.Binding(alias, t.name().span()));
            }
            case Stmt.SchemaDecl d -> {
                if (env.kind != Env.Kind.MODULE) {
                    env.vars.put(d.name().id(), new Env.Binding(
                            in.define(in.types.of(d), env).asValue(), d.name().span()));
                }
            }
            case Stmt.RuleDecl r -> {
                if (env.kind != Env.Kind.MODULE) {
                    env.vars.put(r.name().id(), new Env.Binding(
                            in.define(in.types.of(r), env).asValue(), r.name().span()));
                }
            }
            case Stmt.SchemaAttr a -> {
                if (env.instance != null) {
                    in.schemas.declareAttr(env.instance, a, env);
                } else {
                    throw new EvalException(Code.E0101, a.span(), "attribute declarations belong in a schema");
                }
            }
            case Stmt.Error err -> throw new EvalException(Code.E0101, err.span(), "this statement could not be parsed");
        }
    }

    private void unification(Stmt.Unification u, Env env) {
        String name = u.target().id();
        SchemaDef def = in.schemaOf(u.value().schema(), env, "instantiate");
        if (env.instance != null) {
            // in a schema or mixin body, `attr: S {…}` unifies the attribute's value with a new instance, as KCL does
            Value current;
            try {
                current = in.eval(u.target(), env);
            } catch (EvalException e) {
                current = Value.Undefined.UNDEFINED; // not declared yet: the instance is its first value
            }
            Value made = in.schemas.instantiate(def, evalArgs(u, env), evalKwargs(u, env),
                    u.value().config() == null ? Value.DictV.EMPTY : in.config(u.value().config(), env), u.value().span());
            assign(u.target(), Values.isNoneLike(current) ? made : Merge.unify(current, made, u.span(), name), env,
                    u.span());
            return;
        }
        Value config = u.value().config() == null ? Value.DictV.EMPTY : in.config(u.value().config(), env);
        List<Value> args = new ArrayList<>();
        for (Expr a : u.value().args()) {
            args.add(in.eval(a, env));
        }
        Map<String, Value> kwargs = new LinkedHashMap<>();
        for (dev.skiff.syntax.Node.Keyword k : u.value().keywords()) {
            kwargs.put(k.name().id(), in.eval(k.value(), env));
        }
        Env.Binding b = env.vars.get(name);
        if (b != null && b.pendingSchema != null && !(args.isEmpty() && kwargs.isEmpty())) {
            b.pendingArgs = args; // the arguments of the last unification win
            b.pendingKwargs = kwargs;
        }
        if (b == null) {
            b = new Env.Binding(null, u.target().span());
            b.pendingSchema = def;
            b.pendingConfig = config;
            b.pendingSpan = u.value().span();
            b.pendingArgs = args;
            b.pendingKwargs = kwargs;
            env.vars.put(name, b);
            // listed by `S.instances()` from here, in declaration order, as its value once all its
            // unifications are merged (see the README: KCL also lists each statement's partial instance)
            boolean inMain = in.mainFiles.contains(u.span().file());
            for (dev.skiff.types.SchemaType s = in.recordsInstances ? def.type : null; s != null; s = s.parent()) {
                in.instances.computeIfAbsent(s, k -> new ArrayList<>()).add(new Interpreter.Made(null, inMain, b));
            }
            return;
        }
        if (b.pendingSchema != null) {
            b.pendingConfig = Merge.unify(b.pendingConfig, config, u.span(), name);
            b.pendingSchema = def.type.isSubtypeOf(b.pendingSchema.type) ? def : b.pendingSchema;
            b.value = null;
            return;
        }
        Value current = in.valueOf(b);
        b.value = Merge.unify(current, in.schemas.instantiate(def, args, kwargs, config, u.value().span()),
                u.span(), name);
    }

    private List<Value> evalArgs(Stmt.Unification u, Env env) {
        List<Value> args = new ArrayList<>();
        for (Expr a : u.value().args()) {
            args.add(in.eval(a, env));
        }
        return args;
    }

    private Map<String, Value> evalKwargs(Stmt.Unification u, Env env) {
        Map<String, Value> kwargs = new LinkedHashMap<>();
        for (dev.skiff.syntax.Node.Keyword k : u.value().keywords()) {
            kwargs.put(k.name().id(), in.eval(k.value(), env));
        }
        return kwargs;
    }

    /** Assigns to a name or to a path inside one ({@code a.b[0].c = v}). */
    /**
     * A top-level variable assigned again (a private `_name`) keeps its type, as KCL's checker requires: the
     * annotation it was declared with, or the type its first value showed. A new annotation may not change it.
     */
    private Value keepType(Expr.Name n, Type declared, Value v, Env env, Stmt.Assign a) {
        Env.Binding b = env.vars.get(n.id());
        if (b == null || b.type == null) {
            return v;
        }
        if (declared != null && b.annotated && !declared.display().equals(b.type.display())) {
            throw new EvalException(dev.skiff.diag.Diagnostic.error(Code.E0301, a.type().span(),
                    "cannot change the type of `" + n.id() + "` from `" + b.type.display() + "` to `"
                            + declared.display() + "`").withLabel(b.declared, "declared here"));
        }
        try {
            return in.schemas.coerce(v, b.type, a.value().span(), "`" + n.id() + "`");
        } catch (EvalException e) {
            throw new EvalException(e.diagnostic().withLabel(b.declared, "`" + n.id() + "` is a `" + b.type.display()
                    + "`, as " + (b.annotated ? "declared" : "its first value shows")));
        }
    }

    /** The type a first value shows: scalars, and lists and dicts of scalars; null (unknown) otherwise. */
    private static Type inferred(Value v) {
        Type scalar = scalarType(v);
        if (scalar != null) {
            return scalar;
        }
        if (v instanceof Value.ListV l && !l.items().isEmpty()) {
            Type element = union(l.items());
            return element == null ? null : new Type.ListOf(element);
        }
        if (v instanceof Value.DictV d && !d.entries().isEmpty()) {
            Type value = union(d.entries().values());
            return value == null ? null : new Type.DictOf(Type.STR, value);
        }
        return null;
    }

    private static Type scalarType(Value v) {
        return switch (v) {
            case Value.Int i -> Type.INT;
            case Value.Float f -> Type.FLOAT;
            case Value.Str s -> Type.STR;
            case Value.Bool b -> Type.BOOL;
            default -> null;
        };
    }

    private static Type union(java.util.Collection<Value> values) {
        java.util.LinkedHashSet<Type> kinds = new java.util.LinkedHashSet<>();
        for (Value x : values) {
            Type t = scalarType(x);
            if (t == null) {
                return null;
            }
            kinds.add(t);
        }
        return kinds.size() == 1 ? kinds.iterator().next() : new Type.Union(List.copyOf(kinds));
    }

    void assign(Expr target, Value value, Env env, Span span) {
        if (target instanceof Expr.Name n) {
            assignName(n, value, env);
            return;
        }
        List<Object> path = new ArrayList<>();
        Expr root = target;
        while (!(root instanceof Expr.Name)) {
            switch (root) {
                case Expr.Selector s -> {
                    path.add(0, s.attr().id());
                    root = s.value();
                }
                case Expr.Subscript s -> {
                    path.add(0, in.eval(s.index(), env));
                    root = s.value();
                }
                case Expr.Paren p -> root = p.value();
                default -> throw new EvalException(Code.E0101, target.span(), "cannot assign to this expression");
            }
        }
        Expr.Name name = (Expr.Name) root;
        Value current = in.lookup(name, env);
        if (Values.isNoneLike(current)) {
            // as in KCL: `a.b = v` updates the value of `a`, it does not create one (configs do, `{a.b = v}`)
            throw new EvalException(Code.E0308, target.span(), "cannot set `" + target.span().text() + "`: `"
                    + name.id() + "` is " + (current instanceof Value.None ? "None" : "Undefined"))
                    .withHint("give `" + name.id() + "` a value first, such as `" + name.id() + " = {}`");
        }
        Value updated = setPath(current, path, 0, value, span);
        assignName(name, updated, env);
    }

    private Value setPath(Value current, List<Object> path, int i, Value value, Span span) {
        if (i == path.size()) {
            return value;
        }
        Object key = path.get(i);
        if (key instanceof String || key instanceof Value.Str) {
            String k = key instanceof Value.Str s ? s.value() : (String) key;
            Map<String, Value> entries = Values.entries(current);
            if (entries == null && Values.isNoneLike(current)) {
                entries = Map.of();
            }
            if (entries == null) {
                throw new EvalException(Code.E0308, span, "cannot set `" + k + "` on `" + Values.typeName(current) + "`");
            }
            Map<String, Value> copy = new LinkedHashMap<>(entries);
            Value child = copy.getOrDefault(k, Value.None.NONE);
            copy.put(k, setPath(child, path, i + 1, value, span));
            if (current instanceof Value.SchemaV sv) {
                return in.schemas.recheck(new Value.SchemaV(sv.type(), copy, sv.ops(), sv.spans()), span);
            }
            return new Value.DictV(copy, Merge.ops(current), Merge.spans(current));
        }
        Value index = (Value) key;
        if (current instanceof Value.ListV l) {
            int p = Slicing.position(index, l.items().size(), span);
            List<Value> copy = new ArrayList<>(l.items());
            copy.set(p, setPath(copy.get(p), path, i + 1, value, span));
            return new Value.ListV(copy);
        }
        throw new EvalException(Code.E0308, span, "cannot index `" + Values.typeName(current) + "`");
    }

    private void assignName(Expr.Name n, Value value, Env env) {
        String id = n.id();
        if (env.instance != null && !env.vars.containsKey(id) && (!id.startsWith("_") || env.instance.has(id))) {
            in.schemas.assignAttribute(env.instance, id, value, n.span());
            return;
        }
        Env.Binding b = env.vars.get(id);
        if (b == null) {
            env.vars.put(id, new Env.Binding(value, n.span()));
            return;
        }
        if (env.kind == Env.Kind.MODULE && !id.startsWith("_")) {
            throw new EvalException(dev.skiff.diag.Diagnostic.error(Code.E0205, n.span(),
                            "cannot assign `" + id + "` again: top-level names are immutable")
                    .withLabel(b.declared, "`" + id + "` is first assigned here")
                    .withHint("name it `_" + id + "` to make it a mutable private variable"));
        }
        b.value = value;
        b.pendingSchema = null;
    }
}
