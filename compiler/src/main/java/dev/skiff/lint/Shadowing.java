package dev.skiff.lint;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.modules.Program;
import dev.skiff.resolve.Bindings;
import dev.skiff.resolve.Symbol;
import dev.skiff.source.Span;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Nodes;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names that hide another of the same spelling (E0605): a lambda's local variable that hides a top-level name of
 * the module (an import, a schema, a variable) or a name of an enclosing lambda or comprehension — assigning it
 * does not change the outer one, which is what the writer may have meant; a comprehension's or quantifier's
 * variable that hides a name of an enclosing lambda or comprehension, so the outer one cannot be read in it.
 * Parameters are not reported (a callback or an immediately called {@code (lambda x {…})(x)} names its parameter
 * after what it is given, on purpose), nor a loop variable spelled as a top-level name (plainly local, and common).
 */
final class Shadowing {
    /** A name of an enclosing scope and what introduced it. */
    private record Outer(Span span, String what) {
    }

    private final Bindings bindings;
    private final Map<String, Symbol> globals;
    private final List<Diagnostic> out;
    private final Deque<Map<String, Outer>> scopes = new ArrayDeque<>();

    private Shadowing(Bindings bindings, Map<String, Symbol> globals, List<Diagnostic> out) {
        this.bindings = bindings;
        this.globals = globals;
        this.out = out;
    }

    static void check(Program.Module module, Bindings bindings, List<Diagnostic> out) {
        Shadowing s = new Shadowing(bindings, bindings.globals(module.name()), out);
        for (SourceUnit u : module.units()) {
            u.body().forEach(s::visit);
        }
    }

    private void visit(Node n) {
        switch (n) {
            case Expr.Lambda l -> lambda(l);
            case Expr.ListComp c -> {
                int depth = clauses(c.clauses());
                visit(c.element());
                leave(depth);
            }
            case Expr.DictComp c -> {
                int depth = clauses(c.clauses());
                visit(c.key());
                visit(c.value());
                leave(depth);
            }
            case Expr.Quantified q -> {
                visit(q.target());
                Map<String, Outer> vars = new LinkedHashMap<>();
                q.variables().forEach(v -> declare(v, "variable", false, vars));
                scopes.push(vars);
                visitAll(q.test(), q.condition());
                scopes.pop();
            }
            default -> Nodes.children(n).forEach(this::visit);
        }
    }

    private void visitAll(Node... nodes) {
        for (Node n : nodes) {
            if (n != null) {
                visit(n);
            }
        }
    }

    private void lambda(Expr.Lambda l) {
        Map<String, Outer> names = new LinkedHashMap<>();
        for (Node.Param p : l.params()) {
            visitAll(p.type(), p.defaultValue());
            names.putIfAbsent(p.name().id(), new Outer(p.name().span(), "parameter"));
        }
        locals(l, l.body(), names);
        scopes.push(names);
        l.body().forEach(this::visit);
        scopes.pop();
    }

    /** The locals a lambda's statements declare (in its {@code if} branches too), each at its first assignment. */
    private void locals(Expr.Lambda l, List<Stmt> body, Map<String, Outer> into) {
        for (Stmt s : body) {
            List<Expr> targets = switch (s) {
                case Stmt.Assign a -> a.targets();
                case Stmt.AugAssign a -> List.of(a.target());
                case Stmt.Unification u -> List.of(u.target());
                default -> List.of();
            };
            for (Expr t : targets) {
                Expr.Name root = Nodes.targetRoot(t);
                Symbol sym = root == null ? null : bindings.symbol(root);
                if (sym != null && sym.kind() == Symbol.Kind.LOCAL && sym.owner() == l
                        && root.span().equals(sym.span()) && !into.containsKey(root.id())) {
                    declare(root, "local variable", true, into);
                }
            }
            if (s instanceof Stmt.If i) {
                locals(l, i.body(), into);
                locals(l, i.orElse(), into);
            }
        }
    }

    private int clauses(List<Node.CompClause> clauses) {
        for (Node.CompClause c : clauses) {
            visit(c.iter());
            Map<String, Outer> vars = new LinkedHashMap<>();
            c.targets().forEach(t -> declare(t, "variable", false, vars));
            scopes.push(vars);
            c.conditions().forEach(this::visit);
        }
        return clauses.size();
    }

    private void leave(int depth) {
        for (int i = 0; i < depth; i++) {
            scopes.pop();
        }
    }

    /** Declares {@code name} in {@code scope}, reporting what it hides. */
    private void declare(Expr.Name name, String what, boolean hidesGlobals, Map<String, Outer> scope) {
        String id = name.id();
        if (!id.equals("_")) {
            Outer hidden = null;
            for (Map<String, Outer> s : scopes) {
                hidden = s.get(id);
                if (hidden != null) {
                    break;
                }
            }
            if (hidden != null) {
                out.add(Diagnostic.warning(Code.E0605, name.span(), what + " `" + id + "` hides the " + hidden.what()
                                + " `" + id + "` of an enclosing scope")
                        .withLabel(hidden.span(), "the hidden `" + id + "`")
                        .withHint("rename one of them"));
            } else if (hidesGlobals && globals.get(id) instanceof Symbol g && g.span() != null) {
                out.add(Diagnostic.warning(Code.E0605, name.span(), what + " `" + id + "` hides the top-level "
                                + (g.kind() == Symbol.Kind.IMPORT ? "import" : g.kind() == Symbol.Kind.SCHEMA ? "schema"
                                : "name") + " `" + id + "`")
                        .withLabel(g.span(), "the hidden `" + id + "`")
                        .withHint("rename one of them"));
            }
        }
        scope.putIfAbsent(id, new Outer(name.span(), what));
    }
}
