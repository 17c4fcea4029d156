package dev.skiff.lint;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.modules.Program;
import dev.skiff.resolve.Bindings;
import dev.skiff.resolve.Symbol;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Node;
import dev.skiff.syntax.Nodes;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names of one module: private top-level names and lambda locals that are never read (E0604), and public
 * top-level names that a second statement assigns again (E0606), which evaluation refuses when it gets there.
 *
 * <p>A name read where the resolver cannot tell what it stands for (inside a mixin's body, after {@code **} in a
 * config) counts as a read of every name so spelled: a warning that may be wrong is worse than none.
 */
final class NameLints {
    private NameLints() {
    }

    static void check(Program.Module module, Bindings bindings, List<Diagnostic> out) {
        Set<Symbol> read = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> unknown = new HashSet<>();
        for (SourceUnit u : module.units()) {
            u.body().forEach(s -> Reads.of(s, n -> {
                Symbol sym = bindings.symbol(n);
                if (sym == null) {
                    unknown.add(n.id());
                } else {
                    read.add(sym);
                }
            }));
        }
        read.addAll(bindings.members().values()); // `pkg._x`: KCL lets another module read a private name
        for (Symbol sym : bindings.globals(module.name()).values()) {
            if (unusedPrivate(sym) && !read.contains(sym) && !unknown.contains(sym.name())) {
                out.add(Diagnostic.warning(Code.E0604, sym.span(), describe(sym) + " `" + sym.name()
                        + "` is " + (sym.kind() == Symbol.Kind.VARIABLE ? "assigned" : "declared") + " but never used")
                        .withHint("remove it, or use it; a private (`_`) name is not part of the output"));
            }
            if (sym.kind() == Symbol.Kind.VARIABLE && sym.isPublic()) {
                reassigned(sym, module, out);
            }
        }
        unusedLocals(module, bindings, read, unknown, out);
    }

    private static boolean unusedPrivate(Symbol sym) {
        return !sym.isPublic() && !sym.name().equals("_") && sym.span() != null && switch (sym.kind()) {
            case VARIABLE, SCHEMA, RULE, TYPE_ALIAS -> true;
            default -> false;
        };
    }

    private static String describe(Symbol sym) {
        return switch (sym.kind()) {
            case SCHEMA -> "schema";
            case RULE -> "rule";
            case TYPE_ALIAS -> "type";
            case LOCAL -> "local variable";
            default -> "private variable";
        };
    }

    /** A lambda's locals that nothing in the lambda reads (a name starting with {@code _} is meant to be unused). */
    private static void unusedLocals(Program.Module module, Bindings bindings, Set<Symbol> read, Set<String> unknown,
                                     List<Diagnostic> out) {
        Set<SourceUnit> units = Collections.newSetFromMap(new IdentityHashMap<>());
        units.addAll(module.units());
        Map<Symbol, Boolean> seen = new IdentityHashMap<>();
        for (Map.Entry<Expr.Name, Symbol> e : bindings.names().entrySet()) {
            Symbol sym = e.getValue();
            if (sym.kind() != Symbol.Kind.LOCAL || sym.name().startsWith("_") || seen.put(sym, true) != null
                    || !(sym.owner() instanceof Expr.Lambda l) || sym.span() == null
                    || module != bindings.program().moduleOf(sym.span().file())) {
                continue;
            }
            if (!read.contains(sym) && !unknown.contains(sym.name()) && !returned(l, sym)) {
                out.add(Diagnostic.warning(Code.E0604, sym.span(), "local variable `" + sym.name()
                                + "` is assigned but never used")
                        .withHint("remove it, or name it `_" + sym.name() + "` to say it is meant to be unused"));
            }
        }
    }

    /** Whether the lambda's last statement assigns the local (its value is then the lambda's result). */
    private static boolean returned(Expr.Lambda l, Symbol sym) {
        if (l.body().isEmpty()) {
            return false;
        }
        Stmt last = l.body().get(l.body().size() - 1);
        return sym.writers().contains(last);
    }

    // ---------------------------------------------------------------- reassigned immutable names

    /** Where a statement sits: the {@code if} statements around it, and in which branch of each (0 body, 1 else). */
    private record Place(List<Stmt.If> ifs, List<Integer> branches) {
    }

    private static void reassigned(Symbol sym, Program.Module module, List<Diagnostic> out) {
        List<Node> writers = new ArrayList<>();
        for (Node w : sym.writers()) {
            boolean counts = switch (w) {
                case Stmt.Unification ignored -> false; // `x: S {…}` again unifies, as KCL allows
                case Stmt.AugAssign a -> !(a.value() instanceof Expr.SchemaInst);
                case Stmt.Assign a -> a.value() != null;
                default -> false;
            };
            if (counts) {
                writers.add(w);
            }
        }
        if (writers.size() < 2) {
            return;
        }
        Map<Node, Place> places = places(module);
        for (int i = 1; i < writers.size(); i++) {
            Node w = writers.get(i);
            for (int j = 0; j < i; j++) {
                Node earlier = writers.get(j);
                if (!exclusive(places.get(earlier), places.get(w))) {
                    Expr.Name at = writtenName(w, sym.name());
                    out.add(Diagnostic.warning(Code.E0606, at == null ? w.span() : at.span(), "`" + sym.name()
                                    + "` is assigned again, but top-level names are immutable: this statement fails "
                                    + "when it runs")
                            .withLabel(sym.span(), "`" + sym.name() + "` is first assigned here")
                            .withHint("name it `_" + sym.name() + "` to make it a mutable private variable"));
                    break;
                }
            }
        }
    }

    /** Two statements in different branches of one {@code if} never both run. */
    private static boolean exclusive(Place a, Place b) {
        if (a == null || b == null) {
            return false;
        }
        int n = Math.min(a.ifs().size(), b.ifs().size());
        for (int i = 0; i < n; i++) {
            if (a.ifs().get(i) != b.ifs().get(i)) {
                return false;
            }
            if (!a.branches().get(i).equals(b.branches().get(i))) {
                return true;
            }
        }
        return false;
    }

    private static Map<Node, Place> places(Program.Module module) {
        Map<Node, Place> out = new IdentityHashMap<>();
        for (SourceUnit u : module.units()) {
            place(u.body(), new Place(List.of(), List.of()), out);
        }
        return out;
    }

    private static void place(List<Stmt> body, Place at, Map<Node, Place> out) {
        for (Stmt s : body) {
            out.put(s, at);
            if (s instanceof Stmt.If i) {
                place(i.body(), extend(at, i, 0), out);
                place(i.orElse(), extend(at, i, 1), out);
            }
        }
    }

    private static Place extend(Place p, Stmt.If i, int branch) {
        List<Stmt.If> ifs = new ArrayList<>(p.ifs());
        ifs.add(i);
        List<Integer> branches = new ArrayList<>(p.branches());
        branches.add(branch);
        return new Place(List.copyOf(ifs), List.copyOf(branches));
    }

    /** The written name {@code id} in a statement's targets. */
    private static Expr.Name writtenName(Node statement, String id) {
        List<Expr> targets = switch (statement) {
            case Stmt.Assign a -> a.targets();
            case Stmt.AugAssign a -> List.of(a.target());
            default -> List.of();
        };
        for (Expr t : targets) {
            Expr.Name root = Nodes.targetRoot(t);
            if (root != null && root.id().equals(id)) {
                return root;
            }
        }
        return null;
    }
}
