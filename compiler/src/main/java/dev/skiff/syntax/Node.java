package dev.skiff.syntax;

import dev.skiff.source.Span;

/**
 * A node of the syntax tree. Every node is an immutable record with the {@link Span} of the text it came
 * from. Later stages keep their results in identity-keyed side tables ({@code IdentityHashMap}), never in
 * the tree and never keyed by record equality (a record's {@code hashCode} walks its whole subtree).
 */
public sealed interface Node permits Expr, Stmt, TypeExpr, ConfigEntry, SourceUnit, Node.Param, Node.Keyword,
        Node.Decorator, Node.CompClause, Node.CheckExpr, Node.IndexSignature, Node.Comment {
    Span span();

    /** A parameter of a lambda, schema or rule: {@code name: type = default}. */
    record Param(Span span, Expr.Name name, TypeExpr type, Expr defaultValue) implements Node {
    }

    /** A keyword argument {@code name = value} in a call, schema instantiation or decorator. */
    record Keyword(Span span, Expr.Name name, Expr value) implements Node {
    }

    /** {@code @name(args)} before a schema, rule or schema attribute. */
    record Decorator(Span span, Expr name, java.util.List<Expr> args, java.util.List<Keyword> keywords)
            implements Node {
    }

    /** One {@code for targets in iter if cond...} clause of a comprehension. */
    record CompClause(Span span, java.util.List<Expr.Name> targets, Expr iter, java.util.List<Expr> conditions)
            implements Node {
    }

    /**
     * One line of a schema's or rule's {@code check:} block: {@code test if condition, "message"}.
     *
     * @param condition optional guard; the check applies only when it is true (null when absent)
     * @param message   optional message expression (null when absent)
     */
    record CheckExpr(Span span, Expr test, Expr condition, Expr message) implements Node {
    }

    /**
     * A schema index signature: {@code [name: str]: T = default} or {@code [...str]: T}.
     *
     * @param keyName       the bound key name, or null
     * @param anyOtherKeys  true for the {@code ...} form (only keys not declared as attributes)
     * @param defaultValue  null when absent
     */
    record IndexSignature(Span span, Expr.Name keyName, boolean anyOtherKeys, TypeExpr keyType,
                          TypeExpr valueType, Expr defaultValue) implements Node {
    }

    /** A {@code #} comment, kept so the formatter can put it back. Text includes the {@code #}. */
    record Comment(Span span, String text) implements Node {
    }
}
