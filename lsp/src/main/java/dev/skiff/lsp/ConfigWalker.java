package dev.skiff.lsp;

import dev.skiff.syntax.ConfigEntry;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every config literal of a document whose schema is known (a user schema, a Kubernetes kind, a CRD), with
 * the keys written in it. Code actions use it to find where required fields are missing; cross-file
 * references use it to find the config keys that name a schema attribute.
 */
final class ConfigWalker {
    /** One config literal and the schema expected there. */
    record Visit(Expr.ConfigLit config, SchemaInfo schema) {
        /** The keys the literal sets ({@code a.b = …} sets {@code a}). */
        Set<String> present() {
            Set<String> out = new LinkedHashSet<>();
            collect(config.entries(), out);
            return out;
        }

        private static void collect(List<ConfigEntry> entries, Set<String> out) {
            for (ConfigEntry e : entries) {
                if (e instanceof ConfigEntry.KeyValue kv) {
                    Expr k = kv.key();
                    while (k instanceof Expr.Selector sel) {
                        k = sel.value();
                    }
                    if (k instanceof Expr.Name n) {
                        out.add(n.id());
                    } else if (k instanceof Expr.StrLit s) {
                        out.add(s.value());
                    }
                } else if (e instanceof ConfigEntry.If i) {
                    collect(i.entries(), out);
                    collect(i.orElse(), out);
                }
            }
        }

        /** Required attributes the literal does not set, in the schema's order. */
        List<SchemaInfo.Attr> missing() {
            Set<String> present = present();
            List<SchemaInfo.Attr> out = new ArrayList<>();
            for (SchemaInfo.Attr at : schema.attrs()) {
                if (at.required() && !present.contains(at.name())) {
                    out.add(at);
                }
            }
            return out;
        }
    }

    private final Analysis a;
    private final List<Visit> out = new ArrayList<>();

    private ConfigWalker(Analysis a) {
        this.a = a;
    }

    static List<Visit> configs(Analysis a) {
        ConfigWalker w = new ConfigWalker(a);
        if (a.unit != null) {
            a.unit.body().forEach(w::stmt);
        }
        return w.out;
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.Assign as -> expr(as.value(), as.type() == null ? null : a.typeSchema(as.type()));
            case Stmt.Unification u -> expr(u.value(), null);
            case Stmt.ExprStmt e -> expr(e.expr(), null);
            case Stmt.If i -> {
                i.body().forEach(this::stmt);
                i.orElse().forEach(this::stmt);
            }
            case Stmt.SchemaDecl d -> {
                for (Stmt b : d.body()) {
                    if (b instanceof Stmt.SchemaAttr at) {
                        expr(at.value(), at.type() == null ? null : a.typeSchema(at.type()));
                    } else {
                        stmt(b);
                    }
                }
            }
            case null, default -> {
            }
        }
    }

    private void expr(Expr e, SchemaInfo expected) {
        switch (e) {
            case null -> {
            }
            case Expr.SchemaInst s -> {
                if (s.config() != null) {
                    expr(s.config(), a.schemaOf(s.schema()).orElse(null));
                }
            }
            case Expr.ConfigLit c -> {
                if (expected != null) {
                    out.add(new Visit(c, expected));
                }
                c.entries().forEach(entry -> entry(entry, expected));
            }
            case Expr.ListLit l -> l.items().forEach(item -> expr(item, expected));
            case Expr.ListIf l -> {
                l.items().forEach(item -> expr(item, expected));
                l.orElse().forEach(item -> expr(item, expected));
            }
            case Expr.ListComp c -> expr(c.element(), expected);
            case Expr.Paren p -> expr(p.value(), expected);
            case Expr.IfElse i -> {
                expr(i.then(), expected);
                expr(i.orElse(), expected);
            }
            case Expr.Binary b -> {
                expr(b.left(), expected);
                expr(b.right(), expected);
            }
            case Expr.Call c -> c.args().forEach(arg -> expr(arg, null));
            case Expr.Lambda l -> l.body().forEach(this::stmt);
            default -> {
            }
        }
    }

    private void entry(ConfigEntry entry, SchemaInfo expected) {
        if (entry instanceof ConfigEntry.KeyValue kv) {
            expr(kv.value(), expected == null ? null : Analysis.attrPath(expected, kv.key()));
        } else if (entry instanceof ConfigEntry.If i) {
            i.entries().forEach(x -> entry(x, expected));
            i.orElse().forEach(x -> entry(x, expected));
        }
    }
}
