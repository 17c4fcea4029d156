package dev.skiff.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Generic traversal of the syntax tree: the direct children of any node, in source order. The switch is
 * exhaustive over the sealed node types, so a new kind of node does not compile until it is walked here;
 * passes that only need "every node below" use this instead of a traversal of their own.
 */
public final class Nodes {
    private Nodes() {
    }

    /** The direct children of {@code node}, in source order, without nulls. */
    public static List<Node> children(Node node) {
        List<Node> out = new ArrayList<>();
        switch (node) {
            case Expr e -> expr(e, out);
            case Stmt s -> stmt(s, out);
            case ConfigEntry c -> entry(c, out);
            case TypeExpr t -> type(t, out);
            case SourceUnit u -> out.addAll(u.body());
            case Node.Param p -> add(out, p.name(), p.type(), p.defaultValue());
            case Node.Keyword k -> add(out, k.name(), k.value());
            case Node.Decorator d -> {
                add(out, d.name());
                out.addAll(d.args());
                out.addAll(d.keywords());
            }
            case Node.CompClause c -> {
                out.addAll(c.targets());
                add(out, c.iter());
                out.addAll(c.conditions());
            }
            case Node.CheckExpr c -> add(out, c.test(), c.condition(), c.message());
            case Node.IndexSignature i -> add(out, i.keyName(), i.keyType(), i.valueType(), i.defaultValue());
            case Node.Comment ignored -> {
            }
        }
        return out;
    }

    /** True when {@code root} or a node below it matches. */
    public static boolean any(Node root, Predicate<Node> test) {
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (test.test(n)) {
                return true;
            }
            children(n).forEach(todo::push);
        }
        return false;
    }

    /**
     * The name an assignment target writes through: {@code a} for {@code a}, {@code a.b.c} and
     * {@code a[0].b}; null when the target does not start with a name.
     */
    public static Expr.Name targetRoot(Expr target) {
        Expr root = target;
        while (root instanceof Expr.Selector || root instanceof Expr.Subscript) {
            root = root instanceof Expr.Selector sel ? sel.value() : ((Expr.Subscript) root).value();
        }
        return root instanceof Expr.Name n ? n : null;
    }

    /** True when the name {@code id} is read anywhere in {@code root} (shadowing is not considered). */
    public static boolean mentions(Node root, String id) {
        return any(root, n -> n instanceof Expr.Name name && name.id().equals(id));
    }

    private static void expr(Expr e, List<Node> out) {
        switch (e) {
            case Expr.Name ignored -> {
            }
            case Expr.Selector s -> add(out, s.value(), s.attr());
            case Expr.Subscript s -> add(out, s.value(), s.index());
            case Expr.Slice s -> add(out, s.value(), s.lower(), s.upper(), s.step());
            case Expr.Call c -> {
                add(out, c.func());
                out.addAll(c.args());
                out.addAll(c.keywords());
            }
            case Expr.IntLit ignored -> {
            }
            case Expr.FloatLit ignored -> {
            }
            case Expr.StrLit ignored -> {
            }
            case Expr.Interpolated s -> {
                for (Expr.StrPart p : s.parts()) {
                    if (p instanceof Expr.Hole h) {
                        add(out, h.expr());
                    }
                }
            }
            case Expr.BoolLit ignored -> {
            }
            case Expr.NoneLit ignored -> {
            }
            case Expr.UndefinedLit ignored -> {
            }
            case Expr.ListLit l -> out.addAll(l.items());
            case Expr.Starred s -> add(out, s.value());
            case Expr.ListIf l -> {
                add(out, l.condition());
                out.addAll(l.items());
                out.addAll(l.orElse());
            }
            case Expr.ConfigLit c -> out.addAll(c.entries());
            case Expr.SchemaInst s -> {
                add(out, s.schema());
                out.addAll(s.args());
                out.addAll(s.keywords());
                add(out, s.config());
            }
            case Expr.Unary u -> add(out, u.operand());
            case Expr.Binary b -> add(out, b.left(), b.right());
            case Expr.Compare c -> {
                add(out, c.left());
                out.addAll(c.rights());
            }
            case Expr.IfElse i -> add(out, i.then(), i.condition(), i.orElse());
            case Expr.Cast c -> add(out, c.value(), c.type());
            case Expr.Lambda l -> {
                out.addAll(l.params());
                add(out, l.returnType());
                out.addAll(l.body());
            }
            case Expr.ListComp c -> {
                add(out, c.element());
                out.addAll(c.clauses());
            }
            case Expr.DictComp c -> {
                add(out, c.key(), c.value());
                out.addAll(c.clauses());
            }
            case Expr.Quantified q -> {
                out.addAll(q.variables());
                add(out, q.target(), q.test(), q.condition());
            }
            case Expr.Paren p -> add(out, p.value());
            case Expr.Error ignored -> {
            }
        }
    }

    private static void stmt(Stmt s, List<Node> out) {
        switch (s) {
            case Stmt.ExprStmt e -> add(out, e.expr());
            case Stmt.Assign a -> {
                out.addAll(a.targets());
                add(out, a.type(), a.value());
            }
            case Stmt.AugAssign a -> add(out, a.target(), a.value());
            case Stmt.Unification u -> add(out, u.target(), u.value());
            case Stmt.Import i -> add(out, i.alias());
            case Stmt.If i -> {
                add(out, i.condition());
                out.addAll(i.body());
                out.addAll(i.orElse());
            }
            case Stmt.Assert a -> add(out, a.test(), a.condition(), a.message());
            case Stmt.TypeAlias t -> add(out, t.name(), t.type());
            case Stmt.SchemaDecl d -> {
                out.addAll(d.decorators());
                add(out, d.name());
                out.addAll(d.params());
                add(out, d.parent(), d.forHost());
                out.addAll(d.mixins());
                add(out, d.indexSignature());
                out.addAll(d.body());
                out.addAll(d.checks());
            }
            case Stmt.SchemaAttr a -> {
                out.addAll(a.decorators());
                add(out, a.name(), a.type(), a.value());
            }
            case Stmt.RuleDecl r -> {
                out.addAll(r.decorators());
                add(out, r.name());
                out.addAll(r.params());
                out.addAll(r.parents());
                add(out, r.forHost());
                out.addAll(r.checks());
            }
            case Stmt.Error ignored -> {
            }
        }
    }

    private static void entry(ConfigEntry c, List<Node> out) {
        switch (c) {
            case ConfigEntry.KeyValue kv -> add(out, kv.key(), kv.value());
            case ConfigEntry.Unpack u -> add(out, u.value());
            case ConfigEntry.If i -> {
                add(out, i.condition());
                out.addAll(i.entries());
                out.addAll(i.orElse());
            }
            case ConfigEntry.Error ignored -> {
            }
        }
    }

    private static void type(TypeExpr t, List<Node> out) {
        switch (t) {
            case TypeExpr.BasicType ignored -> {
            }
            case TypeExpr.Named n -> add(out, n.name());
            case TypeExpr.ListType l -> add(out, l.element());
            case TypeExpr.DictType d -> add(out, d.key(), d.value());
            case TypeExpr.UnionType u -> out.addAll(u.members());
            case TypeExpr.LiteralType l -> add(out, l.literal());
            case TypeExpr.FunctionType f -> {
                out.addAll(f.params());
                add(out, f.result());
            }
            case TypeExpr.Error ignored -> {
            }
        }
    }

    private static void add(List<Node> out, Node... nodes) {
        for (Node n : nodes) {
            if (n != null) {
                out.add(n);
            }
        }
    }
}
