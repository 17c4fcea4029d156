package dev.skiff.syntax;

import dev.skiff.grammar.SkiffParser.*;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.List;

/** Maps type annotations to {@link TypeExpr} nodes. */
final class TypeBuilder {
    private final BuildContext cx;
    private final ExprBuilder exprs;

    TypeBuilder(BuildContext cx, ExprBuilder exprs) {
        this.cx = cx;
        this.exprs = exprs;
    }

    TypeExpr type(TypeContext t) {
        if (t == null || t.typeAtom().isEmpty()) {
            return new TypeExpr.Error(cx.span(t));
        }
        if (t.typeAtom().size() == 1) {
            return atom(t.typeAtom(0));
        }
        List<TypeExpr> members = new ArrayList<>();
        for (TypeAtomContext a : t.typeAtom()) {
            members.add(atom(a));
        }
        return new TypeExpr.UnionType(cx.span(t), members);
    }

    private TypeExpr atom(TypeAtomContext a) {
        Span span = cx.span(a);
        return switch (a) {
            case NamedTypeContext n -> named(n, span);
            case NoneTypeContext n -> new TypeExpr.BasicType(span, TypeExpr.Basic.NONE);
            case ListTypeContext l -> new TypeExpr.ListType(span, l.type() == null ? null : type(l.type()));
            case DictTypeContext d -> new TypeExpr.DictType(span, d.k == null ? null : type(d.k),
                    d.v == null ? null : type(d.v));
            case LiteralTypeContext l -> literal(l, span);
            case FunctionTypeContext f -> {
                List<TypeExpr> params = new ArrayList<>();
                for (TypeContext p : f.paramTypes) {
                    params.add(type(p));
                }
                yield new TypeExpr.FunctionType(span, params, f.ret == null ? null : type(f.ret));
            }
            default -> new TypeExpr.Error(span);
        };
    }

    private TypeExpr named(NamedTypeContext n, Span span) {
        if (n.dottedName().NAME().size() == 1) {
            TypeExpr.Basic basic = switch (n.dottedName().NAME(0).getText()) {
                case "any" -> TypeExpr.Basic.ANY;
                case "bool" -> TypeExpr.Basic.BOOL;
                case "int" -> TypeExpr.Basic.INT;
                case "float" -> TypeExpr.Basic.FLOAT;
                case "str" -> TypeExpr.Basic.STR;
                default -> null;
            };
            if (basic != null) {
                return new TypeExpr.BasicType(span, basic);
            }
        }
        return new TypeExpr.Named(span, exprs.dotted(n.dottedName()));
    }

    private TypeExpr literal(LiteralTypeContext l, Span span) {
        Expr value;
        if (l.STRING() != null) {
            value = new StringLiterals(cx, exprs).literal(l.STRING().getSymbol());
        } else if (l.INT() != null) {
            value = Numbers.intLiteral(cx, l.INT().getSymbol(), span);
        } else if (l.FLOAT() != null) {
            value = Numbers.floatLiteral(cx, l.FLOAT().getSymbol(), span);
        } else {
            value = new Expr.BoolLit(span, l.TRUE() != null);
        }
        if (l.MINUS() != null) {
            value = new Expr.Unary(span, Operator.Unary.NEG, value);
        }
        return new TypeExpr.LiteralType(span, value);
    }
}
