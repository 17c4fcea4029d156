package dev.skiff.fuzz;

import dev.skiff.grammar.SkiffLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Mutations of program text, from small to large: characters, tokens (as Skiff's lexer cuts them), lines,
 * encodings and line endings, deep nesting spliced in, huge literals, and lines taken from another program.
 * Each mutation names itself, so a finding says how its input was made.
 */
final class Mutator {
    private static final String CHARS = "()[]{}:,.=+-*/%<>!&|^~@#\\\"' \t\n\r$?;_aZ09éπ😀\u00a0\u200b\u2028\ufeff\u0000\u001b";
    private static final String[] TOKENS = {"if", "elif", "else", "schema", "import", "lambda", "for", "in", "not", "and",
        "or", "is", "as", "assert", "check", "mixin", "rule", "protocol", "type", "True", "None", "Undefined", "all", "any",
        "map", "filter", "**", "*", "...", "->", "|=", "+=", ":", "=", "?", ".", "$if", "0x", "1e309", "1Ki", "-1",
        "\"\"\"", "r'", "${", "}", "\\\n", "\n", "    ", "\t", "x", "_x", "[]", "{}", "()", "@deco"};

    private final Random r;
    private final List<String> corpus;

    Mutator(Random r, List<String> corpus) {
        this.r = r;
        this.corpus = corpus;
    }

    /** A mutated text and the names of the mutations applied. */
    record Mutant(String text, String how) {
    }

    Mutant mutate(String text, int times) {
        StringBuilder how = new StringBuilder();
        String t = text;
        for (int i = 0; i < times; i++) {
            int kind = r.nextInt(100);
            String name;
            // mostly small edits; the large ones are few, as each costs the time of thousands of small ones
            if (kind < 30) {
                name = "char";
                t = charMutation(t);
            } else if (kind < 60) {
                name = "token";
                t = tokenMutation(t);
            } else if (kind < 80) {
                name = "line";
                t = lineMutation(t);
            } else if (kind < 88) {
                name = "encoding";
                t = encoding(t);
            } else if (kind < 92) {
                name = "nesting";
                t = nest(t);
            } else if (kind < 95) {
                name = "huge";
                t = huge(t);
            } else {
                name = "splice";
                t = splice(t);
            }
            how.append(how.isEmpty() ? "" : "+").append(name);
        }
        return new Mutant(t, how.toString());
    }

    // ---------------------------------------------------------------- characters

    private String charMutation(String t) {
        int at = t.isEmpty() ? 0 : r.nextInt(t.length() + 1);
        String c = randomChar();
        return switch (r.nextInt(4)) {
            case 0 -> t.substring(0, at) + c + t.substring(at);
            case 1 -> at < t.length() ? t.substring(0, at) + t.substring(at + 1) : t;
            case 2 -> at < t.length() ? t.substring(0, at) + c + t.substring(at + 1) : t + c;
            default -> {
                int len = Math.min(t.length() - at, 1 + r.nextInt(40));
                yield t.substring(0, at) + t.substring(at, at + len).repeat(2) + t.substring(at + len);
            }
        };
    }

    private String randomChar() {
        int i = r.nextInt(CHARS.length());
        return Character.isHighSurrogate(CHARS.charAt(i)) ? CHARS.substring(i, i + 2)
                : Character.isLowSurrogate(CHARS.charAt(i)) ? CHARS.substring(i - 1, i + 1) : CHARS.substring(i, i + 1);
    }

    // ---------------------------------------------------------------- tokens

    private String tokenMutation(String t) {
        List<int[]> spans = tokens(t);
        if (spans.isEmpty()) {
            return t + randomToken();
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        return switch (r.nextInt(5)) {
            case 0 -> t.substring(0, s[0]) + t.substring(s[1]);                                  // delete
            case 1 -> t.substring(0, s[1]) + " " + t.substring(s[0], s[1]) + t.substring(s[1]); // duplicate
            case 2 -> t.substring(0, s[0]) + randomToken() + t.substring(s[1]);                 // replace
            case 3 -> t.substring(0, s[0]) + randomToken() + " " + t.substring(s[0]);           // insert
            default -> {                                                                         // swap with another
                int[] o = spans.get(r.nextInt(spans.size()));
                if (o[0] == s[0]) {
                    yield t;
                }
                int[] a = o[0] < s[0] ? o : s;
                int[] b = o[0] < s[0] ? s : o;
                if (a[1] > b[0]) {
                    yield t;
                }
                yield t.substring(0, a[0]) + t.substring(b[0], b[1]) + t.substring(a[1], b[0]) + t.substring(a[0], a[1])
                        + t.substring(b[1]);
            }
        };
    }

    private String randomToken() {
        if (r.nextInt(4) == 0 && !corpus.isEmpty()) {
            String other = corpus.get(r.nextInt(corpus.size()));
            List<int[]> spans = tokens(other.length() > 4000 ? other.substring(0, 4000) : other);
            if (!spans.isEmpty()) {
                int[] s = spans.get(r.nextInt(spans.size()));
                return other.substring(s[0], s[1]);
            }
        }
        return TOKENS[r.nextInt(TOKENS.length)];
    }

    /** Start and end offsets of the tokens the lexer finds (comments included, layout tokens not). */
    static List<int[]> tokens(String t) {
        List<int[]> out = new ArrayList<>();
        SkiffLexer lexer = new SkiffLexer(CharStreams.fromString(t));
        lexer.removeErrorListeners();
        for (Token tok = lexer.nextToken(); tok.getType() != Token.EOF; tok = lexer.nextToken()) {
            if (tok.getStopIndex() >= tok.getStartIndex() && tok.getStartIndex() >= 0 && tok.getStopIndex() < t.length()) {
                out.add(new int[] {tok.getStartIndex(), tok.getStopIndex() + 1});
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- lines

    private String lineMutation(String t) {
        List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
        int i = r.nextInt(lines.size());
        int j = r.nextInt(lines.size());
        switch (r.nextInt(7)) {
            case 0 -> lines.remove(i);
            case 1 -> lines.add(i, lines.get(j));
            case 2 -> {
                String x = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, x);
            }
            case 3 -> lines.set(i, " ".repeat(1 + r.nextInt(8)) + lines.get(i));
            case 4 -> lines.set(i, lines.get(i).stripLeading());
            case 5 -> {
                if (i + 1 < lines.size()) {
                    lines.set(i, lines.get(i) + (r.nextBoolean() ? " " : "") + lines.remove(i + 1).strip());
                }
            }
            default -> {
                String x = lines.get(i);
                int at = x.isEmpty() ? 0 : r.nextInt(x.length());
                lines.set(i, x.substring(0, at));
                lines.add(i + 1, " ".repeat(r.nextInt(9)) + x.substring(at));
            }
        }
        return String.join("\n", lines);
    }

    // ---------------------------------------------------------------- encodings

    private String encoding(String t) {
        return switch (r.nextInt(7)) {
            case 0 -> t.replace("\n", "\r\n");
            case 1 -> t.replace("\n", "\r");
            case 2 -> "\ufeff" + t;
            case 3 -> t.replace("    ", "\t");
            case 4 -> t.replaceFirst("\n", "\r");
            case 5 -> t.replace("\n", "\u2028");
            default -> t.replace("a", "\u0430"); // Cyrillic a: looks the same, is another name
        };
    }

    // ---------------------------------------------------------------- deep nesting and huge literals

    private static final int[] DEPTHS = {20, 50, 99, 100, 101, 150, 199, 200, 201, 300, 1000, 3000, 10000};

    private String nest(String t) {
        Pathological.Shape shape = Pathological.Shape.values()[r.nextInt(Pathological.Shape.values().length)];
        String deep = Pathological.nested(shape, Pathological.cap(shape, DEPTHS[r.nextInt(DEPTHS.length)]));
        return r.nextBoolean() ? t + "\n" + deep : insertAtLineStart(t, deep);
    }

    private String huge(String t) {
        int n = 1 << (4 + r.nextInt(r.nextInt(4) == 0 ? 14 : 8)); // 16 … 2048 mostly, up to 131072
        String big = switch (r.nextInt(7)) {
            case 0 -> "_long = \"" + "x".repeat(n * 8) + "\"\n";
            case 1 -> "_digits = " + "9".repeat(Math.min(n, 5000)) + "\n";
            case 2 -> Pathological.longList(n);
            case 3 -> Pathological.manyStatements(Math.min(n, 20000));
            case 4 -> "_" + "n".repeat(n) + " = 1\n";
            case 5 -> "# " + "c".repeat(n * 4) + "\n";
            default -> "_f = 1e" + (300 + r.nextInt(20)) + "\n_g = " + "1".repeat(20) + "Pi\n";
        };
        return insertAtLineStart(t, big);
    }

    private String splice(String t) {
        if (corpus.isEmpty()) {
            return t;
        }
        String[] other = corpus.get(r.nextInt(corpus.size())).split("\n", -1);
        int from = r.nextInt(other.length);
        int to = Math.min(other.length, from + 1 + r.nextInt(12));
        String piece = String.join("\n", java.util.Arrays.copyOfRange(other, from, to)) + "\n";
        return insertAtLineStart(t, piece);
    }

    private String insertAtLineStart(String t, String piece) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        int at = starts.get(r.nextInt(starts.size()));
        return t.substring(0, at) + piece + (piece.endsWith("\n") ? "" : "\n") + t.substring(at);
    }
}
