package dev.skiff.resolve;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.modules.Program;
import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Nodes;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import dev.skiff.syntax.TypeExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resolve stage: binds every name of a {@link Program} to the {@link Symbol} it stands for, and reports
 * names that are read but defined nowhere they could be seen from — in every module and in code that may never
 * run (a check block, a lambda that is not called, a branch not taken), as KCL does when it compiles.
 *
 * <p>Scopes follow the evaluator's: a module's globals (in any order, across its files) and the builtins; a
 * schema's attributes (its own, its parents' and mixins', in any order), parameters and index-signature key; a
 * lambda's parameters and locals; comprehension and quantifier variables; and inside a config, the keys set
 * earlier in it ({@code {a = 1, b = a + 1}} reads {@code a}). Where a scope cannot be known from the source (a
 * mixin's body, a schema with an index signature, a config after {@code **} or a computed key) names in it are
 * neither bound nor reported.
 */
public final class Resolver {
    /** Type names that are not schemas: written as names in annotations such as {@code x: list}. */
    private static final Set<String> TYPE_WORDS = Set.of("int", "float", "str", "bool", "any", "list", "dict",
            "number", "None", "Undefined");

    private final Bindings out;
    private final Set<String> builtinNames;
    private final Set<String> systemModules;
    private final Map<String, Symbol> builtins = new HashMap<>();
    private final Map<String, Symbol> kubernetesTypes = new HashMap<>();
    private final Map<Stmt.SchemaDecl, String> schemaModule = new IdentityHashMap<>();
    private final Map<Stmt.RuleDecl, String> ruleModule = new IdentityHashMap<>();
    private final Set<Stmt.SchemaDecl> computing = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private String module;
    private boolean report;
    private Scope scope;

    /** A set of names visible together; an open scope may hold names that cannot be known from the source. */
    private record Scope(Scope parent, Map<String, Symbol> names, boolean open) {
    }

    private Resolver(Program program, Set<String> builtinNames, Set<String> systemModules) {
        this.out = new Bindings(program);
        this.builtinNames = builtinNames;
        this.systemModules = systemModules;
    }

    /**
     * Resolves every module of {@code program}. {@code builtins} are the names every module sees; a name of one
     * of the {@code systemModules} read without its import gets a hint to import it.
     */
    public static Bindings resolve(Program program, Set<String> builtins, Set<String> systemModules) {
        Resolver r = new Resolver(program, builtins, systemModules);
        for (Program.Module m : program.modules().values()) {
            Map<String, Symbol> globals = new LinkedHashMap<>();
            r.module = m.name();
            for (SourceUnit u : m.units()) {
                u.body().forEach(s -> r.declareGlobal(s, globals));
            }
            r.out.globals.put(m.name(), globals);
        }
        for (Program.Module m : program.modules().values()) {
            r.module = m.name();
            // a package that does not parse is reported by its parse errors; its names would only add noise
            r.report = !m.broken();
            r.scope = new Scope(null, r.out.globals.get(m.name()), false);
            for (SourceUnit u : m.units()) {
                u.body().forEach(r::stmt);
            }
        }
        return r.out;
    }

    // ---------------------------------------------------------------- declarations

    private void declareGlobal(Stmt s, Map<String, Symbol> globals) {
        switch (s) {
            case Stmt.SchemaDecl d -> {
                schemaModule.put(d, module);
                declare(globals, Symbol.Kind.SCHEMA, d.name(), d, null);
            }
            case Stmt.RuleDecl r -> {
                ruleModule.put(r, module);
                declare(globals, Symbol.Kind.RULE, r.name(), r, null);
            }
            case Stmt.TypeAlias t -> declare(globals, Symbol.Kind.TYPE_ALIAS, t.name(), t, null);
            case Stmt.Import i -> {
                Symbol sym = globals.get(importName(i));
                if (sym == null) {
                    sym = new Symbol(Symbol.Kind.IMPORT, importName(i), i.alias() != null ? i.alias().span()
                            : i.pathSpan(), i, null, module);
                    globals.put(sym.name(), sym);
                }
                out.declared.put(i, sym);
                if (i.alias() != null) {
                    out.names.put(i.alias(), sym);
                }
            }
            case Stmt.If i -> {
                markBranch(i.body());
                markBranch(i.orElse());
                i.body().forEach(b -> declareGlobal(b, globals));
                i.orElse().forEach(b -> declareGlobal(b, globals));
            }
            default -> assigned(s, globals, Symbol.Kind.VARIABLE, null);
        }
    }

    /** The name an import binds: its alias, or the last part of its path. */
    public static String importName(Stmt.Import i) {
        return i.alias() != null ? i.alias().id() : i.path().substring(i.path().lastIndexOf('.') + 1);
    }

    private Symbol declare(Map<String, Symbol> scope, Symbol.Kind kind, Expr.Name name, Node declaration, Node owner) {
        Symbol sym = scope.get(name.id());
        if (sym == null) {
            sym = new Symbol(kind, name.id(), name.span(), declaration, owner, module);
            scope.put(name.id(), sym);
        }
        out.declared.putIfAbsent(declaration, sym);
        out.names.put(name, sym);
        return sym;
    }

    /** Declares (in {@code into}) the names a statement, or the statements in its branches, assigns. */
    private void assigned(Stmt s, Map<String, Symbol> into, Symbol.Kind kind, Node owner) {
        switch (s) {
            case Stmt.Assign a -> a.targets().forEach(t -> {
                Expr.Name root = Nodes.targetRoot(t);
                if (root != null) {
                    declare(into, kind, root, a, owner).addWriter(a);
                }
            });
            case Stmt.AugAssign a -> {
                if (a.target() instanceof Expr.Name n) {
                    declare(into, kind, n, a, owner).addWriter(a);
                }
            }
            case Stmt.Unification u -> declare(into, kind, u.target(), u, owner).addWriter(u);
            case Stmt.SchemaAttr a -> declare(into, kind, a.name(), a, owner).addWriter(a);
            case Stmt.If i -> {
                markBranch(i.body());
                markBranch(i.orElse());
                i.body().forEach(b -> assigned(b, into, kind, owner));
                i.orElse().forEach(b -> assigned(b, into, kind, owner));
            }
            default -> {
            }
        }
    }

    private void markBranch(List<Stmt> body) {
        for (Stmt s : body) {
            out.inBranch.add(s);
            if (s instanceof Stmt.If i) {
                markBranch(i.body());
                markBranch(i.orElse());
            }
        }
    }

    // ---------------------------------------------------------------- schemas and rules

    /**
     * What a schema's body sees besides the globals: its parameters and attributes, and those of its parents
     * and mixins; not known when a mixin, an index signature or a base that is not a schema of the program is
     * involved.
     */
    private Bindings.SchemaScope schemaScope(Stmt.SchemaDecl d) {
        Bindings.SchemaScope known = out.schemas.get(d);
        if (known != null) {
            return known;
        }
        if (!computing.add(d)) {
            return new Bindings.SchemaScope(Map.of(), true); // an inheritance cycle is reported by evaluation
        }
        String saved = module;
        module = schemaModule.getOrDefault(d, module);
        try {
            Map<String, Symbol> members = new LinkedHashMap<>();
            boolean complete = !d.mixin() && d.indexSignature() == null; // a mixin reads its host's attributes
            List<Expr> bases = new ArrayList<>();
            if (d.parent() != null) {
                bases.add(d.parent());
            }
            bases.addAll(d.mixins());
            if (d.forHost() != null) {
                bases.add(d.forHost());
            }
            boolean cutParent = tooManyAncestors(d);
            for (Expr base : bases) {
                Stmt.SchemaDecl b = base == d.parent() && cutParent ? null : schemaNamed(base);
                if (b == null) {
                    complete = false;
                    continue;
                }
                Bindings.SchemaScope inherited = schemaScope(b);
                inherited.members().forEach(members::putIfAbsent);
                complete &= inherited.known();
            }
            Map<String, Symbol> own = new LinkedHashMap<>();
            for (Node.Param p : d.params()) {
                declare(own, Symbol.Kind.PARAMETER, p.name(), p, d);
            }
            for (Stmt s : d.body()) {
                if (s instanceof Stmt.SchemaAttr a) {
                    declare(own, Symbol.Kind.ATTRIBUTE, a.name(), a, d).addWriter(a);
                }
            }
            for (Stmt s : d.body()) {
                if (!(s instanceof Stmt.SchemaAttr)) {
                    Map<String, Symbol> made = new LinkedHashMap<>();
                    assigned(s, made, Symbol.Kind.ATTRIBUTE, d);
                    made.forEach((name, sym) -> {
                        Symbol existing = own.get(name) != null ? own.get(name) : members.get(name);
                        if (existing == null) {
                            own.put(name, sym);
                        } else if (existing != sym) {
                            // a body statement writes an attribute declared elsewhere: bind its name there
                            rebind(s, name, existing);
                        }
                    });
                }
            }
            members.putAll(own);
            Bindings.SchemaScope result = new Bindings.SchemaScope(members, complete);
            out.schemas.put(d, result);
            return result;
        } finally {
            module = saved;
            computing.remove(d);
        }
    }

    /**
     * The most schemas a schema may inherit through. The type stage refuses a longer chain (E0310) and cuts it
     * there; scopes are cut at the same place, as the scope of a schema holds its ancestors' members and a chain
     * of thousands would cost the square of its length (5,000 schemas kept a language server busy for minutes).
     */
    public static final int MAX_ANCESTORS = 100;

    /** Whether more than {@link #MAX_ANCESTORS} schemas stand above {@code d} through its parents; walks at most that many. */
    private boolean tooManyAncestors(Stmt.SchemaDecl d) {
        String saved = module;
        Set<Stmt.SchemaDecl> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            int above = 0;
            for (Stmt.SchemaDecl at = d; at.parent() != null; ) {
                module = schemaModule.getOrDefault(at, module);
                Stmt.SchemaDecl up = schemaNamed(at.parent());
                if (up == null || !seen.add(up)) {
                    return false; // the chain ends, or is a cycle (reported elsewhere)
                }
                if (++above > MAX_ANCESTORS) {
                    return true;
                }
                at = up;
            }
            return false;
        } finally {
            module = saved;
        }
    }

    /** Points the names a body statement assigns at {@code target}, the attribute they write. */
    private void rebind(Stmt s, String name, Symbol target) {
        switch (s) {
            case Stmt.Assign a -> a.targets().forEach(t -> {
                Expr.Name root = Nodes.targetRoot(t);
                if (root != null && root.id().equals(name)) {
                    out.names.put(root, target);
                    target.addWriter(a);
                }
            });
            case Stmt.AugAssign a when a.target() instanceof Expr.Name n && n.id().equals(name) -> {
                out.names.put(n, target);
                target.addWriter(a);
            }
            case Stmt.Unification u when u.target().id().equals(name) -> {
                out.names.put(u.target(), target);
                target.addWriter(u);
            }
            case Stmt.If i -> {
                i.body().forEach(b -> rebind(b, name, target));
                i.orElse().forEach(b -> rebind(b, name, target));
            }
            default -> {
            }
        }
    }

    /** The schema declaration an expression names from the current module: {@code S} or {@code pkg.S}. */
    private Stmt.SchemaDecl schemaNamed(Expr e) {
        Symbol sym = globalNamed(e);
        return sym != null && sym.declaration() instanceof Stmt.SchemaDecl d ? d : null;
    }

    /** The global an expression names: a global of the current module, or a member of an imported package. */
    private Symbol globalNamed(Expr e) {
        Map<String, Symbol> globals = out.globals.getOrDefault(module, Map.of());
        if (e instanceof Expr.Name n) {
            return globals.get(n.id());
        }
        if (e instanceof Expr.Selector s && !s.optional() && s.value() instanceof Expr.Name pkg
                && globals.get(pkg.id()) instanceof Symbol imp && imp.kind() == Symbol.Kind.IMPORT
                && out.program.target((Stmt.Import) imp.declaration()) instanceof Program.Target.Package p
                && !p.module().broken()) {
            return out.globals.getOrDefault(p.module().name(), Map.of()).get(s.attr().id());
        }
        return null;
    }

    private void schema(Stmt.SchemaDecl d) {
        Symbol self = out.declared.get(d);
        if (self != null) {
            out.names.put(d.name(), self);
        }
        decorators(d.decorators());
        expr(d.parent());
        expr(d.forHost());
        d.mixins().forEach(this::expr);
        Bindings.SchemaScope members = schemaScope(d);
        for (Node.Param p : d.params()) {
            type(p.type());
            expr(p.defaultValue());
        }
        enter(new LinkedHashMap<>(members.members()), !members.known());
        Node.IndexSignature sig = d.indexSignature();
        if (sig != null) {
            type(sig.keyType());
            type(sig.valueType());
            Map<String, Symbol> key = new LinkedHashMap<>();
            if (sig.keyName() != null) {
                declare(key, Symbol.Kind.INDEX_KEY, sig.keyName(), sig, d);
            }
            enter(key, false);
            expr(sig.defaultValue());
            d.checks().forEach(this::check);
            leave();
        } else {
            d.checks().forEach(this::check);
        }
        d.body().forEach(this::stmt);
        leave();
    }

    private void rule(Stmt.RuleDecl r) {
        Symbol self = out.declared.get(r);
        if (self != null) {
            out.names.put(r.name(), self);
        }
        decorators(r.decorators());
        r.parents().forEach(this::expr);
        expr(r.forHost());
        Map<String, Symbol> names = new LinkedHashMap<>();
        boolean known = ruleMembers(r, names, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        for (Node.Param p : r.params()) {
            type(p.type());
            expr(p.defaultValue());
        }
        enter(names, !known);
        r.checks().forEach(this::check);
        leave();
    }

    private boolean ruleMembers(Stmt.RuleDecl r, Map<String, Symbol> into, Set<Stmt.RuleDecl> seen) {
        if (!seen.add(r)) {
            return true;
        }
        for (Node.Param p : r.params()) {
            declare(into, Symbol.Kind.PARAMETER, p.name(), p, r);
        }
        boolean known = true;
        if (r.forHost() != null) {
            Stmt.SchemaDecl host = schemaNamed(r.forHost());
            if (host == null) {
                known = false;
            } else {
                Bindings.SchemaScope hs = schemaScope(host);
                hs.members().forEach(into::putIfAbsent);
                known = hs.known();
            }
        }
        for (Expr p : r.parents()) {
            Symbol sym = globalNamed(p);
            known &= sym != null && sym.declaration() instanceof Stmt.RuleDecl parent
                    && ruleMembers(parent, into, seen);
        }
        return known;
    }

    private void check(Node.CheckExpr c) {
        expr(c.test());
        expr(c.condition());
        expr(c.message());
    }

    private void decorators(List<Node.Decorator> decorators) {
        for (Node.Decorator d : decorators) {
            d.args().forEach(this::expr);
            d.keywords().forEach(k -> expr(k.value()));
        }
    }

    // ---------------------------------------------------------------- statements

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> expr(e.expr());
            case Stmt.Assign a -> {
                type(a.type());
                expr(a.value());
                a.targets().forEach(this::target);
            }
            case Stmt.AugAssign a -> {
                expr(a.value());
                target(a.target());
            }
            case Stmt.Unification u -> {
                written(u.target());
                expr(u.value());
            }
            case Stmt.Import ignored -> {
            }
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
            case Stmt.TypeAlias t -> {
                Symbol self = out.declared.get(t);
                if (self != null) {
                    out.names.put(t.name(), self);
                }
                type(t.type());
            }
            case Stmt.SchemaDecl d -> schema(d);
            case Stmt.SchemaAttr a -> {
                decorators(a.decorators());
                type(a.type());
                expr(a.value());
                written(a.name());
            }
            case Stmt.RuleDecl r -> rule(r);
            case Stmt.Error ignored -> {
            }
        }
    }

    /** An assignment target: the name written (never an error), and the indexes read on the way to it. */
    private void target(Expr t) {
        switch (t) {
            case Expr.Name n -> written(n);
            case Expr.Selector s -> target(s.value());
            case Expr.Subscript s -> {
                target(s.value());
                expr(s.index());
            }
            default -> {
            }
        }
    }

    /** Binds a name being written to the symbol it writes, when one is visible (it is declared by the write). */
    private void written(Expr.Name n) {
        if (out.names.containsKey(n)) {
            return;
        }
        Symbol sym = lookup(n.id());
        if (sym != null) {
            out.names.put(n, sym);
        }
    }

    // ---------------------------------------------------------------- expressions

    private void expr(Expr e) {
        if (e == null) {
            return;
        }
        switch (e) {
            case Expr.Name n -> use(n);
            case Expr.Selector s -> {
                expr(s.value());
                member(s);
            }
            case Expr.Call c -> {
                expr(c.func());
                c.args().forEach(this::expr);
                c.keywords().forEach(k -> expr(k.value()));
            }
            case Expr.SchemaInst s -> {
                expr(s.schema());
                s.args().forEach(this::expr);
                s.keywords().forEach(k -> expr(k.value()));
                expr(s.config());
            }
            case Expr.ConfigLit c -> {
                enter(new LinkedHashMap<>(), false);
                entries(c.entries());
                leave();
            }
            case Expr.Cast c -> {
                expr(c.value());
                type(c.type());
            }
            case Expr.Lambda l -> lambda(l);
            case Expr.ListComp c -> {
                int depth = clauses(c.clauses());
                expr(c.element());
                leave(depth);
            }
            case Expr.DictComp c -> {
                int depth = clauses(c.clauses());
                expr(c.key());
                expr(c.value());
                leave(depth);
            }
            case Expr.Quantified q -> {
                expr(q.target());
                Map<String, Symbol> vars = new LinkedHashMap<>();
                q.variables().forEach(v -> declare(vars, Symbol.Kind.LOOP_VARIABLE, v, q, null));
                enter(vars, false);
                expr(q.test());
                expr(q.condition());
                leave();
            }
            default -> {
                for (Node child : Nodes.children(e)) {
                    if (child instanceof Expr x) {
                        expr(x);
                    } else if (child instanceof TypeExpr t) {
                        type(t);
                    }
                }
            }
        }
    }

    /** {@code pkg.member} where {@code pkg} is an import: the member's symbol. */
    private void member(Expr.Selector s) {
        if (s.optional() || !(s.value() instanceof Expr.Name pkg) || !(out.names.get(pkg) instanceof Symbol imp)
                || imp.kind() != Symbol.Kind.IMPORT) {
            return;
        }
        Program.Target target = out.program.target((Stmt.Import) imp.declaration());
        Symbol member = switch (target) {
            case Program.Target.Package p -> out.globals.getOrDefault(p.module().name(), Map.of()).get(s.attr().id());
            case Program.Target.Kubernetes k -> kubernetesTypes.computeIfAbsent(k.path() + "." + s.attr().id(),
                    key -> new Symbol(Symbol.Kind.KUBERNETES_TYPE, s.attr().id(), null, null, null, k.path()));
            case null, default -> null;
        };
        if (member != null) {
            out.members.put(s, member);
            out.names.put(s.attr(), member);
        }
    }

    private void entries(List<ConfigEntry> entries) {
        for (ConfigEntry entry : entries) {
            switch (entry) {
                case ConfigEntry.KeyValue kv -> {
                    key(kv.key());
                    expr(kv.value());
                    Expr.Name first = firstKeyName(kv.key());
                    String firstText = first != null ? first.id() : firstKeyText(kv.key());
                    if (firstText != null) {
                        Symbol sym = scope.names().get(firstText);
                        if (sym == null) {
                            sym = new Symbol(Symbol.Kind.CONFIG_KEY, firstText, kv.key().span(), kv, null, module);
                            scope.names().put(firstText, sym);
                        }
                        sym.addWriter(kv);
                    } else {
                        leave();
                        enter(new LinkedHashMap<>(), true); // a computed key may be any name later entries read
                    }
                }
                case ConfigEntry.Unpack u -> {
                    expr(u.value());
                    leave();
                    enter(new LinkedHashMap<>(), true); // `**e` may set any key, which later entries may read
                }
                case ConfigEntry.If i -> {
                    expr(i.condition());
                    entries(i.entries());
                    entries(i.orElse());
                }
                case ConfigEntry.Error ignored -> {
                }
            }
        }
    }

    /** A config key is a name (or a dotted path) written, not read; other keys are expressions. */
    private void key(Expr k) {
        switch (k) {
            case Expr.Name ignored -> {
            }
            case Expr.Selector s when firstKeyName(s) != null -> {
            }
            case Expr.Subscript s when s.value() instanceof Expr.Name -> expr(s.index());
            default -> expr(k);
        }
    }

    /** The first name of a key written as a name or a dotted path ({@code a} of {@code a.b.c}), else null. */
    private static Expr.Name firstKeyName(Expr k) {
        Expr root = k;
        while (root instanceof Expr.Selector s && !s.optional()) {
            root = s.value();
        }
        boolean whole = root == k;
        return switch (root) {
            case Expr.Name n -> n;
            case Expr.Subscript s when whole && s.value() instanceof Expr.Name n -> n;
            default -> null;
        };
    }

    /** A key written as a string literal ({@code "a": 1}), which later entries read as a name too. */
    private static String firstKeyText(Expr k) {
        return k instanceof Expr.StrLit s ? s.value() : null;
    }

    private void lambda(Expr.Lambda l) {
        Map<String, Symbol> locals = new LinkedHashMap<>();
        for (Node.Param p : l.params()) {
            type(p.type());
            expr(p.defaultValue());
            declare(locals, Symbol.Kind.PARAMETER, p.name(), p, l);
        }
        type(l.returnType());
        l.body().forEach(s -> assigned(s, locals, Symbol.Kind.LOCAL, l));
        enter(locals, false);
        l.body().forEach(this::stmt);
        leave();
    }

    /** Enters one scope per clause (each clause's iterable sees the variables of the clauses before it). */
    private int clauses(List<Node.CompClause> clauses) {
        for (Node.CompClause c : clauses) {
            expr(c.iter());
            Map<String, Symbol> vars = new LinkedHashMap<>();
            c.targets().forEach(t -> declare(vars, Symbol.Kind.LOOP_VARIABLE, t, c, null));
            enter(vars, false);
            c.conditions().forEach(this::expr);
        }
        return clauses.size();
    }

    private void type(TypeExpr t) {
        if (t == null) {
            return;
        }
        if (t instanceof TypeExpr.Named n) {
            if (n.name() instanceof Expr.Name name) {
                if (TYPE_WORDS.contains(name.id())) {
                    return;
                }
                Symbol sym = lookupType(name.id());
                if (sym != null) {
                    out.names.put(name, sym);
                } else if (report) {
                    Set<String> types = new LinkedHashSet<>(TYPE_WORDS);
                    types.addAll(visible());
                    types.removeAll(builtinNames);
                    out.diagnostics.add(Diagnostic.error(Code.E0306, name.span(), "unknown type `" + name.id() + "`")
                            .suggesting(name.id(), types));
                }
            } else if (n.name() instanceof Expr.Selector sel && sel.value() instanceof Expr.Name root
                    && lookupType(root.id()) instanceof Symbol sym) {
                out.names.put(root, sym); // `pkg.S`: the import is found past open scopes, as a type name is
                member(sel);
            } else {
                expr(n.name());
            }
            return;
        }
        for (Node child : Nodes.children(t)) {
            if (child instanceof TypeExpr c) {
                type(c);
            }
        }
    }

    private void use(Expr.Name n) {
        Symbol sym = lookup(n.id());
        if (sym != null) {
            out.names.put(n, sym);
            return;
        }
        if (inOpenScope(n.id())) {
            return;
        }
        if (builtinNames.contains(n.id())) {
            out.names.put(n, builtins.computeIfAbsent(n.id(),
                    id -> new Symbol(Symbol.Kind.BUILTIN, id, null, null, null, null)));
            return;
        }
        if (!report) {
            return;
        }
        out.diagnostics.add(NameErrors.undefined(n.span(), n.id(), visible(), systemModules));
    }

    /**
     * The symbol {@code id} names from the current scope: the innermost scope that declares it, unless an open
     * scope (which may hold any name) comes first.
     */
    private Symbol lookup(String id) {
        for (Scope s = scope; s != null; s = s.parent()) {
            Symbol sym = s.names().get(id);
            if (sym != null) {
                return sym;
            }
            if (s.open()) {
                return null;
            }
        }
        return null;
    }

    /** A type name: only globals and imports name types, so open scopes (which hold attributes) are looked past. */
    private Symbol lookupType(String id) {
        for (Scope s = scope; s != null; s = s.parent()) {
            Symbol sym = s.names().get(id);
            if (sym != null) {
                return sym;
            }
        }
        return null;
    }

    private boolean inOpenScope(String id) {
        for (Scope s = scope; s != null; s = s.parent()) {
            if (s.open()) {
                return true;
            }
        }
        return false;
    }

    private Set<String> visible() {
        Set<String> names = new LinkedHashSet<>();
        for (Scope s = scope; s != null; s = s.parent()) {
            names.addAll(s.names().keySet());
        }
        names.addAll(builtinNames);
        return names;
    }

    private void enter(Map<String, Symbol> names, boolean open) {
        scope = new Scope(scope, names, open);
    }

    private void leave() {
        scope = scope.parent();
    }

    private void leave(int depth) {
        for (int i = 0; i < depth; i++) {
            leave();
        }
    }
}
