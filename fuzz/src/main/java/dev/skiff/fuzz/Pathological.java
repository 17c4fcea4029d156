package dev.skiff.fuzz;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Programs built to stress one dimension: nesting of every kind the grammar has, long literals, many
 * statements. The mutator splices them into other programs; the parsing benchmark grows them to show how
 * time grows with size.
 */
public final class Pathological {
    private Pathological() {
    }

    /** The kinds of nesting. */
    public enum Shape {
        BRACKETS, PARENS, CONFIGS, IF_BLOCKS, IF_ENTRIES, UNCLOSED_IF_ENTRIES, LIST_IFS, LAMBDA_IFS, DOTTED_KEY, UNARY,
        NOT, BINARY, CALLS, TERNARY, SELECTORS, INDEXES, INTERPOLATION, INHERITANCE, INSTANCES, LAMBDAS
    }

    /** A statement (or a few) nesting {@code n} levels of {@code shape}, starting at column 0, ending with a line break. */
    public static String nested(Shape shape, int n) {
        return switch (shape) {
            case BRACKETS -> "_x = " + "[".repeat(n) + "1" + "]".repeat(n) + "\n";
            case PARENS -> "_x = " + "(".repeat(n) + "1" + ")".repeat(n) + "\n";
            case CONFIGS -> "_x = " + "{a: ".repeat(n) + "1" + "}".repeat(n) + "\n";
            case IF_BLOCKS -> ifs("", n, "_a = 1") ;
            case IF_ENTRIES -> "_x = {\n" + ifs(" ", n, "a = 1") + "}\n";
            case UNCLOSED_IF_ENTRIES -> "_x = {\n\n" + ifs("", n, "a = 1");
            case LIST_IFS -> "_x = [\n" + ifs(" ", n, "1") + "]\n";
            case LAMBDA_IFS -> "_f = lambda {\n" + ifs(" ", n, "a = 1") + "}\n";
            case DOTTED_KEY -> "_x = {" + IntStream.range(0, n).mapToObj(i -> "k").collect(Collectors.joining(".")) + " = 1}\n";
            case UNARY -> "_x = " + "-".repeat(n) + "1\n";
            case NOT -> "_x = " + "not ".repeat(n) + "True\n";
            case BINARY -> "_x = 1" + " + 1".repeat(n) + "\n";
            case CALLS -> "_x = " + "str(".repeat(n) + "1" + ")".repeat(n) + "\n";
            case TERNARY -> "_x = " + "1 if True else ".repeat(n) + "2\n";
            case SELECTORS -> "_x = " + "{a = ".repeat(Math.min(n, 150)) + "1" + "}".repeat(Math.min(n, 150)) + "\n_y = _x"
                    + ".a".repeat(n) + "\n";
            case INDEXES -> "_x = [[[1]]]\n_y = _x" + "[0]".repeat(n) + "\n";
            case INTERPOLATION -> "_x = " + "\"${".repeat(n) + "1" + "}\"".repeat(n) + "\n";
            case INHERITANCE -> "schema S0:\n    a0: int = 0\n" + IntStream.range(1, n)
                    .mapToObj(i -> "schema S" + i + "(S" + (i - 1) + "):\n    a" + i + ": int = " + i + "\n")
                    .collect(Collectors.joining()) + "_s = S" + (n - 1) + " {}\n";
            case INSTANCES -> "schema N:\n    next?: N\n_n = " + "N {next = ".repeat(n) + "None" + "}".repeat(n) + "\n";
            case LAMBDAS -> "_f = " + "lambda {".repeat(n) + "1" + "}".repeat(n) + "\n";
        };
    }

    /**
     * {@code n}, or less for the shapes whose text grows with the square of the depth (each nested {@code if}
     * is indented one column more), so that a deep one stays near 2 MB.
     */
    public static int cap(Shape shape, int n) {
        return switch (shape) {
            case IF_BLOCKS, IF_ENTRIES, UNCLOSED_IF_ENTRIES, LIST_IFS, LAMBDA_IFS -> Math.min(n, 2000);
            case INHERITANCE -> Math.min(n, 3000);
            default -> n;
        };
    }

    /** {@code n} nested {@code if True:} lines, each one column (or {@code step}) deeper, around {@code body}. */
    private static String ifs(String margin, int n, String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(margin).append(" ".repeat(i)).append("if True:\n");
        }
        return out.append(margin).append(" ".repeat(n)).append(body).append('\n').toString();
    }

    /** A one-line list literal of {@code n} elements. */
    public static String longList(int n) {
        return "_big = [" + "1, ".repeat(n) + "]\n";
    }

    /** {@code n} assignments. */
    public static String manyStatements(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append("_v").append(i).append(" = ").append(i).append('\n');
        }
        return out.toString();
    }

    /** A string literal of {@code n} characters. */
    public static String longString(int n) {
        return "_s = \"" + "x".repeat(n) + "\"\n";
    }
}
