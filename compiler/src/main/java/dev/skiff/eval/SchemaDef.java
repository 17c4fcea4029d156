package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.SchemaType;
import dev.skiff.eval.value.Value;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Operator;
import dev.skiff.syntax.Stmt;
import dev.skiff.syntax.TypeExpr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema (or rule) as declared: its attributes with their resolved types, its parent and mixins. Types
 * and the parent are resolved on first use, so a schema may refer to one declared later in the file.
 */
final class SchemaDef implements SchemaType {
    /** One declared attribute, merged over the inheritance chain. */
    record Attr(String name, boolean optional, RType type, List<Stmt.SchemaAttr> decls) {
    }

    final Stmt.SchemaDecl decl;
    final Stmt.RuleDecl rule;
    final Env env;
    private final String modulePath;
    private SchemaDef parent;
    private final List<SchemaDef> mixins = new ArrayList<>();
    private Map<String, Attr> attrs;
    private Node.IndexSignature index;
    private RType indexKey = RType.ANY;
    private RType indexValue = RType.ANY;
    private boolean resolving;
    /** Schemas above this one in its inheritance chain. */
    private int ancestors;
    /**
     * The longest inheritance chain: each schema repeats its ancestors' bodies, so a chain of thousands costs
     * the square of its length (a 2,000-schema chain did not resolve in 10 s). Real ones are a handful deep.
     */
    static final int MAX_ANCESTORS = 100;
    /** The schema (this one, an ancestor or a mixin) each body statement and check was written in. */
    private final Map<Node, SchemaDef> origins = new java.util.IdentityHashMap<>();
    /** Attribute declarations made from {@code name: S {…}} statements in the body. */
    final Map<Stmt.Unification, Stmt.SchemaAttr> synthesized = new java.util.IdentityHashMap<>();

    SchemaDef(Stmt.SchemaDecl decl, Env env, String modulePath) {
        this.decl = decl;
        this.rule = null;
        this.env = env;
        this.modulePath = modulePath;
        this.k8s = null;
        this.k8sTypes = null;
    }

    /** A Kubernetes type; its attributes come from the schema registry, it has no body and no checks. */
    final dev.skiff.k8s.K8sType k8s;
    private final KubernetesTypes k8sTypes;

    SchemaDef(dev.skiff.k8s.K8sType k8s, String modulePath, KubernetesTypes types) {
        this.decl = null;
        this.rule = null;
        this.env = new Env(null, Env.Kind.MODULE, new ModuleState(modulePath), null);
        this.modulePath = modulePath;
        this.k8s = k8s;
        this.k8sTypes = types;
    }

    SchemaDef(Stmt.RuleDecl rule, Env env, String modulePath) {
        this.decl = null;
        this.rule = rule;
        this.env = env;
        this.modulePath = modulePath;
        this.k8s = null;
        this.k8sTypes = null;
    }

    @Override
    public String name() {
        return decl != null ? decl.name().id() : rule != null ? rule.name().id() : k8s.shortName();
    }

    @Override
    public String modulePath() {
        return modulePath;
    }

    @Override
    public boolean isSubtypeOf(SchemaType other) {
        for (SchemaDef s = this; s != null; s = s.parent) {
            if (s == other) {
                return true;
            }
        }
        return false;
    }

    boolean isMixin() {
        return decl != null && decl.mixin();
    }

    SchemaDef parent() {
        return parent;
    }

    List<SchemaDef> mixins() {
        return mixins;
    }

    Map<String, Attr> attrs() {
        return attrs;
    }

    Node.IndexSignature index() {
        return index;
    }

    RType indexKey() {
        return indexKey;
    }

    RType indexValue() {
        return indexValue;
    }

    /** The chain from the root ancestor down to this schema. */
    /** This schema, or one it inherits from. */
    boolean isOrExtends(SchemaDef other) {
        for (SchemaDef s = this; s != null; s = s.parent) {
            if (s == other) {
                return true;
            }
        }
        return false;
    }

    List<SchemaDef> chain() {
        List<SchemaDef> out = new ArrayList<>();
        for (SchemaDef s = this; s != null; s = s.parent) {
            out.add(0, s);
        }
        return out;
    }

    /** Resolves the parent, mixins and attribute types; idempotent. */
    void resolve(Interpreter in) {
        if (attrs != null) {
            return;
        }
        if (resolving) {
            throw new EvalException(Code.E0310, decl != null ? decl.name().span() : rule.name().span(),
                    "schema `" + name() + "` inherits from itself");
        }
        if (k8s != null) {
            attrs = k8sTypes.attributes(k8s, null);
            return;
        }
        resolving = true;
        try {
            Map<String, Attr> all = new LinkedHashMap<>();
            if (decl != null) {
                if (decl.parent() != null) {
                    parent = in.schemaOf(decl.parent(), env, "inherit from");
                    if (parent.isMixin()) {
                        throw new EvalException(Code.E0310, decl.parent().span(),
                                "schema `" + name() + "` cannot inherit from the mixin `" + parent.name() + "`")
                                .withHint("list it in `mixin [...]` instead");
                    }
                    parent.resolve(in);
                    ancestors = parent.ancestors + 1;
                    if (ancestors > MAX_ANCESTORS) {
                        throw new EvalException(Code.E0310, decl.parent().span(), "schema `" + name()
                                + "` inherits through more than " + MAX_ANCESTORS + " schemas")
                                .withHint("flatten the chain: a schema can take attributes from mixins as well");
                    }
                    all.putAll(parent.attrs);
                    index = parent.index;
                    indexKey = parent.indexKey;
                    indexValue = parent.indexValue;
                }
                for (Expr m : decl.mixins()) {
                    SchemaDef mixin = in.schemaOf(m, env, "mix in");
                    mixin.resolve(in);
                    mixins.add(mixin);
                }
                collect(in, decl.body(), all);
                for (SchemaDef mixin : mixins) {
                    for (Attr a : mixin.attrs.values()) {
                        all.merge(a.name(), a, (old, add) -> combine(old, add));
                    }
                }
                if (decl.indexSignature() != null) {
                    index = decl.indexSignature();
                    indexKey = decl.indexSignature().keyType() == null ? RType.ANY
                            : in.resolveType(decl.indexSignature().keyType(), env);
                    indexValue = decl.indexSignature().valueType() == null ? RType.ANY
                            : in.resolveType(decl.indexSignature().valueType(), env);
                    Expr.Name keyName = decl.indexSignature().keyName();
                    if (keyName != null && all.containsKey(keyName.id())) {
                        throw new EvalException(dev.skiff.diag.Diagnostic.error(Code.E0207, keyName.span(),
                                "the index signature's key `" + keyName.id() + "` has the name of an attribute")
                                .withHint("rename the key, e.g. `[" + keyName.id() + "Key: ...]`"));
                    }
                }
                if (index != null && !index.anyOtherKeys()) {
                    // every attribute is also a key of the schema, so its type must meet the index signature
                    // (`[...str]: T` covers only the other keys)
                    for (Stmt s : decl.body()) {
                        if (s instanceof Stmt.SchemaAttr a && a.type() != null && all.get(a.name().id()) != null
                                && !RType.assignable(all.get(a.name().id()).type(), indexValue)) {
                            throw new EvalException(Code.E0301, a.name().span(), "the type `"
                                    + all.get(a.name().id()).type().display() + "` of `" + a.name().id()
                                    + "` does not meet the index signature `[" + indexKey.display() + "]: "
                                    + indexValue.display() + "`");
                        }
                    }
                }
            }
            attrs = all;
            if (decl != null) {
                for (SchemaDef s : chain()) {
                    if (s.decl == null) {
                        continue; // a Kubernetes type has no body
                    }
                    bodyOrder.addAll(s.decl.body());
                    remember(s, s.decl.body(), s.decl.checks());
                    for (SchemaDef m : s.mixins) {
                        bodyOrder.addAll(m.decl.body());
                        remember(m, m.decl.body(), m.decl.checks());
                    }
                }
                for (Stmt s : bodyOrder) {
                    java.util.Set<String> names = new java.util.LinkedHashSet<>();
                    writes(s, names);
                    for (String n : names) {
                        writers.computeIfAbsent(n, k -> new ArrayList<>()).add(s);
                    }
                    writtenBy.put(s, names);
                    position.put(s, position.size());
                }
            }
        } finally {
            resolving = false;
        }
    }

    private void remember(SchemaDef origin, List<Stmt> body, List<Node.CheckExpr> checks) {
        body.forEach(st -> origins.put(st, origin));
        checks.forEach(c -> origins.put(c, origin));
    }

    /**
     * The schema a body statement or check of this schema was written in (an ancestor or mixin, perhaps of
     * another module, whose globals it reads); this schema itself when it was not inherited.
     */
    SchemaDef originOf(Node n) {
        return origins.getOrDefault(n, this);
    }

    private void collect(Interpreter in, List<Stmt> body, Map<String, Attr> all) {
        for (Stmt s : body) {
            if (s instanceof Stmt.SchemaAttr a) {
                RType type = a.type() == null ? null : in.resolveType(a.type(), env);
                Attr add = new Attr(a.name().id(), a.optional(), type == null ? RType.ANY : type, List.of(a));
                Attr before = all.get(add.name());
                if (before != null && type != null && !before.decls().isEmpty() && before.decls().get(0).type() != null
                        && !body.contains(before.decls().get(0)) && !RType.assignable(type, before.type())) {
                    throw new EvalException(dev.skiff.diag.Diagnostic.error(Code.E0301, a.type().span(),
                                    "cannot change the type of `" + add.name() + "` from `" + before.type().display()
                                            + "` to `" + type.display() + "`")
                            .withLabel(before.decls().get(0).name().span(), "declared as `" + before.type().display()
                                    + "` here"));
                }
                if (before != null && !before.optional() && a.optional() && !before.decls().isEmpty()
                        && !body.contains(before.decls().get(0))) {
                    throw new EvalException(dev.skiff.diag.Diagnostic.error(Code.E0310, a.name().span(),
                                    "`" + add.name() + "` is required in a parent schema and cannot become optional here")
                            .withLabel(before.decls().get(0).name().span(), "declared required here"));
                }
                all.merge(add.name(), add, (old, n) -> new Attr(old.name(), n.optional(),
                        a.type() == null ? old.type() : n.type(), concat(old.decls(), n.decls())));
            } else if (s instanceof Stmt.Unification u) {
                Stmt.SchemaAttr a = new Stmt.SchemaAttr(u.span(), List.of(), u.target(), false,
                        new TypeExpr.Named(u.value().schema().span(), u.value().schema()), Operator.Config.UNION,
                        u.value(), null);
                synthesized.put(u, a);
                collect(in, List.of(a), all);
            } else if (s instanceof Stmt.If i) {
                collect(in, i.body(), all);
                collect(in, i.orElse(), all);
            }
        }
    }

    private static Attr combine(Attr old, Attr add) {
        return new Attr(old.name(), old.optional() && add.optional(), old.type(), concat(old.decls(), add.decls()));
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

    /** The checks of this schema, its ancestors and its mixins, ancestors first. */
    List<Node.CheckExpr> checks() {
        List<Node.CheckExpr> out = new ArrayList<>();
        if (rule != null) {
            out.addAll(rule.checks());
            return out;
        }
        for (SchemaDef s : chain()) {
            if (s.decl == null) {
                continue;
            }
            out.addAll(s.decl.checks());
            for (SchemaDef m : s.mixins) {
                out.addAll(m.decl.checks());
            }
        }
        return out;
    }

    private final List<Stmt> bodyOrder = new ArrayList<>();
    private final Map<String, List<Stmt>> writers = new java.util.HashMap<>();
    private final Map<Stmt, java.util.Set<String>> writtenBy = new java.util.IdentityHashMap<>();
    private final Map<Stmt, Integer> position = new java.util.IdentityHashMap<>();

    /** A body statement's place in {@link #bodyOrder()}. */
    int position(Stmt s) {
        return position.getOrDefault(s, -1);
    }

    /** The attributes a body statement may write. */
    java.util.Set<String> writtenBy(Stmt s) {
        return writtenBy.getOrDefault(s, java.util.Set.of());
    }

    /** The body statements of the ancestors, the schema and their mixins, in the order they run. */
    List<Stmt> bodyOrder() {
        return bodyOrder;
    }

    /** For each attribute, the body statements that may write it, in order. */
    Map<String, List<Stmt>> writers() {
        return writers;
    }

    private static void writes(Stmt s, java.util.Set<String> out) {
        switch (s) {
            case Stmt.SchemaAttr a -> out.add(a.name().id());
            case Stmt.Unification u -> out.add(u.target().id());
            case Stmt.Assign a -> a.targets().forEach(t -> root(t, out));
            case Stmt.AugAssign a -> root(a.target(), out);
            case Stmt.If i -> {
                i.body().forEach(b -> writes(b, out));
                i.orElse().forEach(b -> writes(b, out));
            }
            default -> {
            }
        }
    }

    private static void root(Expr e, java.util.Set<String> out) {
        while (true) {
            if (e instanceof Expr.Name n) {
                out.add(n.id());
                return;
            } else if (e instanceof Expr.Selector s) {
                e = s.value();
            } else if (e instanceof Expr.Subscript s) {
                e = s.value();
            } else {
                return;
            }
        }
    }

    /** An instance of this schema or of one inheriting from it, and whether the main module made it. */
    record Made(Value instance, boolean inMain) {
    }

    /** Every instance made so far, for {@code Schema.instances()}. */
    final List<Made> instances = new ArrayList<>();

    Value.TypeV asValue() {
        return new Value.TypeV(this);
    }

    @Override
    public String toString() {
        return name();
    }
}
