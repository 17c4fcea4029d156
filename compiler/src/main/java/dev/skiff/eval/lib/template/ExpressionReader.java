package dev.skiff.eval.lib.template;

import dev.skiff.eval.lib.template.Node.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the content of one tag into an expression: {@code helper arg … key=value}, or a single value (a path, a
 * string, number or boolean literal, or a sub-expression in parentheses).
 */
final class ExpressionReader {
    private final String source;
    private final String text;
    private final int base;
    private int i;

    /**
     * @param source the whole template, for positions in messages
     * @param text   the tag's content
     * @param base   where {@code text} starts in {@code source}
     */
    ExpressionReader(String source, String text, int base) {
        this.source = source;
        this.text = text;
        this.base = base;
    }

    private TemplateException error(String message, int offset) {
        return new TemplateException(message, source, offset);
    }

    Expr callOrValue() throws TemplateException {
        skipSpace();
        int start = i;
        Expr first = operand();
        List<Expr> args = new ArrayList<>();
        Map<String, Expr> hash = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (i >= text.length() || text.charAt(i) == ')') {
                break;
            }
            if (text.startsWith("as |", i) || text.startsWith("as|", i)) {
                throw error("block parameters `as |…|` are not supported; use `this` and `@index`", base + i);
            }
            int keyStart = i;
            String key = identifier();
            if (key != null && i < text.length() && text.charAt(i) == '=') {
                i++;
                hash.put(key, operand());
            } else {
                i = keyStart;
                args.add(operand());
            }
        }
        if (args.isEmpty() && hash.isEmpty()) {
            return first;
        }
        if (!(first instanceof Expr.Path p) || p.up() != 0 || p.data() || p.segments().size() != 1) {
            throw error("`" + text.substring(start, Math.min(i, text.length())).strip()
                    + "` does not start with a helper name", base + start);
        }
        return new Expr.Call(p.segments().get(0), List.copyOf(args), hash, base + start);
    }

    void expectEnd() throws TemplateException {
        skipSpace();
        if (i < text.length()) {
            throw error("unexpected `" + text.substring(i) + "`", base + i);
        }
    }

    private Expr operand() throws TemplateException {
        skipSpace();
        int start = i;
        if (i >= text.length()) {
            throw error("a value is missing", base + i);
        }
        char c = text.charAt(i);
        if (c == '(') {
            i++;
            Expr inner = callOrValue();
            skipSpace();
            if (i >= text.length() || text.charAt(i) != ')') {
                throw error("the `(` is never closed by `)`", base + start);
            }
            i++;
            if (inner instanceof Expr.Path p && p.segments().size() == 1 && p.up() == 0 && !p.data()) {
                return new Expr.Call(p.segments().get(0), List.of(), Map.of(), p.offset());
            }
            return inner;
        }
        if (c == '"' || c == '\'') {
            int close = text.indexOf(c, i + 1);
            if (close < 0) {
                throw error("the string starting here is never closed", base + start);
            }
            i = close + 1;
            return new Expr.Literal(text.substring(start + 1, close), base + start);
        }
        String word = word();
        if (word.isEmpty()) {
            throw error("unexpected `" + c + "`", base + start);
        }
        if (word.matches("-?\\d+")) {
            return new Expr.Literal(Long.parseLong(word), base + start);
        }
        if (word.matches("-?\\d+\\.\\d+")) {
            return new Expr.Literal(Double.parseDouble(word), base + start);
        }
        return switch (word) {
            case "true" -> new Expr.Literal(Boolean.TRUE, base + start);
            case "false" -> new Expr.Literal(Boolean.FALSE, base + start);
            case "null", "undefined" -> new Expr.Literal(null, base + start);
            default -> path(word, base + start);
        };
    }

    /** Characters up to a space, parenthesis or {@code =}, with {@code [segment literals]} kept whole. */
    private String word() throws TemplateException {
        int start = i;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw error("the `[` is never closed by `]`", base + i);
                }
                i = close + 1;
            } else if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '=') {
                break;
            } else {
                i++;
            }
        }
        return text.substring(start, i);
    }

    private String identifier() {
        int start = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                || text.charAt(i) == '-')) {
            i++;
        }
        return i > start ? text.substring(start, i) : null;
    }

    private void skipSpace() {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
    }

    private Expr.Path path(String word, int offset) throws TemplateException {
        String rest = word;
        int up = 0;
        while (rest.startsWith("../")) {
            up++;
            rest = rest.substring(3);
        }
        boolean data = rest.startsWith("@");
        if (data) {
            rest = rest.substring(1);
        }
        List<String> segments = new ArrayList<>();
        int j = 0;
        while (j < rest.length()) {
            int end;
            String segment;
            if (rest.charAt(j) == '[') {
                end = rest.indexOf(']', j);
                segment = rest.substring(j + 1, end);
                end++;
            } else {
                end = rest.indexOf('.', j);
                end = end < 0 ? rest.length() : end;
                segment = rest.substring(j, end);
            }
            if (segment.isEmpty() && !(rest.equals(".") && j == 0)) {
                throw error("`" + word + "` is not a path", offset);
            }
            segments.add(segment);
            j = end;
            if (j < rest.length()) {
                if (rest.charAt(j) != '.') {
                    throw error("`" + word + "` is not a path", offset);
                }
                j++;
            }
        }
        if (!data && !segments.isEmpty() && (segments.get(0).equals("this") || segments.get(0).equals("."))) {
            segments.remove(0);
        }
        if (rest.equals(".")) {
            segments.clear();
        }
        return new Expr.Path(up, data, List.copyOf(segments), word, offset);
    }
}
