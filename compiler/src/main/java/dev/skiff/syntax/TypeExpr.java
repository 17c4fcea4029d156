package dev.skiff.syntax;

import dev.skiff.source.Span;
import java.util.List;

/** Type annotations. */
public sealed interface TypeExpr extends Node {

    /** The builtin scalar types and {@code any}. */
    enum Basic { ANY, BOOL, INT, FLOAT, STR, NONE }

    record BasicType(Span span, Basic kind) implements TypeExpr {
    }

    /** A schema or type alias, possibly qualified by a module: {@code Person}, {@code apps.Deployment}. */
    record Named(Span span, Expr name) implements TypeExpr {
    }

    /** {@code [T]}, or {@code []} with a null element type. */
    record ListType(Span span, TypeExpr element) implements TypeExpr {
    }

    /** {@code {K:V}}, or {@code {}} with null key and value types. */
    record DictType(Span span, TypeExpr key, TypeExpr value) implements TypeExpr {
    }

    record UnionType(Span span, List<TypeExpr> members) implements TypeExpr {
        public UnionType {
            members = List.copyOf(members);
        }
    }

    /** A literal type: {@code "Always"}, {@code 1}, {@code True}; the literal is a literal Expr. */
    record LiteralType(Span span, Expr literal) implements TypeExpr {
    }

    /** {@code (A, B) -> R}; {@code result} is null when no {@code -> R} is written (any result). */
    record FunctionType(Span span, List<TypeExpr> params, TypeExpr result) implements TypeExpr {
        public FunctionType {
            params = List.copyOf(params);
        }
    }

    record Error(Span span) implements TypeExpr {
    }
}
