package dev.skiff.types;

import dev.skiff.modules.Program;
import dev.skiff.resolve.Bindings;
import dev.skiff.resolve.Symbol;
import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Multipliers;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Operator;
import dev.skiff.syntax.Stmt;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The type of every expression of a program, from the source alone: literals, names through the resolve stage's
 * bindings (globals and locals assigned once, parameters, schema attributes, loop variables, config keys),
 * attribute selection on schema types, calls of builtins, string methods, schemas and lambdas (their declared or
 * inferred result), comprehensions, operators. What cannot be known without evaluating is {@code any}.
 *
 * <p>Types are computed on demand and kept (per expression, by identity), so the checker and the editor share
 * them. The result is an over-approximation of what evaluation produces: a value may have the inferred type or
 * be {@code None}; the checker reports only values whose every possible type is wrong.
 */
public final class Inference {
    private final SchemaTypes types;
    private final Bindings bindings;
    private final Declarations library;
    private final Map<Expr, Type> known = new IdentityHashMap<>();
    private final Map<Symbol, Type> symbols = new IdentityHashMap<>();
    private final Set<Object> visiting = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** Lambdas whose result is being inferred (a lambda that calls itself has a result of any type). */
    private final Set<Expr.Lambda> calling = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    public Inference(SchemaTypes types, Declarations library) {
        this.types = types;
        this.bindings = types.bindings();
        this.library = library == null ? Declarations.NONE : library;
    }

    public SchemaTypes types() {
        return types;
    }

    private Occurrences occurrences;

    /** What each name of the program stands for, by position; indexed on first use. */
    public synchronized Occurrences occurrences() {
        if (occurrences == null) {
            occurrences = Occurrences.of(this);
        }
        return occurrences;
    }

    /** The type of an expression; {@code any} when it depends on evaluation. */
    public synchronized Type typeOf(Expr e) {
        if (e == null) {
            return Type.ANY;
        }
        Type t = known.get(e);
        if (t != null) {
            return t;
        }
        if (!visiting.add(e)) {
            return Type.ANY; // a value defined through itself
        }
        try {
            t = compute(e);
        } catch (RuntimeException | StackOverflowError ex) {
            t = Type.ANY; // never let inference break a compile; evaluation decides
        } finally {
            visiting.remove(e);
        }
        known.put(e, t);
        return t;
    }

    /** The type of what a symbol names, read as a value. */
    public synchronized Type typeOf(Symbol s) {
        if (s == null) {
            return Type.ANY;
        }
        Type t = symbols.get(s);
        if (t != null) {
            return t;
        }
        if (!visiting.add(s)) {
            return Type.ANY;
        }
        try {
            t = symbol(s);
        } finally {
            visiting.remove(s);
        }
        symbols.put(s, t);
        return t;
    }

    /** The schema type an expression's value is an instance of, when it is surely one. */
    public SchemaType schemaOf(Expr e) {
        return Type.unrefined(typeOf(e)) instanceof Type.Schema s ? s.schema() : null;
    }

    // ---------------------------------------------------------------- symbols

    private Type symbol(Symbol s) {
        return switch (s.kind()) {
            case VARIABLE, LOCAL -> variable(s);
            case PARAMETER -> s.declaration() instanceof Node.Param p && p.type() != null
                    ? types.annotationOrAny(p.type()) : Type.ANY;
            case ATTRIBUTE -> attribute(s);
            case LOOP_VARIABLE -> loopVariable(s);
            case CONFIG_KEY -> s.declaration() instanceof ConfigEntry.KeyValue kv && kv.key() instanceof Expr.Name
                    && kv.op() != Operator.Config.INSERT ? widen(typeOf(kv.value())) : Type.ANY;
            case INDEX_KEY -> Type.STR;
            case BUILTIN -> {
                Declaration d = library.builtin(s.name());
                yield d == null ? Type.FUNCTION : d.type();
            }
            default -> Type.ANY; // schemas, rules, aliases, imports: used through calls and selections
        };
    }

    /**
     * A global or local: its annotation, or the type of its value when one unconditional assignment gives it
     * one (a name written again, or only in a branch, may hold something else).
     */
    private Type variable(Symbol s) {
        for (Node w : s.writers()) {
            if (w instanceof Stmt.Assign a && a.type() != null && writesName(a, s.name())) {
                return types.annotationOrAny(a.type());
            }
        }
        if (s.writers().size() == 1 && !bindings.inBranch(s.writers().get(0))) {
            Node w = s.writers().get(0);
            if (w instanceof Stmt.Assign a && writesName(a, s.name())) {
                return widen(typeOf(a.value()));
            }
            if (w instanceof Stmt.Unification u) {
                SchemaType t = types.schemaNamed(u.value().schema());
                return t == null ? Type.ANY : new Type.Schema(t);
            }
        }
        return Type.ANY;
    }

    private static boolean writesName(Stmt.Assign a, String name) {
        for (Expr t : a.targets()) {
            if (t instanceof Expr.Name n && n.id().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** An attribute read inside its schema: its declared type, or None while it has no value yet. */
    private Type attribute(Symbol s) {
        if (!(s.owner() instanceof Stmt.SchemaDecl d)) {
            return Type.ANY;
        }
        SchemaType.Attribute a = types.of(d).attribute(s.name());
        return a == null ? Type.ANY : Type.union(a.type(), Type.NONE);
    }

    private Type loopVariable(Symbol s) {
        if (s.declaration() instanceof Node.CompClause c) {
            return element(typeOf(c.iter()), c.targets().size(), c.targets().indexOf(nameIn(c.targets(), s.name())));
        }
        if (s.declaration() instanceof Expr.Quantified q) {
            return element(typeOf(q.target()), q.variables().size(), q.variables().indexOf(nameIn(q.variables(), s.name())));
        }
        return Type.ANY;
    }

    private static Expr.Name nameIn(List<Expr.Name> names, String id) {
        for (Expr.Name n : names) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        return null;
    }

    /**
     * What a loop variable ranges over: with one variable, a list's elements, a dict's keys or a string's
     * characters; with two, a list's indexes and elements or a dict's keys and values.
     */
    private static Type element(Type iterable, int count, int position) {
        Type t = Type.unrefined(iterable);
        if (count == 1) {
            return switch (t) {
                case Type.ListOf l -> l.element();
                case Type.DictOf d -> Type.STR;
                case Type.Schema s -> Type.STR;
                case Type.Str s -> Type.STR;
                case Type.Literal l when l.value() instanceof String -> Type.STR;
                default -> Type.ANY;
            };
        }
        if (count == 2) {
            return switch (t) {
                case Type.ListOf l -> position == 0 ? Type.INT : l.element();
                case Type.DictOf d -> position == 0 ? Type.STR : d.value();
                default -> Type.ANY;
            };
        }
        return Type.ANY;
    }

    // ---------------------------------------------------------------- expressions

    private Type compute(Expr e) {
        return switch (e) {
            case Expr.Name n -> typeOf(bindings.symbol(n));
            case Expr.StrLit s -> new Type.Literal(s.value());
            case Expr.Interpolated s -> Type.STR;
            case Expr.IntLit i -> {
                Number v = Multipliers.value(i);
                yield v == null ? Type.ANY : v instanceof Long l ? new Type.Literal(l, i.suffix() == null ? null
                        : i.value() + i.suffix()) : Type.FLOAT;
            }
            case Expr.FloatLit f -> {
                Double v = Multipliers.value(f);
                yield v == null ? Type.ANY : new Type.Literal(v);
            }
            case Expr.BoolLit b -> new Type.Literal(b.value());
            case Expr.NoneLit n -> Type.NONE;
            case Expr.UndefinedLit u -> Type.NONE;
            case Expr.Paren p -> typeOf(p.value());
            case Expr.ListLit l -> new Type.ListOf(items(l.items()));
            case Expr.ConfigLit c -> new Type.DictOf(Type.STR, entries(c.entries()));
            case Expr.SchemaInst si -> {
                SchemaType s = types.schemaNamed(si.schema());
                yield s == null ? Type.ANY : new Type.Schema(s);
            }
            case Expr.Selector s -> selector(s);
            case Expr.Subscript s -> subscript(typeOf(s.value()), s.optional());
            case Expr.Slice s -> {
                Type t = Type.unrefined(widen(typeOf(s.value())));
                yield t instanceof Type.ListOf || t instanceof Type.Str ? t : Type.ANY;
            }
            case Expr.Call c -> call(c);
            case Expr.Unary u -> switch (u.op()) {
                case NOT -> Type.BOOL;
                case INVERT -> Type.INT;
                default -> {
                    Type t = widen(typeOf(u.operand()));
                    yield t instanceof Type.Int || t instanceof Type.Float ? t : Type.ANY;
                }
            };
            case Expr.Binary b -> binary(b);
            case Expr.Compare c -> Type.BOOL;
            case Expr.IfElse i -> Types.join(widen(typeOf(i.then())), widen(typeOf(i.orElse())));
            case Expr.Cast c -> types.annotationOrAny(c.type());
            case Expr.Lambda l -> lambda(l);
            case Expr.ListComp c -> new Type.ListOf(widen(typeOf(c.element())));
            case Expr.DictComp c -> new Type.DictOf(Type.STR, widen(typeOf(c.value())));
            case Expr.Quantified q -> switch (q.kind()) {
                case ALL, ANY -> Type.BOOL;
                case MAP -> new Type.ListOf(widen(typeOf(q.test())));
                case FILTER -> widen(typeOf(q.target()));
            };
            default -> Type.ANY;
        };
    }

    /** Literal types widened to their base ({@code "a"} to {@code str}), as a variable holding one has. */
    public static Type widen(Type t) {
        return switch (t) {
            case Type.Literal l -> l.base();
            case Type.Union u -> {
                List<Type> members = new ArrayList<>();
                u.members().forEach(m -> members.add(widen(m)));
                yield Type.union(members);
            }
            default -> t;
        };
    }

    private Type items(List<Expr> items) {
        List<Type> out = new ArrayList<>();
        for (Expr item : items) {
            switch (item) {
                case Expr.Starred s -> {
                    Type t = Type.unrefined(typeOf(s.value()));
                    out.add(t instanceof Type.ListOf l ? l.element() : Type.ANY);
                }
                case Expr.ListIf li -> {
                    out.add(items(li.items()));
                    out.add(items(li.orElse()));
                }
                default -> out.add(widen(typeOf(item)));
            }
        }
        Type joined = Types.join(out);
        return joined instanceof Type.Never ? Type.ANY : joined;
    }

    private Type entries(List<ConfigEntry> entries) {
        List<Type> out = new ArrayList<>();
        for (ConfigEntry entry : entries) {
            switch (entry) {
                case ConfigEntry.KeyValue kv when kv.key() instanceof Expr.Selector -> out.add(Type.ANY);
                case ConfigEntry.KeyValue kv -> out.add(widen(typeOf(kv.value())));
                case ConfigEntry.If i -> {
                    out.add(entries(i.entries()));
                    out.add(entries(i.orElse()));
                }
                default -> out.add(Type.ANY);
            }
        }
        Type joined = Types.join(out);
        return joined instanceof Type.Never ? Type.ANY : joined;
    }

    private Type selector(Expr.Selector s) {
        Symbol member = bindings.member(s);
        if (member != null) {
            return typeOf(member);
        }
        String module = systemModule(s.value());
        if (module != null) {
            Declaration d = library.member(module, s.attr().id());
            return d == null ? Type.ANY : d.type();
        }
        Type target = Type.unrefined(typeOf(s.value()));
        Type attr = switch (target) {
            case Type.Schema st -> {
                SchemaType.Attribute a = st.schema().attribute(s.attr().id());
                yield a == null ? Type.ANY : a.optional() ? Type.union(a.type(), Type.NONE) : a.type();
            }
            case Type.DictOf d -> Type.union(d.value(), Type.NONE);
            default -> Type.ANY;
        };
        return s.optional() ? Type.union(attr, Type.NONE) : attr;
    }

    private Type subscript(Type target, boolean optional) {
        Type t = Type.unrefined(widen(target));
        Type item = switch (t) {
            case Type.ListOf l -> l.element();
            case Type.DictOf d -> Type.union(d.value(), Type.NONE);
            case Type.Str s -> Type.STR;
            default -> Type.ANY;
        };
        return optional ? Type.union(item, Type.NONE) : item;
    }

    /** The name of the system module an expression names ({@code math} after {@code import math}), or null. */
    private String systemModule(Expr e) {
        return e instanceof Expr.Name pkg && bindings.symbol(pkg) instanceof Symbol imp
                && imp.kind() == Symbol.Kind.IMPORT && imp.declaration() instanceof Stmt.Import i
                && bindings.program().target(i) instanceof Program.Target.System sys ? sys.name() : null;
    }

    /**
     * The library function a call calls by name, when the source shows it: a builtin ({@code len(x)}), a member
     * of an imported system module ({@code math.sqrt(x)}), or a method of a string ({@code name.upper()}); null
     * otherwise (a lambda, a function held in a variable, a name the program itself defines).
     */
    public Declaration.Function libraryCallee(Expr.Call c) {
        Expr f = c.func() instanceof Expr.Paren p ? p.value() : c.func();
        Declaration d = null;
        if (f instanceof Expr.Name n && bindings.symbol(n) instanceof Symbol s && s.kind() == Symbol.Kind.BUILTIN) {
            d = library.builtin(n.id());
        } else if (f instanceof Expr.Selector m && !m.optional() && bindings.member(m) == null) {
            String module = systemModule(m.value());
            if (module != null) {
                d = library.member(module, m.attr().id());
            } else if (Type.unrefined(widen(typeOf(m.value()))) instanceof Type.Str) {
                d = library.stringMethod(m.attr().id());
            }
        }
        return d instanceof Declaration.Function fn ? fn : null;
    }

    /**
     * The library member a selector names when it has no symbol: a member of an imported system module
     * ({@code units.Gi}, {@code math.sqrt}) or a method of a string ({@code name.upper}); null otherwise.
     */
    public Occurrences.Target.Library libraryMember(Expr.Selector s) {
        if (s.optional() || bindings.member(s) != null) {
            return null;
        }
        String module = systemModule(s.value());
        if (module != null) {
            Declaration d = library.member(module, s.attr().id());
            return d == null ? null : new Occurrences.Target.Library(module + "." + s.attr().id(), d);
        }
        if (Type.unrefined(widen(typeOf(s.value()))) instanceof Type.Str) {
            Declaration d = library.stringMethod(s.attr().id());
            return d == null ? null : new Occurrences.Target.Library("str." + s.attr().id(), d);
        }
        return null;
    }

    private Type call(Expr.Call c) {
        Expr f = c.func() instanceof Expr.Paren p ? p.value() : c.func();
        SchemaType schema = types.schemaNamed(f);
        if (schema != null) {
            return new Type.Schema(schema); // `S(args)`: an instance
        }
        Declaration.Function callee = libraryCallee(c);
        if (callee != null) {
            if (c.args().stream().anyMatch(a -> a instanceof Expr.Starred)) {
                return callee.result(List.of(), Map.of()); // the arguments' places are not known
            }
            List<Type> positional = new ArrayList<>();
            c.args().forEach(a -> positional.add(typeOf(a)));
            Map<String, Type> keywords = new java.util.LinkedHashMap<>();
            c.keywords().forEach(k -> keywords.put(k.name().id(), typeOf(k.value())));
            return callee.result(positional, keywords);
        }
        if (f instanceof Expr.Selector m && !m.optional() && bindings.member(m) == null
                && Type.unrefined(widen(typeOf(m.value()))) instanceof Type.Str) {
            return Type.ANY; // a method strings do not have: evaluation reports it
        }
        if (f instanceof Expr.Name n && bindings.symbol(n) instanceof Symbol s
                && (s.kind() == Symbol.Kind.VARIABLE || s.kind() == Symbol.Kind.LOCAL)
                && s.writers().size() == 1 && s.writers().get(0) instanceof Stmt.Assign a
                && a.value() instanceof Expr.Lambda l && !bindings.inBranch(a)) {
            return lambdaResult(l);
        }
        return result(typeOf(f));
    }

    private static Type result(Type function) {
        return function instanceof Type.Function fn ? fn.result() : Type.ANY;
    }

    private Type lambda(Expr.Lambda l) {
        List<Type> params = new ArrayList<>();
        for (Node.Param p : l.params()) {
            params.add(p.type() == null ? Type.ANY : types.annotationOrAny(p.type()));
        }
        return new Type.Function(params, lambdaResult(l));
    }

    /**
     * What calling a lambda gives: its declared result type (evaluation checks the result against it), else the
     * type of the last expression statement of its body.
     */
    private Type lambdaResult(Expr.Lambda l) {
        if (l.returnType() != null) {
            Type declared = types.annotationOrAny(l.returnType());
            // an int passes a float annotation unchanged, so a float result may be either
            return declared instanceof Type.Float ? Type.union(Type.INT, Type.FLOAT) : declared;
        }
        if (!calling.add(l)) {
            return Type.ANY; // a lambda that calls itself
        }
        try {
            Stmt last = l.body().isEmpty() ? null : l.body().get(l.body().size() - 1);
            return switch (last) {
                case Stmt.ExprStmt x -> widen(typeOf(x.expr()));
                case Stmt.Assign a -> widen(typeOf(a.value()));
                case null, default -> Type.ANY;
            };
        } finally {
            calling.remove(l);
        }
    }

    private Type binary(Expr.Binary b) {
        if (b.op() == Operator.Binary.AND || b.op() == Operator.Binary.OR) {
            return Types.join(widen(typeOf(b.left())), widen(typeOf(b.right())));
        }
        Type l = Type.unrefined(widen(typeOf(b.left())));
        Type r = Type.unrefined(widen(typeOf(b.right())));
        boolean numbers = isNumber(l) && isNumber(r);
        Type arithmetic = numbers ? (l instanceof Type.Float || r instanceof Type.Float ? Type.FLOAT : Type.INT) : null;
        Type out = switch (b.op()) {
            case ADD -> l instanceof Type.Str && r instanceof Type.Str ? Type.STR
                    : l instanceof Type.ListOf x && r instanceof Type.ListOf y ? new Type.ListOf(Types.join(x.element(), y.element()))
                    : arithmetic;
            case MUL -> l instanceof Type.Str && r instanceof Type.Int || l instanceof Type.Int && r instanceof Type.Str
                    ? Type.STR : l instanceof Type.ListOf && r instanceof Type.Int ? l : arithmetic;
            case SUB, FLOOR_DIV -> arithmetic;
            case MOD -> l instanceof Type.Str ? Type.STR : arithmetic;
            case DIV -> numbers ? Type.FLOAT : null;
            case BIT_OR -> l instanceof Type.Schema && r instanceof Type.DictOf ? l
                    : l instanceof Type.DictOf && r instanceof Type.DictOf ? l
                    : l instanceof Type.Int && r instanceof Type.Int ? Type.INT : null;
            default -> null;
        };
        return out == null ? Type.ANY : out;
    }

    private static boolean isNumber(Type t) {
        return t instanceof Type.Int || t instanceof Type.Float;
    }
}
