package dev.skiff.lsp;

import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Stmt;
import dev.skiff.syntax.TypeExpr;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds every name use of a document to its declaration: globals (in any order, as Skiff resolves them),
 * schema attributes and parameters inside schema bodies, lambda parameters, loop variables. Config keys
 * are not uses; what they name is found through the schema of the config (see {@link Analysis#keyAt}).
 */
final class Binder {
    private final Analysis a;
    private final Deque<Map<String, Analysis.Decl>> scopes = new ArrayDeque<>();

    Binder(Analysis a) {
        this.a = a;
    }

    void bind() {
        if (a.unit == null) {
            return;
        }
        for (Stmt s : a.unit.body()) {
            declareGlobal(s);
        }
        scopes.push(a.globals);
        for (Stmt s : a.unit.body()) {
            stmt(s);
        }
    }

    private void declareGlobal(Stmt s) {
        switch (s) {
            case Stmt.Assign as -> {
                for (Expr t : as.targets()) {
                    if (t instanceof Expr.Name n && !a.globals.containsKey(n.id())) {
                        add(a.globals, new Analysis.Decl(n.id(), Analysis.Decl.Kind.VARIABLE, n.span(),
                                as.type() == null ? null : as.type().span().text(), null, as));
                    }
                }
            }
            case Stmt.Unification u -> {
                if (!a.globals.containsKey(u.target().id())) {
                    add(a.globals, new Analysis.Decl(u.target().id(), Analysis.Decl.Kind.VARIABLE, u.target().span(),
                            u.value().schema().span().text(), null, u));
                }
            }
            case Stmt.SchemaDecl d -> add(a.globals, new Analysis.Decl(d.name().id(), Analysis.Decl.Kind.SCHEMA,
                    d.name().span(), "schema " + d.name().id() + (d.parent() == null ? "" : "(" + d.parent().span().text() + ")"),
                    d.doc(), d));
            case Stmt.RuleDecl r -> add(a.globals, new Analysis.Decl(r.name().id(), Analysis.Decl.Kind.RULE,
                    r.name().span(), "rule " + r.name().id(), r.doc(), r));
            case Stmt.TypeAlias t -> add(a.globals, new Analysis.Decl(t.name().id(), Analysis.Decl.Kind.TYPE,
                    t.name().span(), "type " + t.name().id() + " = " + t.type().span().text(), null, t));
            case Stmt.Import i -> {
                String name = i.alias() != null ? i.alias().id() : i.path().substring(i.path().lastIndexOf('.') + 1);
                add(a.globals, new Analysis.Decl(name, Analysis.Decl.Kind.IMPORT,
                        i.alias() != null ? i.alias().span() : i.pathSpan(), i.path().replaceFirst("^\\.+", ""), null, i));
            }
            case Stmt.If i -> {
                i.body().forEach(this::declareGlobal);
                i.orElse().forEach(this::declareGlobal);
            }
            default -> {
            }
        }
    }

    private void add(Map<String, Analysis.Decl> scope, Analysis.Decl d) {
        scope.put(d.name(), d);
        a.all.add(d);
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt e -> expr(e.expr());
            case Stmt.Assign as -> {
                as.targets().forEach(t -> {
                    if (t instanceof Expr.Name n) {
                        use(n, true);
                    } else {
                        expr(t);
                    }
                });
                type(as.type());
                expr(as.value());
            }
            case Stmt.AugAssign as -> {
                expr(as.target());
                expr(as.value());
            }
            case Stmt.Unification u -> {
                use(u.target(), true);
                expr(u.value());
            }
            case Stmt.If i -> {
                expr(i.condition());
                i.body().forEach(this::stmt);
                i.orElse().forEach(this::stmt);
            }
            case Stmt.Assert as -> {
                expr(as.test());
                expr(as.condition());
                expr(as.message());
            }
            case Stmt.TypeAlias t -> type(t.type());
            case Stmt.SchemaDecl d -> schema(d);
            case Stmt.RuleDecl r -> {
                Map<String, Analysis.Decl> scope = new HashMap<>();
                params(r.params(), scope);
                scopes.push(scope);
                r.checks().forEach(this::check);
                scopes.pop();
            }
            default -> {
            }
        }
    }

    private void schema(Stmt.SchemaDecl d) {
        expr(d.parent());
        d.mixins().forEach(this::expr);
        Map<String, Analysis.Decl> scope = new HashMap<>();
        params(d.params(), scope);
        for (Stmt s : d.body()) {
            if (s instanceof Stmt.SchemaAttr at) {
                add(scope, new Analysis.Decl(at.name().id(), Analysis.Decl.Kind.ATTRIBUTE, at.name().span(),
                        at.name().id() + (at.optional() ? "?" : "") + ": " + (at.type() == null ? "any" : at.type().span().text()),
                        at.doc(), at));
            }
        }
        scopes.push(scope);
        for (Stmt s : d.body()) {
            if (s instanceof Stmt.SchemaAttr at) {
                type(at.type());
                expr(at.value());
            } else if (s instanceof Stmt.Assign as) {
                for (Expr t : as.targets()) {
                    if (t instanceof Expr.Name n && !scope.containsKey(n.id()) && !a.globals.containsKey(n.id())) {
                        add(scope, new Analysis.Decl(n.id(), Analysis.Decl.Kind.ATTRIBUTE, n.span(), n.id(), null, as));
                    }
                }
                stmt(s);
            } else {
                stmt(s);
            }
        }
        d.checks().forEach(this::check);
        scopes.pop();
    }

    private void check(Node.CheckExpr c) {
        expr(c.test());
        expr(c.condition());
        expr(c.message());
    }

    private void params(List<Node.Param> params, Map<String, Analysis.Decl> scope) {
        for (Node.Param p : params) {
            type(p.type());
            expr(p.defaultValue());
            add(scope, new Analysis.Decl(p.name().id(), Analysis.Decl.Kind.PARAMETER, p.name().span(),
                    p.name().id() + (p.type() == null ? "" : ": " + p.type().span().text()), null, p));
        }
    }

    private void type(TypeExpr t) {
        switch (t) {
            case TypeExpr.Named n -> expr(n.name());
            case TypeExpr.ListType l -> type(l.element());
            case TypeExpr.DictType d -> {
                type(d.key());
                type(d.value());
            }
            case TypeExpr.UnionType u -> u.members().forEach(this::type);
            case TypeExpr.FunctionType f -> {
                f.params().forEach(this::type);
                type(f.result());
            }
            case null, default -> {
            }
        }
    }

    private void use(Expr.Name n, boolean declaring) {
        for (Map<String, Analysis.Decl> scope : scopes) {
            Analysis.Decl d = scope.get(n.id());
            if (d != null) {
                a.uses.put(n, d);
                return;
            }
        }
        a.unresolved.add(n);
    }

    private void expr(Expr e) {
        switch (e) {
            case null -> {
            }
            case Expr.Name n -> use(n, false);
            case Expr.Selector s -> {
                a.selectors.add(s);
                expr(s.value());
            }
            case Expr.Subscript s -> {
                expr(s.value());
                expr(s.index());
            }
            case Expr.Slice s -> {
                expr(s.value());
                expr(s.lower());
                expr(s.upper());
                expr(s.step());
            }
            case Expr.Call c -> {
                expr(c.func());
                c.args().forEach(this::expr);
                c.keywords().forEach(k -> expr(k.value()));
            }
            case Expr.Interpolated s -> s.parts().forEach(p -> {
                if (p instanceof Expr.Hole h) {
                    expr(h.expr());
                }
            });
            case Expr.ListLit l -> l.items().forEach(this::expr);
            case Expr.Starred s -> expr(s.value());
            case Expr.ListIf l -> {
                expr(l.condition());
                l.items().forEach(this::expr);
                l.orElse().forEach(this::expr);
            }
            case Expr.ConfigLit c -> c.entries().forEach(this::entry);
            case Expr.SchemaInst s -> {
                expr(s.schema());
                s.args().forEach(this::expr);
                s.keywords().forEach(k -> expr(k.value()));
                expr(s.config());
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
            case Expr.Cast c -> {
                expr(c.value());
                type(c.type());
            }
            case Expr.Lambda l -> {
                Map<String, Analysis.Decl> scope = new HashMap<>();
                params(l.params(), scope);
                scopes.push(scope);
                l.body().forEach(s -> {
                    if (s instanceof Stmt.Assign as) {
                        for (Expr t : as.targets()) {
                            if (t instanceof Expr.Name n && !scope.containsKey(n.id())) {
                                add(scope, new Analysis.Decl(n.id(), Analysis.Decl.Kind.VARIABLE, n.span(), n.id(), null, as));
                            }
                        }
                    }
                    stmt(s);
                });
                scopes.pop();
            }
            case Expr.ListComp c -> comprehension(c.clauses(), () -> expr(c.element()));
            case Expr.DictComp c -> comprehension(c.clauses(), () -> {
                expr(c.key());
                expr(c.value());
            });
            case Expr.Quantified q -> {
                expr(q.target());
                Map<String, Analysis.Decl> scope = new HashMap<>();
                q.variables().forEach(v -> add(scope, new Analysis.Decl(v.id(), Analysis.Decl.Kind.LOOP_VARIABLE,
                        v.span(), v.id(), null, q)));
                scopes.push(scope);
                expr(q.test());
                expr(q.condition());
                scopes.pop();
            }
            case Expr.Paren p -> expr(p.value());
            default -> {
            }
        }
    }

    private void comprehension(List<Node.CompClause> clauses, Runnable body) {
        Map<String, Analysis.Decl> scope = new HashMap<>();
        scopes.push(scope);
        for (Node.CompClause c : clauses) {
            expr(c.iter());
            c.targets().forEach(t -> add(scope, new Analysis.Decl(t.id(), Analysis.Decl.Kind.LOOP_VARIABLE,
                    t.span(), t.id(), null, c)));
            c.conditions().forEach(this::expr);
        }
        body.run();
        scopes.pop();
    }

    private void entry(ConfigEntry e) {
        switch (e) {
            case ConfigEntry.KeyValue kv -> {
                if (!(kv.key() instanceof Expr.Name) && !(kv.key() instanceof Expr.Selector)
                        && !(kv.key() instanceof Expr.StrLit)) {
                    expr(kv.key());
                }
                expr(kv.value());
            }
            case ConfigEntry.Unpack u -> expr(u.value());
            case ConfigEntry.If i -> {
                expr(i.condition());
                i.entries().forEach(this::entry);
                i.orElse().forEach(this::entry);
            }
            default -> {
            }
        }
    }
}
