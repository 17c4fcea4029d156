package dev.skiff.eval.lib.template;

import java.util.List;
import java.util.Map;

/**
 * The tree of a parsed template: text, expressions to output, and blocks. Every node knows its offset in the
 * template text, for messages.
 */
sealed interface Node {
    int offset();

    /** Text copied as it is. */
    record Text(String text, int offset) implements Node {
    }

    /** {@code {{expr}}} (HTML-escaped) or {@code {{{expr}}}} (as it is). */
    record Output(Expr expr, boolean escape, int offset) implements Node {
    }

    /**
     * {@code {{#helper args}}body{{else}}inverse{{/helper}}}; {@code {{else if x}}} makes the inverse a block of
     * its own.
     */
    record Block(Expr.Call open, List<Node> body, List<Node> inverse, int offset) implements Node {
    }

    /** What can stand inside a tag: a path, a literal, or a helper applied to arguments. */
    sealed interface Expr {
        int offset();

        /**
         * A path to a value: {@code name.field}, {@code this}, {@code ../up}, {@code @index}, {@code @root.a}.
         *
         * @param up       how many {@code ../} precede it
         * @param data     whether it names a data variable ({@code @index}, {@code @key}, {@code @root}, …)
         * @param segments the names after {@code this} (empty for {@code this} itself)
         */
        record Path(int up, boolean data, List<String> segments, String text, int offset) implements Expr {
        }

        /** A string, number, boolean or null written in the tag. */
        record Literal(Object value, int offset) implements Expr {
        }

        /** A helper with positional and {@code key=value} arguments; a sub-expression is written in parentheses. */
        record Call(String helper, List<Expr> args, Map<String, Expr> hash, int offset) implements Expr {
        }
    }
}
