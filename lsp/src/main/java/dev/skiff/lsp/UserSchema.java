package dev.skiff.lsp;

import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Stmt;
import dev.skiff.syntax.TypeExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A schema declared in the project: its attributes come from its declaration and its parent's. */
record UserSchema(Stmt.SchemaDecl decl, Function<Expr, Optional<SchemaInfo>> resolver) implements SchemaInfo {
    @Override
    public String name() {
        return decl.name().id();
    }

    @Override
    public String doc() {
        return decl.doc() == null ? "" : decl.doc();
    }

    @Override
    public List<Attr> attrs() {
        return attrs(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** The attributes, with the parents already visited left out: inheritance may be cyclic in a file being edited. */
    private List<Attr> attrs(java.util.Set<Stmt.SchemaDecl> seen) {
        List<Attr> out = new ArrayList<>();
        if (!seen.add(decl)) {
            return out;
        }
        if (decl.parent() != null) {
            resolver.apply(decl.parent()).ifPresent(p -> out.addAll(p instanceof UserSchema u ? u.attrs(seen) : p.attrs()));
        }
        for (Stmt s : decl.body()) {
            if (s instanceof Stmt.SchemaAttr a) {
                out.removeIf(x -> x.name().equals(a.name().id()));
                List<String> values = new ArrayList<>();
                literals(a.type(), values);
                out.add(new Attr(a.name().id(), a.type() == null ? "any" : a.type().span().text(),
                        !a.optional() && a.value() == null, a.doc() == null ? "" : a.doc(), a.name().span(), values));
            }
        }
        return out;
    }

    private static void literals(TypeExpr t, List<String> out) {
        if (t instanceof TypeExpr.LiteralType l && l.literal() instanceof Expr.StrLit s) {
            out.add(s.value());
        } else if (t instanceof TypeExpr.UnionType u) {
            u.members().forEach(m -> literals(m, out));
        }
    }

    @Override
    public Optional<SchemaInfo> attrSchema(String attr) {
        return attrSchema(attr, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private Optional<SchemaInfo> attrSchema(String attr, java.util.Set<Stmt.SchemaDecl> seen) {
        if (!seen.add(decl)) {
            return Optional.empty();
        }
        for (Stmt s : decl.body()) {
            if (s instanceof Stmt.SchemaAttr a && a.name().id().equals(attr)) {
                return schemaOf(a.type());
            }
        }
        if (decl.parent() != null) {
            return resolver.apply(decl.parent()).flatMap(p -> p instanceof UserSchema u ? u.attrSchema(attr, seen)
                    : p.attrSchema(attr));
        }
        return Optional.empty();
    }

    private Optional<SchemaInfo> schemaOf(TypeExpr t) {
        return switch (t) {
            case TypeExpr.Named n -> resolver.apply(n.name());
            case TypeExpr.ListType l -> l.element() == null ? Optional.empty() : schemaOf(l.element());
            case TypeExpr.DictType d -> d.value() == null ? Optional.empty() : schemaOf(d.value());
            case null, default -> Optional.empty();
        };
    }
}
