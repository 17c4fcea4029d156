package dev.skiff.types;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Suggestions;
import dev.skiff.k8s.K8sProperty;
import dev.skiff.k8s.K8sType;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.k8s.TypeRef;
import dev.skiff.source.Span;
import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Nodes;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import dev.skiff.syntax.TypeExpr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Type checks made before evaluation, over the whole module, where the types are known from the source
 * alone: a literal assigned to an annotated name or used as a schema attribute's default, and the configs
 * of schemas declared in the module or in the Skiff packages it imports (the stdlib's {@code app.App}
 * included) and of Kubernetes and CRD kinds ({@code App {replicas = "two", replics = 2}}): attribute names
 * and literal values, at any depth and in branches that will not run. All problems are reported at once.
 *
 * <p>The checker is conservative: it reports only what evaluation would also reject (the same rules and
 * messages), and says nothing where a type depends on values (expressions other than literals and
 * constants, schemas with mixins or index signatures). A schema name shadowed by a local is left alone. An
 * imported schema's attribute types are read with the names of the module that declares it.
 */
public final class StaticChecker {
    /**
     * What a module declares that types can name: its schemas, type aliases and imports. The main module's
     * is built at once; an imported package's when a config or type first reaches into it.
     */
    private final class Module {
        final Map<String, Stmt.SchemaDecl> schemas = new HashMap<>();
        final Map<String, TypeExpr> aliases = new HashMap<>();
        /** Import aliases of Kubernetes and CRD modules: alias → module path ({@code apps} → {@code k8s.api.apps.v1}). */
        final Map<String, String> k8sModules = new HashMap<>();
        /** Import aliases of Skiff packages, with the file that imports them (relative imports start there). */
        final Map<String, Stmt.Import> packages = new HashMap<>();
        final Map<Stmt.Import, dev.skiff.source.SourceFile> importedFrom = new java.util.IdentityHashMap<>();

        Module(List<SourceUnit> units) {
            Set<String> assigned = new HashSet<>();
            for (SourceUnit u : units) {
                for (Stmt s : u.body()) {
                    switch (s) {
                        case Stmt.Import i when i.path().startsWith("k8s.") || i.path().startsWith("crds.") ->
                                k8sModules.put(aliasOf(i), i.path());
                        case Stmt.Import i -> {
                            packages.put(aliasOf(i), i);
                            importedFrom.put(i, u.file());
                        }
                        case Stmt.SchemaDecl d when !d.mixin() && !d.protocol() -> {
                            schemas.put(d.name().id(), d);
                            owner.put(d, this);
                        }
                        case Stmt.TypeAlias t -> aliases.put(t.name().id(), t.type());
                        case Stmt.Assign a -> a.targets().forEach(t -> {
                            if (t instanceof Expr.Name n) {
                                assigned.add(n.id());
                            }
                        });
                        default -> {
                        }
                    }
                }
            }
            // a name both declared and assigned: leave it to evaluation
            assigned.forEach(schemas::remove);
            assigned.forEach(k8sModules::remove);
            assigned.forEach(packages::remove);
        }

        /** The package imported as {@code alias}, or null when there is none or it cannot be read. */
        Module pkg(String alias) {
            Stmt.Import i = packages.get(alias);
            if (i == null || resolver == null) {
                return null;
            }
            dev.skiff.modules.Resolution r;
            try {
                r = resolver.resolve(i.path(), importedFrom.get(i));
            } catch (RuntimeException e) {
                return null; // evaluation reports why the module cannot be loaded
            }
            if (!(r instanceof dev.skiff.modules.Resolution.Package p) || !p.diagnostics().isEmpty()) {
                return null;
            }
            return loaded.computeIfAbsent(p.canonicalName(), k -> new Module(p.files()));
        }
    }

    private static String aliasOf(Stmt.Import i) {
        return i.alias() != null ? i.alias().id() : i.path().substring(i.path().lastIndexOf('.') + 1);
    }

    private final dev.skiff.modules.ModuleResolver resolver;
    private final Map<String, Module> loaded = new HashMap<>();
    private final Map<Stmt.SchemaDecl, Module> owner = new java.util.IdentityHashMap<>();
    private Module main;
    /** The module whose names the types being checked are written with (a schema's own, for its attributes). */
    private Module types;
    private final List<Diagnostic> problems = new ArrayList<>();
    private final Deque<Set<String>> locals = new ArrayDeque<>();
    /** Top-level names assigned exactly once, by a plain top-level assignment: their value's kind is known. */
    private final Map<String, Expr> constants = new HashMap<>();
    private final java.util.function.Supplier<SchemaRegistry> registrySource;
    private SchemaRegistry registry;
    private boolean registryTried;

    private StaticChecker(java.util.function.Supplier<SchemaRegistry> registry, dev.skiff.modules.ModuleResolver resolver) {
        this.registrySource = registry;
        this.resolver = resolver;
    }

    /** The problems found in a module (its files together), without Kubernetes types or imported packages. */
    public static List<Diagnostic> check(List<SourceUnit> module) {
        return check(module, () -> null, null);
    }

    /**
     * The problems found in a module (its files together). Kubernetes and CRD types come from
     * {@code registry}, asked for only when the module imports such a module; the schemas of imported Skiff
     * packages (the stdlib's too) from {@code resolver}, when one is given.
     */
    public static List<Diagnostic> check(List<SourceUnit> module, java.util.function.Supplier<SchemaRegistry> registry,
                                         dev.skiff.modules.ModuleResolver resolver) {
        StaticChecker c = new StaticChecker(registry, resolver);
        c.main = c.new Module(module);
        c.types = c.main;
        Map<String, Integer> writes = new HashMap<>();
        for (SourceUnit u : module) {
            u.body().forEach(st -> countWrites(st, writes));
        }
        for (SourceUnit u : module) {
            for (Stmt st : u.body()) {
                if (st instanceof Stmt.Assign a && a.type() == null && a.targets().size() == 1
                        && a.targets().get(0) instanceof Expr.Name n && writes.getOrDefault(n.id(), 0) == 1) {
                    c.constants.put(n.id(), a.value());
                }
            }
        }
        for (SourceUnit u : module) {
            u.body().forEach(c::stmt);
        }
        // a nested config can be reached twice (as a value, then as the schema it is given for)
        Map<String, Diagnostic> unique = new LinkedHashMap<>();
        for (Diagnostic d : c.problems) {
            unique.putIfAbsent(d.code() + "@" + d.span() + ":" + d.message(), d);
        }
        return List.copyOf(unique.values());
    }

    private static void countWrites(Stmt s, Map<String, Integer> writes) {
        switch (s) {
            case Stmt.Assign a -> a.targets().forEach(t -> {
                Expr.Name root = Nodes.targetRoot(t);
                if (root != null) {
                    writes.merge(root.id(), t instanceof Expr.Name ? 1 : 2, Integer::sum);
                }
            });
            case Stmt.AugAssign a -> {
                if (a.target() instanceof Expr.Name n) {
                    writes.merge(n.id(), 2, Integer::sum);
                }
            }
            case Stmt.Unification u -> writes.merge(u.target().id(), 2, Integer::sum);
            case Stmt.If i -> {
                // a name written in a branch is never a constant: count it twice
                Map<String, Integer> inBranches = new HashMap<>();
                i.body().forEach(b -> countWrites(b, inBranches));
                i.orElse().forEach(b -> countWrites(b, inBranches));
                inBranches.forEach((k, v) -> writes.merge(k, 2 * v, Integer::sum));
            }
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------- traversal

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> expr(e.expr());
            case Stmt.Assign a -> {
                a.targets().forEach(this::expr);
                expr(a.value());
                if (a.type() != null && a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n) {
                    value(a.value(), a.type(), "`" + n.id() + "`", a.value().span());
                }
                if (locals.isEmpty()) {
                    // an instance assigned at the top level is complete: no later merge can add to it
                    List<Expr> made = a.value() instanceof Expr.ListLit l ? l.items() : List.of(a.value());
                    made.forEach(this::requiredGiven);
                }
            }
            case Stmt.AugAssign a -> expr(a.value());
            case Stmt.Unification u -> expr(u.value());
            case Stmt.If i -> {
                expr(i.condition());
                i.body().forEach(this::stmt);
                i.orElse().forEach(this::stmt);
            }
            case Stmt.Assert a -> {
                expr(a.test());
                expr(a.condition());
                expr(a.message());
            }
            case Stmt.SchemaDecl d -> {
                Set<String> scope = new HashSet<>();
                d.params().forEach(p -> scope.add(p.name().id()));
                Map<String, TypeExpr> own = new HashMap<>();
                d.body().forEach(b -> collect(b, own));
                scope.addAll(own.keySet()); // attributes, also inherited ones, are names in the body
                scope.add("*schema-body*");
                locals.push(scope);
                for (Stmt b : d.body()) {
                    if (b instanceof Stmt.SchemaAttr at) {
                        expr(at.value());
                        if (at.value() != null && at.type() != null && !at.pipe()) {
                            value(at.value(), at.type(), "attribute `" + at.name().id() + "` of `" + d.name().id() + "`",
                                    at.value().span());
                        }
                    } else {
                        stmt(b);
                    }
                }
                d.checks().forEach(c -> {
                    expr(c.test());
                    expr(c.condition());
                    expr(c.message());
                });
                locals.pop();
            }
            default -> {
            }
        }
    }

    private void expr(Expr e) {
        switch (e) {
            case null -> {
            }
            case Expr.SchemaInst si -> {
                expr(si.schema());
                si.args().forEach(this::expr);
                si.keywords().forEach(k -> expr(k.value()));
                Stmt.SchemaDecl d = schemaNamed(si.schema());
                K8sType k = d == null ? kubernetesNamed(si.schema()) : null;
                if (d != null && si.config() != null) {
                    config(si.config(), d);
                } else if (k != null && si.config() != null) {
                    k8sConfig(si.config(), k);
                } else if (si.config() != null) {
                    expr(si.config());
                }
            }
            case Expr.ConfigLit c -> {
                locals.push(keysOf(c));
                c.entries().forEach(this::entryValues);
                locals.pop();
            }
            case Expr.ListLit l -> l.items().forEach(this::expr);
            case Expr.ListIf l -> {
                expr(l.condition());
                l.items().forEach(this::expr);
                l.orElse().forEach(this::expr);
            }
            case Expr.Starred s -> expr(s.value());
            case Expr.Call c -> {
                expr(c.func());
                c.args().forEach(this::expr);
                c.keywords().forEach(k -> expr(k.value()));
            }
            case Expr.Selector s -> expr(s.value());
            case Expr.Subscript s -> {
                expr(s.value());
                expr(s.index());
            }
            case Expr.Unary u -> expr(u.operand());
            case Expr.Binary b -> {
                expr(b.left());
                expr(b.right());
            }
            case Expr.Compare c -> {
                expr(c.left());
                c.rights().forEach(this::expr);
            }
            case Expr.IfElse i -> {
                expr(i.condition());
                expr(i.then());
                expr(i.orElse());
            }
            case Expr.Paren p -> expr(p.value());
            case Expr.Lambda l -> {
                Set<String> scope = new HashSet<>();
                l.params().forEach(p -> scope.add(p.name().id()));
                l.body().forEach(s -> {
                    if (s instanceof Stmt.Assign a) {
                        a.targets().forEach(t -> {
                            if (t instanceof Expr.Name n) {
                                scope.add(n.id());
                            }
                        });
                    }
                });
                locals.push(scope);
                l.body().forEach(this::stmt);
                locals.pop();
            }
            case Expr.ListComp c -> comprehension(c.clauses(), List.of(c.element()));
            case Expr.DictComp c -> comprehension(c.clauses(), List.of(c.key(), c.value()));
            case Expr.Quantified q -> {
                expr(q.target());
                Set<String> scope = new HashSet<>();
                q.variables().forEach(v -> scope.add(v.id()));
                locals.push(scope);
                expr(q.test());
                expr(q.condition());
                locals.pop();
            }
            default -> {
            }
        }
    }

    private void comprehension(List<Node.CompClause> clauses, List<Expr> body) {
        Set<String> scope = new HashSet<>();
        locals.push(scope);
        for (Node.CompClause c : clauses) {
            expr(c.iter());
            c.targets().forEach(t -> scope.add(t.id()));
            c.conditions().forEach(this::expr);
        }
        body.forEach(this::expr);
        locals.pop();
    }

    private void entryValues(ConfigEntry e) {
        switch (e) {
            case ConfigEntry.KeyValue kv -> expr(kv.value());
            case ConfigEntry.Unpack u -> expr(u.value());
            case ConfigEntry.If i -> {
                expr(i.condition());
                i.entries().forEach(this::entryValues);
                i.orElse().forEach(this::entryValues);
            }
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------- schemas

    /**
     * The schema an expression of the main module names ({@code App} or {@code app.App}), when it is one
     * declared there or in an imported package, and the name is not shadowed.
     */
    private Stmt.SchemaDecl schemaNamed(Expr e) {
        return declIn(e, main);
    }

    /** The schema {@code e} names when written in module {@code m}: {@code S}, or {@code pkg.S} of an import. */
    private Stmt.SchemaDecl declIn(Expr e, Module m) {
        if (m == null) {
            return null;
        }
        Expr.Name root = e instanceof Expr.Name n ? n
                : e instanceof Expr.Selector s && !s.optional() && s.value() instanceof Expr.Name a ? a : null;
        if (root == null || m == main && locallyBound(root.id())) {
            return null;
        }
        if (e instanceof Expr.Selector s) {
            Module pkg = m.pkg(root.id());
            return pkg == null ? null : pkg.schemas.get(s.attr().id());
        }
        return m.schemas.get(root.id());
    }

    private boolean locallyBound(String name) {
        for (Set<String> scope : locals) {
            if (scope.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A schema's attributes with their declared types, over its inheritance chain; null when part of the
     * chain lies outside the module (then attribute names cannot be known).
     */
    private Map<String, Attr> attributes(Stmt.SchemaDecl d, Set<Stmt.SchemaDecl> seen) {
        if (seen.size() > MAX_ANCESTORS || !seen.add(d) || !d.mixins().isEmpty() || d.indexSignature() != null) {
            return null;
        }
        Map<String, Attr> out = new LinkedHashMap<>();
        Module m = owner.get(d);
        if (d.parent() != null) {
            Stmt.SchemaDecl parent = declIn(d.parent(), m);
            Map<String, Attr> inherited = parent == null ? null : attributes(parent, seen);
            if (inherited == null) {
                return null;
            }
            out.putAll(inherited);
        }
        Map<String, TypeExpr> own = new LinkedHashMap<>();
        for (Stmt s : d.body()) {
            collect(s, own);
        }
        own.forEach((name, type) -> out.put(name, new Attr(type, m)));
        return out;
    }

    /**
     * Past this many ancestors a schema's attributes are taken as unknown here: evaluation refuses so long a
     * chain (E0310), and walking it for every use cost the cube of its length.
     */
    private static final int MAX_ANCESTORS = 100;

    /** An attribute's declared type (null for any), with the module whose names the type is written in. */
    private record Attr(TypeExpr type, Module module) {
    }

    private static void collect(Stmt s, Map<String, TypeExpr> out) {
        switch (s) {
            case Stmt.SchemaAttr a -> out.put(a.name().id(), a.type());
            case Stmt.Assign a -> a.targets().forEach(t -> {
                if (t instanceof Expr.Name n) {
                    out.putIfAbsent(n.id(), null); // an attribute made by the body: any type
                }
            });
            case Stmt.Unification u -> out.put(u.target().id(), null);
            case Stmt.If i -> {
                i.body().forEach(b -> collect(b, out));
                i.orElse().forEach(b -> collect(b, out));
            }
            default -> {
            }
        }
    }

    /**
     * {@code S {…}} where the config sets keys known from the source: every required attribute of S that no
     * default, body statement or literal type gives must be among them. Says nothing when a key is computed
     * or unpacked, or S has mixins, an index signature or an ancestor outside what the checker can read.
     */
    private void requiredGiven(Expr e) {
        if (!(e instanceof Expr.SchemaInst si) || si.config() == null) {
            return;
        }
        Stmt.SchemaDecl d = schemaNamed(si.schema());
        Map<String, Stmt.SchemaAttr> required = d == null ? null : requiredAttributes(d, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        if (required == null) {
            return;
        }
        Set<String> keys = new HashSet<>();
        for (ConfigEntry entry : si.config().entries()) {
            List<String> path = entry instanceof ConfigEntry.KeyValue kv ? keyPath(kv.key()) : null;
            if (path == null) {
                return; // `**x`, `if`, a computed key: what the config sets is not known here
            }
            keys.add(path.get(0));
        }
        Map<String, Attr> attrs = attributes(d, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        if (attrs == null || !attrs.keySet().containsAll(keys)) {
            return; // an unknown key is reported already, and is likely the missing attribute misspelt
        }
        // the first missing attribute, as evaluation reports it (a quick fix adds them all)
        required.entrySet().stream().filter(r -> !keys.contains(r.getKey())).findFirst().ifPresent(r ->
                problems.add(Diagnostic.error(Code.E0303, si.span(), "attribute `" + r.getKey() + "` of `"
                                + d.name().id() + "` is required and cannot be None or Undefined")
                        .withLabel(r.getValue().name().span(), "`" + r.getKey() + "` is declared here")
                        .withHint("set `" + r.getKey() + "` in the config, or declare it as `" + r.getKey()
                                + "?` to make it optional")));
    }

    /**
     * The attributes of a schema that only the config can give (declared without `?`, default or literal
     * type in every declaration, and written by no body statement), by name, with their first declaration;
     * null when that cannot be known from the source.
     */
    private Map<String, Stmt.SchemaAttr> requiredAttributes(Stmt.SchemaDecl d, Set<Stmt.SchemaDecl> seen) {
        if (seen.size() > MAX_ANCESTORS || !seen.add(d) || !d.mixins().isEmpty() || d.indexSignature() != null) {
            return null;
        }
        Map<String, Stmt.SchemaAttr> out = new LinkedHashMap<>();
        Set<String> given = new HashSet<>();
        if (d.parent() != null) {
            Stmt.SchemaDecl parent = declIn(d.parent(), owner.get(d));
            Map<String, Stmt.SchemaAttr> inherited = parent == null ? null : requiredAttributes(parent, seen);
            if (inherited == null) {
                return null;
            }
            out.putAll(inherited);
        }
        for (Stmt st : d.body()) {
            if (st instanceof Stmt.SchemaAttr a) {
                if (a.optional() || a.value() != null || a.type() instanceof TypeExpr.LiteralType) {
                    given.add(a.name().id());
                } else {
                    out.putIfAbsent(a.name().id(), a);
                }
            } else {
                Map<String, TypeExpr> written = new HashMap<>();
                collect(st, written);
                given.addAll(written.keySet());
                if (st instanceof Stmt.Assign a) {
                    a.targets().forEach(t -> given.add(rootOf(t))); // `labels.app = …`: left to evaluation
                } else if (st instanceof Stmt.AugAssign a) {
                    given.add(rootOf(a.target()));
                }
                if (st instanceof Stmt.If) {
                    return null; // attributes declared in a branch: which ones exist depends on values
                }
            }
        }
        out.keySet().removeAll(given);
        return out;
    }

    private static String rootOf(Expr target) {
        Expr.Name root = Nodes.targetRoot(target);
        return root == null ? "" : root.id();
    }

    /** A config used to make an instance of {@code d}: its keys must be attributes, its literals fit them. */
    private void config(Expr.ConfigLit config, Stmt.SchemaDecl d) {
        Map<String, Attr> attrs = attributes(d, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        locals.push(keysOf(config));
        for (ConfigEntry e : config.entries()) {
            entry(e, d, attrs);
        }
        locals.pop();
    }

    /** The keys a config sets: inside it, a bare name may mean a sibling key, so these shadow constants. */
    private static Set<String> keysOf(Expr.ConfigLit c) {
        Set<String> out = new HashSet<>();
        keysOf(c.entries(), out);
        return out;
    }

    private static void keysOf(List<ConfigEntry> entries, Set<String> out) {
        for (ConfigEntry e : entries) {
            if (e instanceof ConfigEntry.KeyValue kv) {
                List<String> path = keyPath(kv.key());
                if (path != null) {
                    out.add(path.get(0));
                }
            } else if (e instanceof ConfigEntry.If i) {
                keysOf(i.entries(), out);
                keysOf(i.orElse(), out);
            }
        }
    }

    private void entry(ConfigEntry e, Stmt.SchemaDecl d, Map<String, Attr> attrs) {
        switch (e) {
            case ConfigEntry.KeyValue kv -> {
                expr(kv.value());
                String key = kv.key() instanceof Expr.Name n ? n.id() : kv.key() instanceof Expr.StrLit s ? s.value() : null;
                if (key == null || attrs == null) {
                    return;
                }
                if (!attrs.containsKey(key)) {
                    Diagnostic p = Diagnostic.error(Code.E0302, kv.key().span(),
                            "schema `" + d.name().id() + "` has no attribute `" + key + "`");
                    String hint = Suggestions.didYouMean(key, attrs.keySet());
                    problems.add(hint == null ? p : p.withHint(hint));
                    return;
                }
                Attr attr = attrs.get(key);
                if (attr.type() != null && kv.op() != dev.skiff.syntax.Operator.Config.INSERT) {
                    Module before = types;
                    types = attr.module();
                    try {
                        value(kv.value(), attr.type(), "attribute `" + key + "` of `" + d.name().id() + "`", kv.key().span());
                    } finally {
                        types = before;
                    }
                }
            }
            case ConfigEntry.Unpack u -> expr(u.value());
            case ConfigEntry.If i -> {
                expr(i.condition());
                i.entries().forEach(x -> entry(x, d, attrs));
                i.orElse().forEach(x -> entry(x, d, attrs));
            }
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------- Kubernetes and CRD types

    /** The Kubernetes or CRD type {@code alias.Kind} names, when the alias is an import of such a module. */
    private K8sType kubernetesNamed(Expr e) {
        return kubernetesIn(e, main);
    }

    /** The Kubernetes or CRD type {@code alias.Kind} names when written in module {@code m}. */
    private K8sType kubernetesIn(Expr e, Module m) {
        if (!(e instanceof Expr.Selector s) || !(s.value() instanceof Expr.Name alias) || s.optional()) {
            return null;
        }
        if (m == main && locallyBound(alias.id())) {
            return null;
        }
        String path = m.k8sModules.get(alias.id());
        SchemaRegistry r = path == null ? null : registry();
        return r == null ? null : r.member(path, s.attr().id()).orElse(null);
    }

    private SchemaRegistry registry() {
        if (!registryTried) {
            registryTried = true;
            try {
                registry = registrySource.get();
            } catch (RuntimeException e) {
                registry = null; // evaluation reports why the schemas cannot be read
            }
        }
        return registry;
    }

    /** A config for a Kubernetes type: field names (dotted keys too) and literal values, at any depth. */
    private void k8sConfig(Expr.ConfigLit config, K8sType type) {
        locals.push(keysOf(config));
        for (ConfigEntry e : config.entries()) {
            k8sEntry(e, type);
        }
        locals.pop();
    }

    private void k8sEntry(ConfigEntry e, K8sType type) {
        switch (e) {
            case ConfigEntry.KeyValue kv -> {
                List<String> path = keyPath(kv.key());
                if (path == null || type.properties().isEmpty()) {
                    expr(kv.value());
                    return;
                }
                K8sType owner = type;
                for (int i = 0; i < path.size(); i++) {
                    K8sProperty p = owner.properties().get(path.get(i));
                    if (p == null) {
                        Diagnostic d = Diagnostic.error(Code.E0302, kv.key().span(),
                                "schema `" + owner.shortName() + "` has no attribute `" + path.get(i) + "`");
                        String hint = Suggestions.didYouMean(path.get(i), owner.properties().keySet());
                        problems.add(hint == null ? d : d.withHint(hint));
                        expr(kv.value());
                        return;
                    }
                    if (i < path.size() - 1) {
                        K8sType next = p.type().kind() == TypeRef.Kind.OBJECT
                                ? registry().lookup(p.type().definition()).orElse(null) : null;
                        if (next == null || next.properties().isEmpty()) {
                            expr(kv.value());
                            return;
                        }
                        owner = next;
                    } else if (kv.op() == dev.skiff.syntax.Operator.Config.INSERT) {
                        expr(kv.value());
                    } else {
                        k8sValue(kv.value(), p, owner, kv.key().span());
                    }
                }
            }
            case ConfigEntry.Unpack u -> expr(u.value());
            case ConfigEntry.If i -> {
                expr(i.condition());
                i.entries().forEach(x -> k8sEntry(x, type));
                i.orElse().forEach(x -> k8sEntry(x, type));
            }
            default -> {
            }
        }
    }

    /** {@code a}, {@code "a"} or {@code a.b.c} as a list of names; null for a computed key. */
    private static List<String> keyPath(Expr key) {
        if (key instanceof Expr.Name n) {
            return new ArrayList<>(List.of(n.id()));
        }
        if (key instanceof Expr.StrLit s) {
            return new ArrayList<>(List.of(s.value()));
        }
        if (key instanceof Expr.Selector s && !s.optional()) {
            List<String> head = keyPath(s.value());
            if (head != null && s.value() instanceof Expr.Name || head != null && s.value() instanceof Expr.Selector) {
                head.add(s.attr().id());
                return head;
            }
        }
        return null;
    }

    /** A value for a Kubernetes field: configs and lists are followed, literals checked as evaluation would. */
    private void k8sValue(Expr v, K8sProperty p, K8sType owner, Span key) {
        String what = "attribute `" + p.name() + "` of `" + owner.shortName() + "`";
        TypeRef t = p.type();
        Expr value = v instanceof Expr.Paren paren ? paren.value() : v;
        switch (value) {
            case Expr.ConfigLit c when t.kind() == TypeRef.Kind.OBJECT -> {
                K8sType inner = registry().lookup(t.definition()).orElse(null);
                if (inner != null) {
                    k8sConfig(c, inner);
                } else {
                    expr(c);
                }
            }
            case Expr.ConfigLit c when t.kind() == TypeRef.Kind.MAP -> {
                for (ConfigEntry e : c.entries()) {
                    if (e instanceof ConfigEntry.KeyValue kv) {
                        String found = kindOf(kv.value(), 0);
                        if (found != null && !found.equals("NoneType") && !scalarFits(kv.value(), found, t.element(), List.of())) {
                            String k = keyPath(kv.key()) == null ? "?" : String.join(".", keyPath(kv.key()));
                            problems.add(Diagnostic.error(Code.E0301, kv.key().span(), "expected `" + k8sDisplay(t, List.of())
                                    + "` for " + what + ", found the value of `" + k + "` of type `" + found + "`"));
                        }
                        expr(kv.value());
                    } else {
                        entryValues(e);
                    }
                }
            }
            case Expr.ListLit l when t.kind() == TypeRef.Kind.LIST -> {
                for (Expr item : l.items()) {
                    Expr it = item instanceof Expr.Paren paren ? paren.value() : item;
                    if (it instanceof Expr.ConfigLit c && t.element().kind() == TypeRef.Kind.OBJECT) {
                        registry().lookup(t.element().definition()).ifPresentOrElse(inner -> k8sConfig(c, inner), () -> expr(c));
                        continue;
                    }
                    String found = kindOf(it, 0);
                    if (found != null && !found.equals("NoneType") && !scalarFits(it, found, t.element(), List.of())) {
                        problems.add(Diagnostic.error(Code.E0301, it.span(), "expected `" + k8sDisplay(t, List.of())
                                + "` for " + what + ", found an element of type `" + found + "`"));
                    }
                    expr(it);
                }
            }
            default -> {
                expr(v);
                String found = kindOf(value, 0);
                if (found == null || found.equals("NoneType")) {
                    return;
                }
                List<String> choices = fixedValue(owner, p);
                if (!scalarFits(value, found, t, choices)) {
                    boolean choice = !choices.isEmpty() && value instanceof Expr.StrLit;
                    problems.add(Diagnostic.error(Code.E0301, key, "expected `" + k8sDisplay(t, choices) + "` for " + what
                            + ", found " + (choice ? "\"" + ((Expr.StrLit) value).value() + "\"" : "`" + found + "`")));
                }
            }
        }
    }

    /** The values a string field allows: its enum, or the kind's own apiVersion and kind. */
    private List<String> fixedValue(K8sType owner, K8sProperty p) {
        if (p.name().equals("apiVersion") || p.name().equals("kind")) {
            var gvk = registry().gvkOf(owner.name());
            if (gvk.isPresent()) {
                return List.of(p.name().equals("kind") ? gvk.get().kind() : gvk.get().apiVersion());
            }
        }
        return p.enumValues() == null ? List.of() : p.enumValues();
    }

    /** Whether a literal of {@code kind} fits a Kubernetes type, with the rules evaluation applies. */
    private static boolean scalarFits(Expr v, String kind, TypeRef t, List<String> choices) {
        return switch (t.kind()) {
            case STRING -> kind.equals("str") && (choices.isEmpty() || !(v instanceof Expr.StrLit s)
                    || choices.contains(s.value()));
            case DATE_TIME -> kind.equals("str");
            case INT32, INT64 -> kind.equals("int");
            case NUMBER -> kind.equals("int") || kind.equals("float");
            case BOOLEAN -> kind.equals("bool");
            case INT_OR_STRING -> kind.equals("int") || kind.equals("str");
            case QUANTITY -> !kind.equals("bool");
            case OBJECT, LIST, MAP -> false;
            case ANY -> true;
        };
    }

    /** A Kubernetes type as evaluation displays it. */
    private static String k8sDisplay(TypeRef t, List<String> choices) {
        return switch (t.kind()) {
            case STRING -> choices.isEmpty() ? "str" : String.join(" | ", choices.stream().map(c -> "\"" + c + "\"").toList());
            case DATE_TIME -> "str";
            case INT32, INT64 -> "int";
            case NUMBER -> "float";
            case BOOLEAN -> "bool";
            case INT_OR_STRING -> "int | str";
            case QUANTITY -> "str | int | float";
            case LIST -> "[" + k8sDisplay(t.element(), List.of()) + "]";
            case MAP -> "{str:" + k8sDisplay(t.element(), List.of()) + "}";
            case ANY -> "any";
            case OBJECT -> t.display();
        };
    }

    // ---------------------------------------------------------------- literals against types

    /** Checks a literal value against a declared type; other expressions are left to evaluation. */
    private void value(Expr v, TypeExpr type, String what, Span at) {
        Mismatch problem = mismatch(v, type, 0);
        if (problem != null) {
            problems.add(Diagnostic.error(Code.E0301, problem.at() != null ? problem.at() : at, "expected `"
                    + display(type) + "` for " + what + ", found " + problem.found()));
        }
    }

    /** What was found instead, and where when it is not the whole value (an element of a list). */
    private record Mismatch(String found, Span at) {
    }

    /**
     * Why a literal does not fit a type, as evaluation words it ({@code `str`}, or the literal for a
     * choice of literals), or null when it fits or cannot be known without evaluating.
     */
    private Mismatch mismatch(Expr v, TypeExpr type, int depth) {
        if (depth > 32) {
            return null;
        }
        TypeExpr t = resolve(type, 0);
        if (t == null || v == null) {
            return null;
        }
        String kind = kindOf(v, 0);
        if (kind == null) {
            if (v instanceof Expr.ListLit l && t instanceof TypeExpr.ListType lt && lt.element() != null) {
                for (Expr item : l.items()) {
                    Mismatch inner = mismatch(item, lt.element(), depth + 1);
                    if (inner != null) {
                        if (inner.at() != null) {
                            return inner; // deeper: already says what and where
                        }
                        return new Mismatch((inner.found().startsWith("`") ? "an element of type " : "the element ")
                                + inner.found(), item.span());
                    }
                }
            }
            Stmt.SchemaDecl typed = t instanceof TypeExpr.Named n ? declIn(n.name(), types) : null;
            K8sType k8sTyped = t instanceof TypeExpr.Named n && typed == null ? kubernetesIn(n.name(), types) : null;
            if (v instanceof Expr.ConfigLit c && typed != null) {
                config(c, typed); // a config given for a schema-typed attribute is that schema's
            } else if (v instanceof Expr.ConfigLit c && k8sTyped != null) {
                k8sConfig(c, k8sTyped);
            }
            return null;
        }
        if (kind.equals("NoneType")) {
            return null; // None fits every type in KCL
        }
        return fits(v, kind, t) ? null : new Mismatch(kindShown(v, kind, t), null);
    }

    private boolean fits(Expr v, String kind, TypeExpr t) {
        return switch (t) {
            case TypeExpr.BasicType b -> switch (b.kind()) {
                case ANY -> true;
                case INT -> kind.equals("int");
                case FLOAT -> kind.equals("float") || kind.equals("int");
                case STR -> kind.equals("str");
                case BOOL -> kind.equals("bool");
                case NONE -> false;
            };
            case TypeExpr.UnionType u -> u.members().stream().anyMatch(m -> {
                TypeExpr r = resolve(m, 0);
                return r == null || fits(v, kind, r);
            });
            case TypeExpr.LiteralType l -> !isLiteral(v) || sameLiteral(v, l.literal());
            case TypeExpr.ListType l -> kind.equals("list");
            case TypeExpr.DictType d -> kind.equals("dict");
            case TypeExpr.Named n -> true; // a schema or a type from elsewhere: evaluation decides
            default -> true;
        };
    }

    private static boolean sameLiteral(Expr v, Expr literal) {
        return switch (v) {
            case Expr.StrLit s -> literal instanceof Expr.StrLit l && l.value().equals(s.value());
            case Expr.IntLit i -> literal instanceof Expr.IntLit l && l.value() == i.value()
                    && java.util.Objects.equals(l.suffix(), i.suffix());
            case Expr.FloatLit f -> literal instanceof Expr.FloatLit l && l.value() == f.value();
            case Expr.BoolLit b -> literal instanceof Expr.BoolLit l && l.value() == b.value();
            default -> false;
        };
    }

    private static boolean isLiteral(Expr v) {
        Expr e = v instanceof Expr.Paren p ? p.value() : v;
        return e instanceof Expr.StrLit || e instanceof Expr.IntLit || e instanceof Expr.FloatLit
                || e instanceof Expr.BoolLit;
    }

    /**
     * The kind of value an expression surely has (int, float, str, bool, NoneType), or null when that
     * depends on evaluation: literals, constants (top-level names assigned once, not shadowed), and simple
     * arithmetic, comparisons, string building and conversions over them.
     */
    private String kindOf(Expr v, int depth) {
        if (depth > 16 || v == null) {
            return null;
        }
        String literal = literalKind(v);
        if (literal != null || isLiteral(v) || v instanceof Expr.IntLit) {
            return literal;
        }
        return switch (v) {
            case Expr.Paren p -> kindOf(p.value(), depth + 1);
            case Expr.Name n -> shadowed(n.id()) || !constants.containsKey(n.id()) ? null
                    : kindOf(constants.get(n.id()), depth + 1);
            case Expr.Compare c -> "bool";
            case Expr.Unary u when u.op() == dev.skiff.syntax.Operator.Unary.NOT -> "bool";
            case Expr.Unary u when u.op() != dev.skiff.syntax.Operator.Unary.INVERT -> {
                String k = kindOf(u.operand(), depth + 1);
                yield "int".equals(k) || "float".equals(k) ? k : null;
            }
            case Expr.Binary b -> {
                String l = kindOf(b.left(), depth + 1);
                String r = kindOf(b.right(), depth + 1);
                if (l == null || r == null) {
                    yield null;
                }
                boolean numbers = (l.equals("int") || l.equals("float")) && (r.equals("int") || r.equals("float"));
                String arithmetic = numbers ? (l.equals("float") || r.equals("float") ? "float" : "int") : null;
                yield switch (b.op()) {
                    case ADD -> l.equals("str") && r.equals("str") ? "str" : arithmetic;
                    case MUL -> l.equals("str") && r.equals("int") || l.equals("int") && r.equals("str") ? "str" : arithmetic;
                    case SUB, FLOOR_DIV, MOD -> arithmetic;
                    case DIV -> numbers ? "float" : null;
                    default -> null;
                };
            }
            case Expr.IfElse i -> {
                String a = kindOf(i.then(), depth + 1);
                yield a != null && a.equals(kindOf(i.orElse(), depth + 1)) ? a : null;
            }
            case Expr.Call c when c.func() instanceof Expr.Name f && !shadowed(f.id()) && !constants.containsKey(f.id())
                    && c.keywords().isEmpty() -> switch (f.id()) {
                        case "str", "typeof" -> "str";
                        case "len", "int" -> "int";
                        case "float" -> "float";
                        case "bool" -> "bool";
                        default -> null;
                    };
            case Expr.Call c when c.func() instanceof Expr.Name f && !shadowed(f.id())
                    && constants.get(f.id()) instanceof Expr.Lambda l -> basicKind(l.returnType());
            case Expr.Call c when c.func() instanceof Expr.Selector m && !m.optional()
                    && "str".equals(kindOf(m.value(), depth + 1)) -> stringMethodKind(m.attr().id());
            default -> null;
        };
    }

    /**
     * The kind of a function's result from its declared return type: evaluation checks the result against
     * it, so a call that returns at all returns that kind.
     */
    private static String basicKind(TypeExpr t) {
        if (!(t instanceof TypeExpr.BasicType b)) {
            return null;
        }
        return switch (b.kind()) {
            case INT -> "int";
            case FLOAT -> null; // an int result passes a float annotation unchanged
            case STR -> "str";
            case BOOL -> "bool";
            case ANY, NONE -> null;
        };
    }

    /** What a string method returns. */
    private static String stringMethodKind(String method) {
        return switch (method) {
            case "upper", "lower", "strip", "lstrip", "rstrip", "capitalize", "title", "replace", "format", "join",
                 "removeprefix", "removesuffix", "swapcase", "zfill", "center", "ljust", "rjust" -> "str";
            case "startswith", "endswith", "isdigit", "isalpha", "isalnum", "islower", "isupper", "isspace",
                 "istitle" -> "bool";
            case "count", "find", "rfind", "index", "rindex" -> "int";
            default -> null;
        };
    }

    /** Whether a name is bound by something closer than the module: a parameter, loop variable, key, attribute. */
    private boolean shadowed(String name) {
        for (Set<String> scope : locals) {
            if (scope.contains(name)) {
                return true;
            }
        }
        return main.schemas.containsKey(name);
    }

    /** The kind of a literal expression, or null when it is not a plain literal. */
    private static String literalKind(Expr v) {
        return switch (v) {
            case Expr.IntLit i when i.suffix() != null -> null; // `2Gi`: evaluation decides where it fits
            case Expr.IntLit i -> "int";
            case Expr.FloatLit f -> "float";
            case Expr.StrLit s -> "str";
            case Expr.Interpolated s -> "str";
            case Expr.BoolLit b -> "bool";
            case Expr.NoneLit n -> "NoneType";
            case Expr.Paren p -> literalKind(p.value());
            default -> null;
        };
    }

    private static String kindShown(Expr v, String kind, TypeExpr t) {
        boolean choice = t instanceof TypeExpr.LiteralType
                || t instanceof TypeExpr.UnionType u && u.members().stream().anyMatch(m -> m instanceof TypeExpr.LiteralType);
        if (choice && (v instanceof Expr.StrLit || v instanceof Expr.IntLit)) {
            return v instanceof Expr.StrLit s ? "\"" + s.value() + "\"" : Long.toString(((Expr.IntLit) v).value());
        }
        return "`" + kind + "`";
    }

    /** A type with aliases of this module replaced; null when it cannot be known here. */
    private TypeExpr resolve(TypeExpr t, int depth) {
        if (t instanceof TypeExpr.Named n && n.name() instanceof Expr.Name name && types.aliases.containsKey(name.id())) {
            return depth > 16 ? null : resolve(types.aliases.get(name.id()), depth + 1);
        }
        if (t instanceof TypeExpr.Error || t instanceof TypeExpr.FunctionType) {
            return null;
        }
        return t;
    }

    /** A type as evaluation displays it. */
    private String display(TypeExpr t) {
        return switch (t) {
            case TypeExpr.BasicType b -> b.kind() == TypeExpr.Basic.NONE ? "None" : b.kind().name().toLowerCase(java.util.Locale.ROOT);
            case TypeExpr.UnionType u -> String.join(" | ", u.members().stream().map(this::display).toList());
            case TypeExpr.ListType l -> "[" + (l.element() == null ? "any" : display(l.element())) + "]";
            case TypeExpr.DictType d -> "{" + (d.key() == null ? "any" : display(d.key())) + ":"
                    + (d.value() == null ? "any" : display(d.value())) + "}";
            case TypeExpr.LiteralType l -> l.literal() instanceof Expr.StrLit s ? "\"" + s.value() + "\"" : l.span().text();
            case TypeExpr.Named n -> n.name() instanceof Expr.Name name && types.aliases.containsKey(name.id())
                    ? display(types.aliases.get(name.id())) : n.span().text().replaceAll(".*\\.", "");
            default -> t.span().text();
        };
    }
}
