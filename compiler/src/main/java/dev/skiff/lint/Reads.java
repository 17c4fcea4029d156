package dev.skiff.lint;

import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Nodes;
import dev.skiff.syntax.Stmt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The names a piece of syntax reads, as opposed to the names it declares or writes: the attribute of {@code x.attr},
 * a keyword argument's name, a parameter, a loop variable, a config key, an assignment's target and the name in a
 * declaration are not reads. The lints count uses with it; a name written but never read is unused.
 */
final class Reads {
    private Reads() {
    }

    /** Every name read in {@code root} or below, in no particular order. */
    static void of(Node root, Consumer<Expr.Name> sink) {
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            switch (n) {
                case Expr.Name name -> sink.accept(name);
                case Expr.Selector s -> todo.push(s.value());
                case Node.Keyword k -> push(todo, k.value());
                case Node.Param p -> {
                    push(todo, p.type());
                    push(todo, p.defaultValue());
                }
                case Node.CompClause c -> {
                    push(todo, c.iter());
                    c.conditions().forEach(todo::push);
                }
                case Expr.Quantified q -> {
                    push(todo, q.target());
                    push(todo, q.test());
                    push(todo, q.condition());
                }
                case ConfigEntry.KeyValue kv -> {
                    key(kv.key(), todo);
                    push(todo, kv.value());
                }
                case Stmt.Assign a -> {
                    push(todo, a.type());
                    push(todo, a.value());
                    a.targets().forEach(t -> target(t, todo));
                }
                case Stmt.AugAssign a -> {
                    target(a.target(), todo);
                    push(todo, a.value());
                }
                case Stmt.Unification u -> push(todo, u.value());
                case Stmt.Import ignored -> {
                }
                case Node.IndexSignature i -> {
                    push(todo, i.keyType());
                    push(todo, i.valueType());
                    push(todo, i.defaultValue());
                }
                default -> {
                    Node declared = declaredName(n);
                    for (Node child : Nodes.children(n)) {
                        if (child != declared) {
                            todo.push(child);
                        }
                    }
                }
            }
        }
    }

    /** The name a declaration introduces (skipped: it is not a read). */
    private static Node declaredName(Node n) {
        return switch (n) {
            case Stmt.SchemaDecl d -> d.name();
            case Stmt.RuleDecl r -> r.name();
            case Stmt.SchemaAttr a -> a.name();
            case Stmt.TypeAlias t -> t.name();
            default -> null;
        };
    }

    /** An assignment target: its root name is written; indexes on the way are read. */
    private static void target(Expr t, Deque<Node> todo) {
        switch (t) {
            case Expr.Selector s -> target(s.value(), todo);
            case Expr.Subscript s -> {
                target(s.value(), todo);
                push(todo, s.index());
            }
            case Expr.Name ignored -> {
            }
            default -> todo.push(t);
        }
    }

    /** A config key written as a name or dotted path is not a read; a computed key is. */
    private static void key(Expr k, Deque<Node> todo) {
        Expr root = k;
        while (root instanceof Expr.Selector s && !s.optional()) {
            root = s.value();
        }
        switch (root) {
            case Expr.Name ignored -> {
            }
            case Expr.Subscript s when s.value() instanceof Expr.Name n -> {
                todo.push(n); // `n[i]: v` reads a variable `n` when the config has no key `n`
                push(todo, s.index());
            }
            default -> todo.push(k);
        }
    }

    private static void push(Deque<Node> todo, Node n) {
        if (n != null) {
            todo.push(n);
        }
    }
}
