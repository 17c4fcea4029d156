package dev.skiff.syntax;

import dev.skiff.source.Span;
import java.util.List;

/** Expressions. Lists inside records are immutable copies; optional parts are null when absent. */
public sealed interface Expr extends Node {

    /** An identifier. */
    record Name(Span span, String id) implements Expr {
    }

    /** {@code value.attr}, or {@code value?.attr} when {@code optional}. */
    record Selector(Span span, Expr value, Name attr, boolean optional) implements Expr {
    }

    /** {@code value[index]}, or {@code value?[index]} when {@code optional}. */
    record Subscript(Span span, Expr value, Expr index, boolean optional) implements Expr {
    }

    /** {@code value[lower:upper:step]}; each bound may be null. */
    record Slice(Span span, Expr value, Expr lower, Expr upper, Expr step, boolean optional) implements Expr {
    }

    /** {@code func(args, name=value)}. */
    record Call(Span span, Expr func, List<Expr> args, List<Node.Keyword> keywords) implements Expr {
        public Call {
            args = List.copyOf(args);
            keywords = List.copyOf(keywords);
        }
    }

    /**
     * An integer literal. {@code suffix} is a number multiplier ({@code Ki}, {@code M}, …) or null; the
     * {@code value} is the number as written, before the multiplier is applied.
     */
    record IntLit(Span span, long value, String suffix) implements Expr {
    }

    /** A float literal; {@code suffix} as for {@link IntLit}. */
    record FloatLit(Span span, double value, String suffix) implements Expr {
    }

    /**
     * A string literal without interpolation, with escapes already decoded.
     *
     * @param raw    written with an {@code r} prefix
     * @param quote  the quote as written: {@code "}, {@code '}, {@code """} or {@code '''}
     */
    record StrLit(Span span, String value, boolean raw, String quote) implements Expr {
    }

    /** A string with {@code ${...}} holes: text parts and holes in order. */
    record Interpolated(Span span, List<StrPart> parts, String quote) implements Expr {
        public Interpolated {
            parts = List.copyOf(parts);
        }
    }

    /** A piece of an {@link Interpolated} string. */
    sealed interface StrPart permits Text, Hole {
    }

    /** Literal text inside an interpolated string, escapes decoded. */
    record Text(String value) implements StrPart {
    }

    /** {@code ${expr}} or {@code ${expr: #json}}; {@code spec} is {@code "#json"}, {@code "#yaml"} or null. */
    record Hole(Expr expr, String spec) implements StrPart {
    }

    record BoolLit(Span span, boolean value) implements Expr {
    }

    record NoneLit(Span span) implements Expr {
    }

    record UndefinedLit(Span span) implements Expr {
    }

    /** {@code [a, *b, if c: d]}. Items are expressions, {@link Starred} or {@link ListIf}. */
    record ListLit(Span span, List<Expr> items) implements Expr {
        public ListLit {
            items = List.copyOf(items);
        }
    }

    /** {@code *value} inside a list literal. */
    record Starred(Span span, Expr value) implements Expr {
    }

    /**
     * {@code if cond: items} inside a list literal; {@code orElse} holds the {@code else} items, or one
     * nested {@link ListIf} for {@code elif}; empty when absent.
     */
    record ListIf(Span span, Expr condition, List<Expr> items, List<Expr> orElse) implements Expr {
        public ListIf {
            items = List.copyOf(items);
            orElse = List.copyOf(orElse);
        }
    }

    /** A config (dict) literal {@code {k: v, k2 = v2, **e, if c: ...}}. */
    record ConfigLit(Span span, List<ConfigEntry> entries) implements Expr {
        public ConfigLit {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Schema instantiation {@code S {…}} or {@code S(args) {…}}; {@code schema} is a {@link Name} or
     * {@link Selector} (for {@code module.S}).
     */
    record SchemaInst(Span span, Expr schema, List<Expr> args, List<Node.Keyword> keywords, ConfigLit config)
            implements Expr {
        public SchemaInst {
            args = List.copyOf(args);
            keywords = List.copyOf(keywords);
        }
    }

    record Unary(Span span, Operator.Unary op, Expr operand) implements Expr {
    }

    /** Arithmetic, bitwise and boolean ({@code and}, {@code or}) operators. */
    record Binary(Span span, Operator.Binary op, Expr left, Expr right) implements Expr {
    }

    /** A comparison chain {@code left op1 r1 op2 r2 …}; {@code ops.size() == rights.size() >= 1}. */
    record Compare(Span span, Expr left, List<Operator.Compare> ops, List<Expr> rights) implements Expr {
        public Compare {
            ops = List.copyOf(ops);
            rights = List.copyOf(rights);
        }
    }

    /** {@code then if condition else orElse}. */
    record IfElse(Span span, Expr condition, Expr then, Expr orElse) implements Expr {
    }

    /** {@code value as Type}. */
    record Cast(Span span, Expr value, TypeExpr type) implements Expr {
    }

    /** {@code lambda params -> ret { body }}; the last expression statement of the body is the result. */
    record Lambda(Span span, List<Node.Param> params, TypeExpr returnType, List<Stmt> body) implements Expr {
        public Lambda {
            params = List.copyOf(params);
            body = List.copyOf(body);
        }
    }

    /** {@code [element for … in … if …]}. */
    record ListComp(Span span, Expr element, List<Node.CompClause> clauses) implements Expr {
        public ListComp {
            clauses = List.copyOf(clauses);
        }
    }

    /** {@code {key: value for … in … if …}}; {@code op} is how the entries combine (usually UNION). */
    record DictComp(Span span, Expr key, Operator.Config op, Expr value, List<Node.CompClause> clauses)
            implements Expr {
        public DictComp {
            clauses = List.copyOf(clauses);
        }
    }

    /** {@code all|any|map|filter x, y in target { test if condition }}. */
    record Quantified(Span span, Operator.Quantifier kind, List<Name> variables, Expr target, Expr test,
                      Expr condition) implements Expr {
        public Quantified {
            variables = List.copyOf(variables);
        }
    }

    /** {@code (value)} — kept so the formatter can print what the user wrote. */
    record Paren(Span span, Expr value) implements Expr {
    }

    /** Text that could not be parsed; a diagnostic has been reported for it. */
    record Error(Span span) implements Expr {
    }
}
