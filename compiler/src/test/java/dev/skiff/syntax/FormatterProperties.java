package dev.skiff.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.grammar.SkiffLexer;
import dev.skiff.source.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The formatter's laws over generated programs: schemas, `if` blocks, configs, lists, comprehensions and
 * comments, written with random spacing, random line breaks inside brackets, random indentation units,
 * blank lines and comments. Formatting is idempotent, keeps every token and comment, keeps the program
 * parsing, and does not change what it compiles to.
 */
class FormatterProperties {
    private static final Path AT = Path.of("target/formatter-properties/main.k").toAbsolutePath();

    @Property(tries = 200)
    void formattingIsIdempotentAndKeepsTokensAndMeaning(@ForAll long seed) {
        String program = new Gen(new Random(seed)).program();
        assertThat(Parser.parse(SourceFile.ofString("main.k", program)).diagnostics()).as(program).isEmpty();
        String once = Formatter.format(program);
        assertThat(Formatter.format(once)).as("idempotent on:\n" + program).isEqualTo(once);
        assertThat(tokens(once)).as("same tokens:\n" + program).isEqualTo(tokens(program));
        assertThat(Parser.parse(SourceFile.ofString("main.k", once)).diagnostics()).as(once).isEmpty();
        String before = output(program);
        assertThat(output(once)).as("same output:\n" + program + "\n---\n" + once).isEqualTo(before);
        net.jqwik.api.statistics.Statistics.label("compiles").collect(!before.startsWith("errors"));
        net.jqwik.api.statistics.Statistics.label("reformatted").collect(!once.equals(program));
    }

    private static String output(String text) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Compilation c = Skiff.compile(new CompileRequest(List.of(AT), Map.of(), AT.getParent(),
                new PrintStream(printed, true, StandardCharsets.UTF_8)).withOverlay(Map.of(AT, text)));
        return c.hasErrors() ? "errors: " + c.diagnostics().stream().map(d -> d.code().name()).toList()
                : printed + c.yaml();
    }

    private static List<String> tokens(String text) {
        SkiffLexer lexer = new SkiffLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getType() != SkiffLexer.NEWLINE && t.getType() != SkiffLexer.INDENT
                    && t.getType() != SkiffLexer.DEDENT && t.getType() != SkiffLexer.SEP) {
                out.add(t.getType() + ":" + t.getText());
            }
        }
        return out;
    }

    /** A random program, built as tokens and then laid out with random spacing. */
    private static final class Gen {
        private final Random r;
        private final List<String> ints = new ArrayList<>();
        private final StringBuilder out = new StringBuilder();
        private int counter;
        private int bracketDepth;

        Gen(Random r) {
            this.r = r;
        }

        String program() {
            int n = 2 + r.nextInt(6);
            for (int i = 0; i < n; i++) {
                blankLines();
                switch (r.nextInt(6)) {
                    case 0 -> schema();
                    case 1 -> ifBlock();
                    case 2 -> {
                        comment();
                        assignment("");
                    }
                    default -> assignment("");
                }
            }
            return out.toString();
        }

        private void blankLines() {
            out.append("\n".repeat(r.nextInt(3)));
        }

        private void comment() {
            if (r.nextInt(3) == 0) {
                out.append("#").append(" ".repeat(r.nextInt(2))).append("note ").append(counter).append('\n');
            }
        }

        private String indent() {
            return " ".repeat(new int[] {2, 4, 8}[r.nextInt(3)]);
        }

        private void assignment(String ind) {
            String name = "v" + counter++;
            out.append(ind).append(name).append(sp()).append("=").append(sp());
            boolean isInt = r.nextBoolean();
            emit(isInt ? intExpr(2) : expr(3), ind);
            trailing();
            if (isInt) {
                ints.add(name);
            }
        }

        private void trailing() {
            if (r.nextInt(4) == 0) {
                out.append(" ".repeat(1 + r.nextInt(3))).append("# trailing");
            }
            out.append('\n');
        }

        private void schema() {
            String name = "S" + counter++;
            String ind = indent();
            out.append("schema ").append(name).append(":").append('\n');
            if (r.nextBoolean()) {
                out.append(ind).append("\"\"\"A generated schema.\"\"\"\n");
            }
            out.append(ind).append("x").append(sp()).append(":").append(" ").append("int").append(sp()).append("=")
                    .append(sp());
            emit(intExpr(1), ind);
            out.append('\n');
            out.append(ind).append("y?:").append(" str\n");
            if (r.nextBoolean()) {
                out.append('\n').append(ind).append("check:\n").append(ind).append(ind)
                        .append("x").append(sp()).append(">=").append(sp()).append("-1000000, \"x is too small\"\n");
            }
            blankLines();
            String inst = "i" + counter++;
            out.append(inst).append(sp()).append("=").append(sp());
            emit(List.of(name, "{", "x", "=", Integer.toString(r.nextInt(100)), "}"), "");
            out.append('\n');
        }

        private void ifBlock() {
            String ind = indent();
            out.append("if ");
            emit(boolExpr(), "");
            out.append(":\n");
            assignment(ind);
            if (r.nextBoolean()) {
                out.append("else:\n");
                out.append(ind).append("w").append(counter++).append(" = 1\n");
            }
        }

        private String sp() {
            return r.nextInt(3) == 0 ? "" : " ".repeat(1 + r.nextInt(2));
        }

        /** Writes tokens with random spacing, and random line breaks (with comments) inside brackets. */
        private void emit(List<String> tokens, String ind) {
            String prev = null;
            for (String t : tokens) {
                if (prev != null) {
                    boolean words = wordy(prev) && wordy(t);
                    boolean merge = joins(prev, t);
                    if (bracketDepth > 0 && (prev.equals(",") || isOpen(prev)) && r.nextInt(3) == 0) {
                        if (r.nextInt(4) == 0) {
                            out.append("  # inside");
                        }
                        out.append('\n').append(ind).append(" ".repeat(r.nextInt(9)));
                    } else if (words || merge) {
                        out.append(" ".repeat(1 + r.nextInt(2)));
                    } else {
                        out.append(" ".repeat(r.nextInt(3)));
                    }
                }
                out.append(t);
                if (isOpen(t)) {
                    bracketDepth++;
                } else if (t.equals(")") || t.equals("]") || t.equals("}")) {
                    bracketDepth--;
                }
                prev = t;
            }
        }

        private static boolean isOpen(String t) {
            return t.equals("(") || t.equals("[") || t.equals("{");
        }

        private static boolean wordy(String t) {
            char c = t.charAt(0);
            char e = t.charAt(t.length() - 1);
            return Character.isLetterOrDigit(c) || c == '_' || c == '"' || Character.isLetterOrDigit(e) || e == '"';
        }

        /** Operator pairs that would lex as one token if written together. */
        private static boolean joins(String a, String b) {
            String ab = a + b;
            return List.of("**", "//", "==", "<=", ">=", "!=", "+=", "-=", "*=", "->").stream()
                    .anyMatch(ab::contains) && !a.equals("(") && !b.equals(")");
        }

        private List<String> intExpr(int depth) {
            List<String> t = new ArrayList<>();
            if (depth == 0 || r.nextInt(3) == 0) {
                if (!ints.isEmpty() && r.nextBoolean()) {
                    t.add(ints.get(r.nextInt(ints.size())));
                } else {
                    t.add(Integer.toString(r.nextInt(1000)));
                }
                return t;
            }
            switch (r.nextInt(4)) {
                case 0 -> {
                    t.add("(");
                    t.addAll(intExpr(depth - 1));
                    t.add(")");
                }
                case 1 -> {
                    t.add("-");
                    t.addAll(intExpr(depth - 1));
                }
                case 2 -> {
                    t.add("len");
                    t.add("(");
                    t.addAll(list(depth - 1));
                    t.add(")");
                }
                default -> {
                    t.addAll(intExpr(depth - 1));
                    t.add(List.of("+", "-", "*").get(r.nextInt(3)));
                    t.addAll(intExpr(depth - 1));
                }
            }
            return t;
        }

        private List<String> boolExpr() {
            List<String> t = new ArrayList<>();
            switch (r.nextInt(3)) {
                case 0 -> t.add(r.nextBoolean() ? "True" : "False");
                case 1 -> {
                    t.addAll(intExpr(1));
                    t.add(List.of("<", ">", "==", "!=", "<=").get(r.nextInt(5)));
                    t.addAll(intExpr(1));
                }
                default -> {
                    t.add("not");
                    t.addAll(intExpr(1));
                    t.add("in");
                    t.addAll(list(1));
                }
            }
            return t;
        }

        private List<String> list(int depth) {
            List<String> t = new ArrayList<>();
            t.add("[");
            if (r.nextInt(4) == 0) {
                t.addAll(intExpr(depth));
                t.addAll(List.of("for", "n", "in", "range", "(", Integer.toString(r.nextInt(4)), ")"));
                if (r.nextBoolean()) {
                    t.addAll(List.of("if", "n", ">", "0"));
                }
            } else {
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        t.add(",");
                    }
                    t.addAll(depth > 0 && r.nextInt(3) == 0 ? expr(depth - 1) : intExpr(0));
                }
            }
            t.add("]");
            return t;
        }

        private List<String> expr(int depth) {
            List<String> t = new ArrayList<>();
            switch (depth <= 0 ? 0 : r.nextInt(6)) {
                case 0 -> t.add(List.of("\"text\"", "'x y'", "None", "True", "1.5", "2Ki").get(r.nextInt(6)));
                case 1 -> t.addAll(list(depth - 1));
                case 2 -> {
                    t.add("{");
                    int n = r.nextInt(4);
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            t.add(r.nextBoolean() ? "," : ",");
                        }
                        t.add("k" + i);
                        t.add(r.nextBoolean() ? ":" : "=");
                        t.addAll(expr(depth - 1));
                    }
                    t.add("}");
                }
                case 3 -> {
                    t.addAll(expr(depth - 1));
                    t.add("if");
                    t.addAll(boolExpr());
                    t.add("else");
                    t.addAll(expr(depth - 1));
                }
                case 4 -> {
                    t.add("{");
                    t.addAll(List.of("str", "(", "n", ")", ":", "n", "*", "2", "for", "n", "in", "range", "("));
                    t.add(Integer.toString(r.nextInt(3)));
                    t.addAll(List.of(")", "}"));
                }
                default -> t.addAll(intExpr(depth - 1));
            }
            return t;
        }
    }
}
