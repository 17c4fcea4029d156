package dev.skiff.syntax;

import dev.skiff.source.Span;
import java.util.List;

/** Statements, at the top level of a file and inside schema, lambda and {@code if} bodies. */
public sealed interface Stmt extends Node {

    /** An expression on its own line (at the top level its value is output, as in KCL). */
    record ExprStmt(Span span, Expr expr) implements Stmt {
    }

    /**
     * {@code a = b = value} or {@code a: T = value}. Targets are {@link Expr.Name}s, or selector and
     * subscript chains rooted at a name ({@code a.b = 1}).
     */
    record Assign(Span span, List<Expr> targets, TypeExpr type, Expr value) implements Stmt {
        public Assign {
            targets = List.copyOf(targets);
        }
    }

    /** {@code target op= value}, e.g. {@code x += 1}. */
    record AugAssign(Span span, Expr target, Operator.Binary op, Expr value) implements Stmt {
    }

    /** {@code target: S {…}} — unify a schema instance into {@code target}. */
    record Unification(Span span, Expr.Name target, Expr.SchemaInst value) implements Stmt {
    }

    /**
     * {@code import path as alias}. {@code path} is the dotted path as written, with any leading dots of a
     * relative import; {@code alias} is null when absent.
     */
    record Import(Span span, String path, Span pathSpan, Expr.Name alias) implements Stmt {
    }

    /** {@code if}/{@code elif}/{@code else}; an {@code elif} is a nested If alone in {@code orElse} with {@code elif} set. */
    record If(Span span, Expr condition, List<Stmt> body, List<Stmt> orElse, boolean elif) implements Stmt {
        public If {
            body = List.copyOf(body);
            orElse = List.copyOf(orElse);
        }
    }

    /** {@code assert test if condition, message}. */
    record Assert(Span span, Expr test, Expr condition, Expr message) implements Stmt {
    }

    /** {@code type Name = T}. */
    record TypeAlias(Span span, Expr.Name name, TypeExpr type) implements Stmt {
    }

    /**
     * A schema declaration.
     *
     * @param mixin    declared with {@code mixin}
     * @param protocol declared with {@code protocol}
     * @param parent   the base schema ({@code schema B(A):}), or null
     * @param forHost  {@code for Host} of a mixin or protocol, or null
     * @param doc      the docstring, or null
     * @param body     attribute declarations ({@link SchemaAttr}) and other statements, in order
     */
    record SchemaDecl(Span span, List<Node.Decorator> decorators, Expr.Name name, boolean mixin, boolean protocol,
                      List<Node.Param> params, Expr parent, Expr forHost, List<Expr> mixins, String doc,
                      Node.IndexSignature indexSignature, List<Stmt> body, List<Node.CheckExpr> checks)
            implements Stmt {
        public SchemaDecl {
            decorators = List.copyOf(decorators);
            params = List.copyOf(params);
            mixins = List.copyOf(mixins);
            body = List.copyOf(body);
            checks = List.copyOf(checks);
        }
    }

    /**
     * A schema attribute: {@code name?: T = default}. {@code op} is how the default combines ({@code =}
     * or {@code :}); null value when there is no default. {@code pipe} marks {@code name: T |= value}: the
     * default is the inherited one {@code |} value.
     */
    record SchemaAttr(Span span, List<Node.Decorator> decorators, Expr.Name name, boolean optional, TypeExpr type,
                      Operator.Config op, Expr value, String doc, boolean pipe) implements Stmt {
        public SchemaAttr {
            decorators = List.copyOf(decorators);
        }

        public SchemaAttr(Span span, List<Node.Decorator> decorators, Expr.Name name, boolean optional, TypeExpr type,
                          Operator.Config op, Expr value, String doc) {
            this(span, decorators, name, optional, type, op, value, doc, false);
        }
    }

    /** A rule declaration: a named set of checks. */
    record RuleDecl(Span span, List<Node.Decorator> decorators, Expr.Name name, List<Node.Param> params,
                    List<Expr> parents, Expr forHost, String doc, List<Node.CheckExpr> checks) implements Stmt {
        public RuleDecl {
            decorators = List.copyOf(decorators);
            params = List.copyOf(params);
            parents = List.copyOf(parents);
            checks = List.copyOf(checks);
        }
    }

    /** A statement that could not be parsed. */
    record Error(Span span) implements Stmt {
    }
}
