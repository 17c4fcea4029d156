package dev.skiff.types;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Suggestions;
import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Nodes;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import dev.skiff.syntax.TypeExpr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds names that are read but defined nowhere they could be seen from, before evaluation and in code that
 * may never run: a check block, a lambda that is not called, a branch not taken. KCL reports these when it
 * compiles; evaluation alone would find only those on the path it takes, one at a time.
 *
 * <p>Scopes follow the evaluator's: the module's globals (in any order, across its files) and builtins; a
 * schema's attributes (its own, its parents' and mixins', in any order), parameters and index-signature key;
 * a lambda's parameters and locals; comprehension and quantifier variables; and inside a config, the keys set
 * earlier in it (KCL lets {@code {a = 1, b = a + 1}} read {@code a}). Where a scope cannot be known from this
 * module alone (a parent schema from another module, a mixin body, a schema with an index signature whose
 * keys may be any name, a config after {@code **} unpacking) names in it are not reported.
 */
public final class NameChecker {
    /** Type names that are not schemas: written as names in annotations such as {@code x: list}. */
    private static final Set<String> TYPE_WORDS = Set.of("int", "float", "str", "bool", "any", "list", "dict",
            "number", "None", "Undefined");

    private final Set<String> builtins;
    private final Set<String> systemModules;
    private final Map<String, Stmt.SchemaDecl> schemas = new HashMap<>();
    private final Map<String, Stmt.RuleDecl> rules = new HashMap<>();
    private final List<Diagnostic> problems = new ArrayList<>();
    private Scope scope;

    private NameChecker(Set<String> builtins, Set<String> systemModules) {
        this.builtins = builtins;
        this.systemModules = systemModules;
    }

    /** A set of names visible together; an open scope may hold names that cannot be known statically. */
    private record Scope(Scope parent, Set<String> names, boolean open) {
        boolean sees(String id) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.open || s.names.contains(id)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The names read in {@code module} (its files together) that are not defined, each with a "did you mean"
     * hint where a visible name is close. {@code builtins} are the names every module sees; a name of one of
     * the {@code systemModules} gets a hint to import it.
     */
    public static List<Diagnostic> check(List<SourceUnit> module, Set<String> builtins, Set<String> systemModules) {
        NameChecker c = new NameChecker(builtins, systemModules);
        Set<String> globals = new LinkedHashSet<>();
        for (SourceUnit u : module) {
            u.body().forEach(s -> c.declareGlobal(s, globals));
        }
        c.scope = new Scope(null, globals, false);
        for (SourceUnit u : module) {
            u.body().forEach(c::stmt);
        }
        return List.copyOf(c.problems);
    }

    /**
     * {@link #check} over the main module and every Skiff package it imports, directly or not (each once;
     * a package that cannot be loaded is left to evaluation, which reports why).
     */
    public static List<Diagnostic> checkProgram(List<SourceUnit> main, dev.skiff.modules.ModuleResolver resolver,
                                                Set<String> builtins, Set<String> systemModules) {
        List<Diagnostic> out = new ArrayList<>(check(main, builtins, systemModules));
        Set<String> seen = new HashSet<>();
        java.util.ArrayDeque<List<SourceUnit>> todo = new java.util.ArrayDeque<>();
        todo.add(main);
        while (!todo.isEmpty()) {
            for (SourceUnit u : todo.poll()) {
                for (Stmt s : u.body()) {
                    if (!(s instanceof Stmt.Import i) || i.path().startsWith("k8s.") || i.path().startsWith("crds.")) {
                        continue;
                    }
                    dev.skiff.modules.Resolution r;
                    try {
                        r = resolver.resolve(i.path(), u.file());
                    } catch (RuntimeException e) {
                        continue;
                    }
                    if (r instanceof dev.skiff.modules.Resolution.Package p && p.diagnostics().isEmpty()
                            && seen.add(p.canonicalName())) {
                        out.addAll(check(p.files(), builtins, systemModules));
                        todo.add(p.files());
                    }
                }
            }
        }
        return out;
    }

    private void declareGlobal(Stmt s, Set<String> globals) {
        switch (s) {
            case Stmt.SchemaDecl d -> {
                schemas.put(d.name().id(), d);
                globals.add(d.name().id());
            }
            case Stmt.RuleDecl r -> {
                rules.put(r.name().id(), r);
                globals.add(r.name().id());
            }
            case Stmt.TypeAlias t -> globals.add(t.name().id());
            case Stmt.Import i -> globals.add(i.alias() != null ? i.alias().id()
                    : i.path().substring(i.path().lastIndexOf('.') + 1));
            case Stmt.If i -> {
                i.body().forEach(b -> declareGlobal(b, globals));
                i.orElse().forEach(b -> declareGlobal(b, globals));
            }
            default -> assigned(s, globals);
        }
    }

    /** The names a statement (or the statements in its branches) assigns. */
    private static void assigned(Stmt s, Set<String> into) {
        switch (s) {
            case Stmt.Assign a -> a.targets().forEach(t -> {
                Expr.Name root = Nodes.targetRoot(t);
                if (root != null) {
                    into.add(root.id());
                }
            });
            case Stmt.AugAssign a -> {
                if (a.target() instanceof Expr.Name n) {
                    into.add(n.id());
                }
            }
            case Stmt.Unification u -> into.add(u.target().id());
            case Stmt.SchemaAttr a -> into.add(a.name().id());
            case Stmt.If i -> {
                i.body().forEach(b -> assigned(b, into));
                i.orElse().forEach(b -> assigned(b, into));
            }
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------- statements

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> expr(e.expr());
            case Stmt.Assign a -> {
                type(a.type());
                expr(a.value());
                for (Expr t : a.targets()) {
                    if (!(t instanceof Expr.Name)) {
                        targetParts(t);
                    }
                }
            }
            case Stmt.AugAssign a -> {
                expr(a.value());
                if (!(a.target() instanceof Expr.Name)) {
                    targetParts(a.target());
                }
            }
            case Stmt.Unification u -> expr(u.value());
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
            case Stmt.TypeAlias t -> type(t.type());
            case Stmt.SchemaDecl d -> schema(d);
            case Stmt.SchemaAttr a -> {
                decorators(a.decorators());
                type(a.type());
                expr(a.value());
            }
            case Stmt.RuleDecl r -> rule(r);
            case Stmt.Error ignored -> {
            }
        }
    }

    /** {@code a.b[i] = v}: the indexes are reads; the root is the name written. */
    private void targetParts(Expr t) {
        switch (t) {
            case Expr.Selector s -> targetParts(s.value());
            case Expr.Subscript s -> {
                targetParts(s.value());
                expr(s.index());
            }
            default -> {
            }
        }
    }

    private void schema(Stmt.SchemaDecl d) {
        decorators(d.decorators());
        expr(d.parent());
        expr(d.forHost());
        d.mixins().forEach(this::expr);
        for (Node.Param p : d.params()) {
            type(p.type());
            expr(p.defaultValue());
        }
        Set<String> names = new HashSet<>();
        boolean known = members(d, names, identitySet());
        enter(names, !known);
        Node.IndexSignature sig = d.indexSignature();
        if (sig != null) {
            type(sig.keyType());
            type(sig.valueType());
            enter(sig.keyName() == null ? Set.of() : Set.of(sig.keyName().id()), false);
            expr(sig.defaultValue());
            d.checks().forEach(this::check);
            leave();
        } else {
            d.checks().forEach(this::check);
        }
        d.body().forEach(this::stmt);
        leave();
    }

    private static final int MAX_ANCESTORS = 100;

    /**
     * A set of syntax nodes by identity: a record's hashCode walks its whole subtree, which made a chain of
     * thousands of inheriting schemas take minutes.
     */
    private static <T> Set<T> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    /**
     * Collects what a schema body sees besides the globals: its parameters and attributes and those of its
     * parents and mixins. False when some of them cannot be known from this module.
     */
    private boolean members(Stmt.SchemaDecl d, Set<String> into, Set<Stmt.SchemaDecl> seen) {
        if (seen.size() > MAX_ANCESTORS) {
            return false; // evaluation refuses so long a chain; walking it for every schema cost its square
        }
        if (!seen.add(d)) {
            return true; // an inheritance cycle is reported by evaluation
        }
        boolean known = !d.mixin() && d.indexSignature() == null; // a mixin reads its host's attributes
        d.params().forEach(p -> into.add(p.name().id()));
        d.body().forEach(s -> assigned(s, into));
        List<Expr> bases = new ArrayList<>(d.mixins());
        if (d.parent() != null) {
            bases.add(d.parent());
        }
        if (d.forHost() != null) {
            bases.add(d.forHost());
        }
        for (Expr base : bases) {
            Stmt.SchemaDecl b = base instanceof Expr.Name n ? schemas.get(n.id()) : null;
            known &= b != null && members(b, into, seen);
        }
        return known;
    }

    private void rule(Stmt.RuleDecl r) {
        decorators(r.decorators());
        r.parents().forEach(this::expr);
        expr(r.forHost());
        Set<String> names = new HashSet<>();
        boolean known = ruleMembers(r, names, identitySet());
        for (Node.Param p : r.params()) {
            type(p.type());
            expr(p.defaultValue());
        }
        enter(names, !known);
        r.checks().forEach(this::check);
        leave();
    }

    private boolean ruleMembers(Stmt.RuleDecl r, Set<String> into, Set<Stmt.RuleDecl> seen) {
        if (!seen.add(r)) {
            return true;
        }
        r.params().forEach(p -> into.add(p.name().id()));
        boolean known = true;
        if (r.forHost() != null) {
            Stmt.SchemaDecl host = r.forHost() instanceof Expr.Name n ? schemas.get(n.id()) : null;
            known = host != null && members(host, into, identitySet());
        }
        for (Expr p : r.parents()) {
            Stmt.RuleDecl parent = p instanceof Expr.Name n ? rules.get(n.id()) : null;
            known &= parent != null && ruleMembers(parent, into, seen);
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

    // ---------------------------------------------------------------- expressions

    private void expr(Expr e) {
        if (e == null) {
            return;
        }
        switch (e) {
            case Expr.Name n -> use(n);
            case Expr.Selector s -> expr(s.value()); // the attribute is not a name in scope
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
                enter(new HashSet<>(), false);
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
                Set<String> vars = new HashSet<>();
                q.variables().forEach(v -> vars.add(v.id()));
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

    private void entries(List<ConfigEntry> entries) {
        for (ConfigEntry entry : entries) {
            switch (entry) {
                case ConfigEntry.KeyValue kv -> {
                    key(kv.key());
                    expr(kv.value());
                    String first = firstKeyName(kv.key());
                    if (first != null) {
                        scope.names.add(first);
                    } else {
                        leave();
                        enter(new HashSet<>(), true); // a computed key may be any name later entries read
                    }
                }
                case ConfigEntry.Unpack u -> {
                    expr(u.value());
                    leave();
                    enter(new HashSet<>(), true); // `**e` may set any key, which later entries may read
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

    private static String firstKeyName(Expr k) {
        Expr root = k;
        while (root instanceof Expr.Selector s && !s.optional()) {
            root = s.value();
        }
        boolean whole = root == k;
        return switch (root) {
            case Expr.Name n -> n.id();
            case Expr.StrLit s when whole -> s.value();
            case Expr.Subscript s when whole && s.value() instanceof Expr.Name n -> n.id();
            default -> null;
        };
    }

    private void lambda(Expr.Lambda l) {
        Set<String> locals = new HashSet<>();
        for (Node.Param p : l.params()) {
            type(p.type());
            expr(p.defaultValue());
            locals.add(p.name().id());
        }
        type(l.returnType());
        l.body().forEach(s -> assigned(s, locals));
        enter(locals, false);
        l.body().forEach(this::stmt);
        leave();
    }

    /** Enters one scope per clause (each clause's iterable sees the variables of the clauses before it). */
    private int clauses(List<Node.CompClause> clauses) {
        for (Node.CompClause c : clauses) {
            expr(c.iter());
            Set<String> vars = new HashSet<>();
            c.targets().forEach(t -> vars.add(t.id()));
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
                if (!TYPE_WORDS.contains(name.id()) && !scope.sees(name.id())) {
                    Diagnostic d = Diagnostic.error(Code.E0306, name.span(), "unknown type `" + name.id() + "`");
                    Set<String> types = new LinkedHashSet<>(TYPE_WORDS);
                    types.addAll(visible());
                    types.removeAll(builtins);
                    String hint = Suggestions.didYouMean(name.id(), types);
                    problems.add(hint == null ? d : d.withHint(hint));
                }
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
        if (scope.sees(n.id()) || builtins.contains(n.id())) {
            return;
        }
        Diagnostic d = Diagnostic.error(Code.E0201, n.span(), "name `" + n.id() + "` is not defined");
        String hint = systemModules.contains(n.id()) ? "add `import " + n.id() + "` at the top of the file"
                : Suggestions.didYouMean(n.id(), visible());
        problems.add(hint == null ? d : d.withHint(hint));
    }

    private Set<String> visible() {
        Set<String> out = new LinkedHashSet<>();
        for (Scope s = scope; s != null; s = s.parent) {
            out.addAll(s.names);
        }
        out.addAll(builtins);
        return out;
    }

    private void enter(Set<String> names, boolean open) {
        scope = new Scope(scope, names, open);
    }

    private void leave() {
        scope = scope.parent;
    }

    private void leave(int depth) {
        for (int i = 0; i < depth; i++) {
            leave();
        }
    }
}
