package dev.skiff.lsp;

import dev.skiff.syntax.Expr;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

/** The outline: schemas with their attributes, rules, type aliases and top-level names, in order. */
final class DocumentSymbols {
    private DocumentSymbols() {
    }

    static List<DocumentSymbol> symbols(SourceUnit unit) {
        List<DocumentSymbol> out = new ArrayList<>();
        if (unit != null) {
            unit.body().forEach(s -> symbol(s, out));
        }
        return out;
    }

    private static void symbol(Stmt s, List<DocumentSymbol> out) {
        switch (s) {
            case Stmt.SchemaDecl d -> {
                DocumentSymbol sym = new DocumentSymbol(d.name().id(), SymbolKind.Class, Positions.range(d.span()),
                        Positions.range(d.name().span()), d.parent() == null ? null : "(" + d.parent().span().text() + ")");
                List<DocumentSymbol> children = new ArrayList<>();
                for (Stmt b : d.body()) {
                    if (b instanceof Stmt.SchemaAttr at) {
                        children.add(new DocumentSymbol(at.name().id(), SymbolKind.Field, Positions.range(at.span()),
                                Positions.range(at.name().span()), at.type() == null ? null : at.type().span().text()));
                    }
                }
                sym.setChildren(children);
                out.add(sym);
            }
            case Stmt.RuleDecl r -> out.add(new DocumentSymbol(r.name().id(), SymbolKind.Interface,
                    Positions.range(r.span()), Positions.range(r.name().span())));
            case Stmt.Assign as -> {
                for (Expr t : as.targets()) {
                    if (t instanceof Expr.Name n) {
                        out.add(new DocumentSymbol(n.id(), SymbolKind.Variable, Positions.range(as.span()),
                                Positions.range(n.span())));
                    }
                }
            }
            case Stmt.Unification u -> out.add(new DocumentSymbol(u.target().id(), SymbolKind.Variable,
                    Positions.range(u.span()), Positions.range(u.target().span()), u.value().schema().span().text()));
            case Stmt.TypeAlias t -> out.add(new DocumentSymbol(t.name().id(), SymbolKind.TypeParameter,
                    Positions.range(t.span()), Positions.range(t.name().span())));
            case Stmt.If i -> {
                i.body().forEach(b -> symbol(b, out));
                i.orElse().forEach(b -> symbol(b, out));
            }
            default -> {
            }
        }
    }
}
