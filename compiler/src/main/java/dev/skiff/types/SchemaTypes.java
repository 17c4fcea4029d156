package dev.skiff.types;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.resolve.Bindings;
import dev.skiff.resolve.Symbol;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Multipliers;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Operator;
import dev.skiff.syntax.Stmt;
import dev.skiff.syntax.TypeExpr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The types of a program: every schema declaration as a {@link SchemaType} (made once, completed on first use)
 * and every annotation as a {@link Type}, read through the resolve stage's {@link Bindings}. The checker, the
 * evaluator and the language server share one instance per program, so a schema's attributes are computed in
 * one place.
 *
 * <p>A name that does not statically denote a type (a variable, say) has no type here ({@link #annotation}
 * gives null); the checker then assumes {@code any} and the evaluator looks the name up as a value.
 */
public final class SchemaTypes {
    /** Type names that are not schemas, as written in annotations ({@code x: list}). */
    private static final Map<String, Type> TYPE_WORDS = Map.of("int", Type.INT, "float", Type.FLOAT, "str", Type.STR,
            "bool", Type.BOOL, "any", Type.ANY, "list", new Type.ListOf(Type.ANY),
            "dict", new Type.DictOf(Type.ANY, Type.ANY), "number", Type.union(Type.INT, Type.FLOAT),
            "None", Type.NONE, "Undefined", Type.NONE);

    private final Bindings bindings;
    private final KubernetesSchemas kubernetes;
    private final Function<String, Type> systemTypes;
    private final Map<Node, SchemaType> made = new IdentityHashMap<>();
    private final Map<TypeExpr, Type> annotations = new IdentityHashMap<>();
    private final Set<Stmt.TypeAlias> expanding = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * @param kubernetes  Kubernetes and CRD schemas, for {@code k8s.*} and {@code crds.*} members
     * @param systemTypes types that system modules declare, by qualified name ({@code units.NumberMultiplier}), or
     *                    null when there is none
     */
    public SchemaTypes(Bindings bindings, KubernetesSchemas kubernetes, Function<String, Type> systemTypes) {
        this.bindings = bindings;
        this.kubernetes = kubernetes;
        this.systemTypes = systemTypes;
    }

    public Bindings bindings() {
        return bindings;
    }

    public KubernetesSchemas kubernetes() {
        return kubernetes;
    }

    /** The schema type of a declaration (a schema, mixin or protocol). */
    public synchronized SchemaType of(Stmt.SchemaDecl d) {
        SchemaType t = made.get(d);
        if (t == null) {
            SchemaType.Kind kind = d.mixin() ? SchemaType.Kind.MIXIN : d.protocol() ? SchemaType.Kind.PROTOCOL
                    : SchemaType.Kind.SCHEMA;
            t = new SchemaType(this, kind, d.name().id(), moduleOf(d), d, null, null, d.doc(), d.name().span());
            made.put(d, t);
            SchemaType self = t;
            t.completeWith(() -> complete(self, d));
        }
        return t;
    }

    /** The schema type of a rule: its parameters and checks; it has no attributes. */
    public synchronized SchemaType of(Stmt.RuleDecl r) {
        SchemaType t = made.get(r);
        if (t == null) {
            t = new SchemaType(this, SchemaType.Kind.RULE, r.name().id(), moduleOf(r), null, r, null, r.doc(), r.name().span());
            made.put(r, t);
        }
        return t;
    }

    private String moduleOf(Node declaration) {
        Symbol s = bindings.declaredBy(declaration);
        return s == null ? dev.skiff.modules.Program.MAIN : s.module();
    }

    /** Every problem found in the schemas made so far, in the order of their declarations. */
    public synchronized List<Diagnostic> problems() {
        List<Diagnostic> out = new ArrayList<>();
        for (SchemaType t : List.copyOf(made.values())) {
            out.addAll(t.problems());
        }
        return out;
    }

    /**
     * The problems of every schema the program declares (inheritance cycles, changed attribute types, ...), used
     * or not, in the order of the declarations; packages that do not parse are left out.
     */
    public List<Diagnostic> declarationProblems() {
        List<Diagnostic> out = new ArrayList<>();
        for (dev.skiff.modules.Program.Module m : bindings.program().modules().values()) {
            if (!m.broken()) {
                m.units().forEach(u -> declarationProblems(u.body(), out));
            }
        }
        return out;
    }

    private void declarationProblems(List<Stmt> body, List<Diagnostic> out) {
        for (Stmt s : body) {
            if (s instanceof Stmt.SchemaDecl d) {
                out.addAll(of(d).problems());
            } else if (s instanceof Stmt.If i) {
                declarationProblems(i.body(), out);
                declarationProblems(i.orElse(), out);
            }
        }
    }

    // ---------------------------------------------------------------- names

    /** The schema an expression names ({@code S}, {@code pkg.S}, {@code apps.Deployment}, an alias of one), or null. */
    public SchemaType schemaNamed(Expr e) {
        Type t = symbolType(symbolOf(e));
        return t instanceof Type.Schema s ? s.schema() : null;
    }

    /** The symbol a name or a module member selection stands for, or null. */
    public Symbol symbolOf(Expr e) {
        return switch (e) {
            case Expr.Name n -> bindings.symbol(n);
            case Expr.Selector s -> bindings.member(s);
            case Expr.Paren p -> symbolOf(p.value());
            case null, default -> null;
        };
    }

    /** The type a symbol denotes when it is a type (a schema, rule, alias or Kubernetes type), else null. */
    public Type symbolType(Symbol s) {
        if (s == null) {
            return null;
        }
        return switch (s.kind()) {
            case SCHEMA -> s.declaration() instanceof Stmt.SchemaDecl d ? new Type.Schema(of(d)) : null;
            case RULE -> s.declaration() instanceof Stmt.RuleDecl r ? new Type.Schema(of(r)) : null;
            case TYPE_ALIAS -> s.declaration() instanceof Stmt.TypeAlias a ? alias(a) : null;
            case KUBERNETES_TYPE -> {
                SchemaType k = kubernetes == null ? null : kubernetes.member(s.module(), s.name());
                yield k == null ? null : new Type.Schema(k);
            }
            default -> null;
        };
    }

    private Type alias(Stmt.TypeAlias a) {
        synchronized (this) {
            if (!expanding.add(a)) {
                return Type.ANY; // `type A = B; type B = A`: evaluation reports the cycle
            }
        }
        try {
            return annotation(a.type());
        } finally {
            synchronized (this) {
                expanding.remove(a);
            }
        }
    }

    // ---------------------------------------------------------------- annotations

    /**
     * What an annotation means, or null when it names something that is not statically a type (the evaluator
     * then looks it up as a value). Unknown type names are the resolve stage's to report; they are {@code any}.
     */
    public Type annotation(TypeExpr t) {
        if (t == null) {
            return Type.ANY;
        }
        synchronized (this) {
            Type known = annotations.get(t);
            if (known != null) {
                return known;
            }
        }
        Type result = compute(t);
        if (result != null) {
            synchronized (this) {
                annotations.put(t, result);
            }
        }
        return result;
    }

    /** {@link #annotation}, with {@code any} for what is not statically known. */
    public Type annotationOrAny(TypeExpr t) {
        Type a = annotation(t);
        return a == null ? Type.ANY : a;
    }

    private Type compute(TypeExpr t) {
        return switch (t) {
            case TypeExpr.BasicType b -> switch (b.kind()) {
                case ANY -> Type.ANY;
                case BOOL -> Type.BOOL;
                case INT -> Type.INT;
                case FLOAT -> Type.FLOAT;
                case STR -> Type.STR;
                case NONE -> Type.NONE;
            };
            case TypeExpr.ListType l -> {
                Type e = l.element() == null ? Type.ANY : annotation(l.element());
                yield e == null ? null : new Type.ListOf(e);
            }
            case TypeExpr.DictType d -> {
                Type k = d.key() == null ? Type.ANY : annotation(d.key());
                Type v = d.value() == null ? Type.ANY : annotation(d.value());
                yield k == null || v == null ? null : new Type.DictOf(k, v);
            }
            case TypeExpr.UnionType u -> {
                List<Type> members = new ArrayList<>();
                for (TypeExpr m : u.members()) {
                    Type mt = annotation(m);
                    if (mt == null) {
                        yield null;
                    }
                    members.add(mt);
                }
                yield members.size() == 1 ? members.get(0) : new Type.Union(members);
            }
            case TypeExpr.LiteralType l -> literal(l.literal());
            case TypeExpr.FunctionType f -> {
                List<Type> params = new ArrayList<>();
                for (TypeExpr p : f.params()) {
                    params.add(annotationOrAny(p));
                }
                yield new Type.Function(params, f.result() == null ? Type.ANY : annotationOrAny(f.result()));
            }
            case TypeExpr.Named n -> named(n.name());
            case TypeExpr.Error e -> Type.ANY;
        };
    }

    private Type named(Expr name) {
        Symbol s = symbolOf(name);
        if (s != null) {
            return symbolType(s);
        }
        if (name instanceof Expr.Name n) {
            return TYPE_WORDS.get(n.id()); // null for an unknown name: the resolve stage reports it
        }
        if (name instanceof Expr.Selector sel && sel.value() instanceof Expr.Name pkg && systemTypes != null
                && bindings.symbol(pkg) instanceof Symbol imp && imp.kind() == Symbol.Kind.IMPORT) {
            return systemTypes.apply(((Stmt.Import) imp.declaration()).path() + "." + sel.attr().id());
        }
        return null;
    }

    /** The type of a literal written in a type ({@code "Always"}, {@code 1Ki}, {@code True}), or null. */
    static Type literal(Expr e) {
        return switch (e) {
            case Expr.StrLit s -> new Type.Literal(s.value());
            case Expr.IntLit i -> {
                Number v = Multipliers.value(i);
                yield v == null ? null : new Type.Literal(v instanceof Long l ? (Object) l : (Object) v.doubleValue(),
                        i.suffix() == null ? null : i.value() + i.suffix());
            }
            case Expr.FloatLit f -> {
                Double v = Multipliers.value(f);
                yield v == null ? null : new Type.Literal(v);
            }
            case Expr.BoolLit b -> new Type.Literal(b.value());
            case Expr.NoneLit n -> Type.NONE;
            case Expr.UndefinedLit u -> Type.NONE;
            case Expr.Unary u when u.op() == Operator.Unary.NEG && u.operand() instanceof Expr.IntLit i
                    && i.suffix() == null -> new Type.Literal(-i.value());
            case Expr.Unary u when u.op() == Operator.Unary.NEG && u.operand() instanceof Expr.FloatLit f
                    && f.suffix() == null -> new Type.Literal(-f.value());
            case Expr.Paren p -> literal(p.value());
            default -> null;
        };
    }

    // ---------------------------------------------------------------- schema bodies

    private void complete(SchemaType self, Stmt.SchemaDecl decl) {
        Map<String, SchemaType.Attribute> all = new LinkedHashMap<>();
        SchemaType parent = null;
        SchemaType.Index index = null;
        List<SchemaType> mixins = new ArrayList<>();
        SchemaType.Layout layout = new SchemaType.Layout();
        if (decl.parent() != null) {
            parent = base(self, decl.parent(), "inherit from");
            if (parent != null && parent.isMixin()) {
                self.addProblem(Diagnostic.error(Code.E0310, decl.parent().span(), "schema `" + self.name()
                        + "` cannot inherit from the mixin `" + parent.name() + "`")
                        .withHint("list it in `mixin [...]` instead"));
                parent = null;
            }
            if (parent != null && cut.contains(parent)) {
                // below a chain already reported as too long: cut here too, without a second report
                cut.add(self);
                self.truncate();
                parent = null;
            } else if (parent != null && above(parent) > MAX_ANCESTORS) {
                // the chain is cut here, so what inherits from this schema costs no more than a short chain
                cut.add(self);
                self.addProblem(Diagnostic.error(Code.E0310, decl.parent().span(), "schema `" + self.name()
                        + "` inherits through more than " + MAX_ANCESTORS + " schemas")
                        .withHint("flatten the chain: a schema can take attributes from mixins as well"));
                parent = null;
            }
            if (parent != null) {
                all.putAll(parent.attributes());
                index = parent.index();
            }
        }
        for (Expr m : decl.mixins()) {
            SchemaType mixin = base(self, m, "mix in");
            if (mixin != null) {
                mixin.attributes();
                mixins.add(mixin);
            }
        }
        collect(self, decl.body(), all, layout);
        for (SchemaType mixin : mixins) {
            for (SchemaType.Attribute a : mixin.attributes().values()) {
                all.merge(a.name(), a, (old, add) -> new SchemaType.Attribute(old.name(), old.type(),
                        old.optional() && add.optional(), concat(old.decls(), add.decls()), old.doc(), old.declared(),
                        old.owner()));
            }
        }
        if (decl.indexSignature() != null) {
            Node.IndexSignature sig = decl.indexSignature();
            index = new SchemaType.Index(sig, sig.keyType() == null ? Type.ANY : annotationOrAny(sig.keyType()),
                    sig.valueType() == null ? Type.ANY : annotationOrAny(sig.valueType()));
            Expr.Name keyName = sig.keyName();
            if (keyName != null && all.containsKey(keyName.id())) {
                self.addProblem(Diagnostic.error(Code.E0207, keyName.span(), "the index signature's key `"
                        + keyName.id() + "` has the name of an attribute")
                        .withHint("rename the key, e.g. `[" + keyName.id() + "Key: ...]`"));
            }
        }
        if (index != null && !index.anyOtherKeys()) {
            // every attribute is also a key of the schema, so its type must meet the index signature
            // (`[...str]: T` covers only the other keys)
            for (Stmt s : decl.body()) {
                if (s instanceof Stmt.SchemaAttr a && a.type() != null && all.get(a.name().id()) != null
                        && !Types.assignable(all.get(a.name().id()).type(), index.valueType())) {
                    self.addProblem(Diagnostic.error(Code.E0301, a.name().span(), "the type `"
                            + all.get(a.name().id()).type().display() + "` of `" + a.name().id()
                            + "` does not meet the index signature `[" + index.keyType().display() + "]: "
                            + index.valueType().display() + "`"));
                }
            }
        }
        self.setBody(parent, mixins, all, index, layout);
        order(self, layout);
    }

    /**
     * The longest inheritance chain. Each schema repeats its ancestors' attributes and body order, so a chain
     * costs the square of its length and more in the stages after this one (3,000 schemas took minutes); real
     * chains are a handful deep.
     */
    static final int MAX_ANCESTORS = dev.skiff.resolve.Resolver.MAX_ANCESTORS;
    /** Schemas whose parent was left out because their chain is too long (reported once, at its first). */
    private final Set<SchemaType> cut = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /** The length of the chain from {@code parent} up to its root: the schemas above its child; counted to one past the limit. */
    private static int above(SchemaType parent) {
        int n = 0;
        for (SchemaType t = parent; t != null && n <= MAX_ANCESTORS; t = t.parent()) {
            n++;
        }
        return n;
    }

    /** The schema a parent or mixin expression names; a problem (and null) when it is none. */
    private SchemaType base(SchemaType self, Expr e, String what) {
        Symbol s = symbolOf(e);
        Type t = symbolType(s);
        if (!(t instanceof Type.Schema schema)) {
            self.addProblem(Diagnostic.error(Code.E0306, e.span(), "cannot " + what + " `" + e.span().text()
                    + "`: it is not a schema"));
            return null;
        }
        SchemaType base = schema.schema();
        if (base == self || base.isCompleting()) {
            Diagnostic cycle = Diagnostic.error(Code.E0310, self.decl().name().span(), "schema `" + self.name()
                    + "` inherits from itself");
            self.addProblem(cycle);
            return null;
        }
        return base;
    }

    private void collect(SchemaType self, List<Stmt> body, Map<String, SchemaType.Attribute> all,
                         SchemaType.Layout layout) {
        for (Stmt s : body) {
            if (s instanceof Stmt.SchemaAttr a) {
                declare(self, a, body, all);
            } else if (s instanceof Stmt.Unification u) {
                Stmt.SchemaAttr a = new Stmt.SchemaAttr(u.span(), List.of(), u.target(), false,
                        new TypeExpr.Named(u.value().schema().span(), u.value().schema()), Operator.Config.UNION,
                        u.value(), null);
                layout.synthesized.put(u, a);
                declare(self, a, List.of(a), all);
            } else if (s instanceof Stmt.If i) {
                collect(self, i.body(), all, layout);
                collect(self, i.orElse(), all, layout);
            }
        }
    }

    private void declare(SchemaType self, Stmt.SchemaAttr a, List<Stmt> body, Map<String, SchemaType.Attribute> all) {
        Type type = a.type() == null ? null : annotationOrAny(a.type());
        String name = a.name().id();
        SchemaType.Attribute before = all.get(name);
        boolean inherited = before != null && !before.decls().isEmpty() && !body.contains(before.decls().get(0));
        if (inherited && type != null && before.decls().get(0).type() != null && !Types.assignable(type, before.type())) {
            self.addProblem(Diagnostic.error(Code.E0301, a.type().span(), "cannot change the type of `" + name
                            + "` from `" + before.type().display() + "` to `" + type.display() + "`")
                    .withLabel(before.decls().get(0).name().span(), "declared as `" + before.type().display()
                            + "` here"));
        }
        if (inherited && !before.optional() && a.optional()) {
            self.addProblem(Diagnostic.error(Code.E0310, a.name().span(), "`" + name
                            + "` is required in a parent schema and cannot become optional here")
                    .withLabel(before.decls().get(0).name().span(), "declared required here"));
        }
        String doc = a.doc() != null ? a.doc() : before != null ? before.doc() : "";
        SchemaType.Attribute add = before == null
                ? new SchemaType.Attribute(name, type == null ? Type.ANY : type, a.optional(), List.of(a), doc,
                a.name().span(), self)
                : new SchemaType.Attribute(name, a.type() == null ? before.type() : type, a.optional(),
                concat(before.decls(), List.of(a)), doc, a.name().span(), self);
        all.put(name, add);
    }

    private static List<Stmt.SchemaAttr> concat(List<Stmt.SchemaAttr> a, List<Stmt.SchemaAttr> b) {
        List<Stmt.SchemaAttr> out = new ArrayList<>(a);
        for (Stmt.SchemaAttr x : b) {
            boolean seen = false;
            for (Stmt.SchemaAttr y : out) {
                seen |= y == x;
            }
            if (!seen) {
                out.add(x);
            }
        }
        return out;
    }

    /** The body statements of the chain and its mixins in the order they run, and what each writes. */
    private static void order(SchemaType self, SchemaType.Layout layout) {
        for (SchemaType s : self.chain()) {
            if (s.decl() == null) {
                continue; // a Kubernetes type has no body
            }
            remember(layout, s, s.decl());
            for (SchemaType m : s.mixins()) {
                if (m.decl() != null) {
                    remember(layout, m, m.decl());
                }
            }
            if (s != self) {
                layout.synthesized.putAll(s.layout().synthesized);
            }
        }
        for (Stmt s : layout.order) {
            Set<String> names = new LinkedHashSet<>();
            writes(s, names);
            for (String n : names) {
                layout.writers.computeIfAbsent(n, k -> new ArrayList<>()).add(s);
            }
            layout.writtenBy.put(s, names);
            layout.position.put(s, layout.position.size());
        }
    }

    private static void remember(SchemaType.Layout layout, SchemaType origin, Stmt.SchemaDecl d) {
        layout.order.addAll(d.body());
        d.body().forEach(st -> layout.origins.put(st, origin));
        d.checks().forEach(c -> layout.origins.put(c, origin));
    }

    private static void writes(Stmt s, Set<String> out) {
        switch (s) {
            case Stmt.SchemaAttr a -> out.add(a.name().id());
            case Stmt.Unification u -> out.add(u.target().id());
            case Stmt.Assign a -> a.targets().forEach(t -> {
                Expr.Name root = dev.skiff.syntax.Nodes.targetRoot(t);
                if (root != null) {
                    out.add(root.id());
                }
            });
            case Stmt.AugAssign a -> {
                Expr.Name root = dev.skiff.syntax.Nodes.targetRoot(a.target());
                if (root != null) {
                    out.add(root.id());
                }
            }
            case Stmt.If i -> {
                i.body().forEach(b -> writes(b, out));
                i.orElse().forEach(b -> writes(b, out));
            }
            default -> {
            }
        }
    }
}
