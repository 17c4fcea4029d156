package dev.skiff.syntax;

import dev.skiff.diag.Code;
import dev.skiff.grammar.SkiffLexer;
import dev.skiff.grammar.SkiffParser;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * String literals: quotes, raw prefixes, escapes and {@code ${expr}} interpolation (with an optional
 * {@code : #json} or {@code : #yaml} spec). A hole's expression is parsed on its own, with offsets that
 * point into the file.
 */
final class StringLiterals {
    private final BuildContext cx;
    private final ExprBuilder exprs;

    StringLiterals(BuildContext cx, ExprBuilder exprs) {
        this.cx = cx;
        this.exprs = exprs;
    }

    Expr literal(Token t) {
        Span span = cx.span(t);
        String text = span.text();
        boolean raw = !text.isEmpty() && (text.charAt(0) == 'r' || text.charAt(0) == 'R');
        int prefix = raw ? 1 : 0;
        String quote;
        if (text.startsWith("\"\"\"", prefix) || text.startsWith("'''", prefix)) {
            quote = text.substring(prefix, prefix + 3);
        } else {
            quote = text.length() > prefix ? text.substring(prefix, prefix + 1) : "\"";
        }
        int bodyStart = prefix + quote.length();
        int bodyEnd = Math.max(bodyStart, text.length() - (text.endsWith(quote) && text.length() >= bodyStart
                + quote.length() ? quote.length() : 0));
        String body = text.substring(bodyStart, bodyEnd);
        int base = span.start() + bodyStart;
        boolean[] skip = quote.length() == 3 ? dedent(body) : null;
        if (raw) {
            return new Expr.StrLit(span, skip == null ? body : kept(body, skip), true, quote);
        }
        List<Expr.StrPart> parts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean interpolated = false;
        int i = 0;
        while (i < body.length()) {
            if (skip != null && skip[i]) {
                i++;
                continue;
            }
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                i = escape(body, i, sb, base);
                continue;
            }
            if (c == '$' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
                int close = matching(body, i + 2);
                if (close < 0) {
                    cx.error(Code.E0110, Span.of(cx.file, base + i, base + body.length()),
                            "this `${` is never closed by a `}`");
                    sb.append(body, i, body.length());
                    break;
                }
                if (!sb.isEmpty()) {
                    parts.add(new Expr.Text(sb.toString()));
                    sb.setLength(0);
                }
                parts.add(hole(body.substring(i + 2, close), base + i + 2));
                interpolated = true;
                i = close + 1;
                continue;
            }
            sb.append(c);
            i++;
        }
        if (!interpolated) {
            return new Expr.StrLit(span, sb.toString(), false, quote);
        }
        if (!sb.isEmpty()) {
            parts.add(new Expr.Text(sb.toString()));
        }
        return new Expr.Interpolated(span, parts, quote);
    }

    /**
     * What KCL leaves out of a triple-quoted string: a first line that is empty (the line break right after
     * the opening quotes) and the indentation all its lines share (whitespace-only lines do not count, except
     * a last one, the closing quotes' own indentation), so blocks can be indented with the code around them.
     */
    static boolean[] dedent(String body) {
        boolean[] skip = new boolean[body.length()];
        List<int[]> lines = new ArrayList<>(); // start, end (exclusive) of each line
        int from = 0;
        for (int i = 0; i <= body.length(); i++) {
            if (i == body.length() || body.charAt(i) == '\n') {
                lines.add(new int[] {from, i});
                from = i + 1;
            }
        }
        int min = Integer.MAX_VALUE;
        for (int[] l : lines) {
            String line = body.substring(l[0], l[1]);
            if (!line.isBlank()) {
                min = Math.min(min, indent(line));
            }
        }
        int[] last = lines.get(lines.size() - 1);
        String lastLine = body.substring(last[0], last[1]);
        if (!lastLine.isEmpty() && lastLine.isBlank()) {
            min = Math.min(min, indent(lastLine));
        }
        if (min == Integer.MAX_VALUE) {
            min = 0;
        }
        if (lines.size() > 1 && lines.get(0)[1] == lines.get(0)[0]) {
            skip[lines.get(0)[1]] = true; // the line break right after the opening quotes
        }
        for (int[] l : lines) {
            int n = Math.min(min, indent(body.substring(l[0], l[1])));
            for (int k = 0; k < n; k++) {
                skip[l[0] + k] = true;
            }
        }
        return skip;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    private static String kept(String body, boolean[] skip) {
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            if (!skip[i]) {
                sb.append(body.charAt(i));
            }
        }
        return sb.toString();
    }

    private static int matching(String body, int from) {
        int depth = 0;
        char inString = 0;
        for (int i = from; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString != 0) {
                if (c == inString) {
                    inString = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                inString = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    private Expr.Hole hole(String content, int offset) {
        String expr = content;
        String spec = null;
        int colon = specColon(content);
        if (colon >= 0) {
            spec = content.substring(colon + 1).strip();
            expr = content.substring(0, colon);
            if (!spec.equalsIgnoreCase("#json") && !spec.equalsIgnoreCase("#yaml")) {
                cx.error(Code.E0110, Span.of(cx.file, offset + colon, offset + content.length()),
                        "unknown format `" + spec + "`: use `#json` or `#yaml`");
                spec = null;
            }
        }
        if (expr.isBlank()) {
            cx.error(Code.E0110, Span.of(cx.file, offset - 2, offset + content.length() + 1),
                    "`${}` needs an expression inside");
            return new Expr.Hole(new Expr.Error(Span.of(cx.file, offset, offset)), spec);
        }
        return new Expr.Hole(parseHole(expr, offset), spec);
    }

    /** The `:` before a `#json`/`#yaml` spec, outside brackets and strings; -1 when there is none. */
    private static int specColon(String content) {
        int depth = 0;
        char inString = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (inString != 0) {
                if (c == inString) {
                    inString = 0;
                }
            } else if (c == '"' || c == '\'') {
                inString = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ':' && depth == 0 && content.substring(i + 1).strip().startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    private Expr parseHole(String text, int offset) {
        SkiffLexer lexer = new SkiffLexer(CharStreams.fromString("(" + text + ")"));
        lexer.removeErrorListeners();
        SkiffParser parser = new SkiffParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            SkiffParser.HoleExprContext ctx = parser.holeExpr();
            if (!lexer.problems().isEmpty()) {
                throw new ParseCancellationException();
            }
            BuildContext inner = new BuildContext(cx.file, "(" + text + ")", offset - 1, cx.diagnostics);
            ExprBuilder b = new ExprBuilder(inner);
            b.setStatements(new StmtBuilder(inner, b));
            Expr e = b.test(ctx.test());
            return e instanceof Expr.Paren p ? p.value() : e;
        } catch (ParseCancellationException | StackOverflowError e) {
            cx.error(Code.E0110, Span.of(cx.file, offset, offset + text.length()),
                    "`" + text.strip() + "` is not a valid expression");
            return new Expr.Error(Span.of(cx.file, offset, offset + text.length()));
        }
    }

    private int escape(String body, int i, StringBuilder sb, int base) {
        char n = body.charAt(i + 1);
        switch (n) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case '\\' -> sb.append('\\');
            case '\'' -> sb.append('\'');
            case '"' -> sb.append('"');
            case 'a' -> sb.append('\u0007');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'v' -> sb.append('\u000b');
            case '$' -> sb.append('$');
            case '\n' -> {
            }
            case '\r' -> {
                if (i + 2 < body.length() && body.charAt(i + 2) == '\n') {
                    return i + 3;
                }
            }
            case 'x' -> {
                return hex(body, i, 2, sb, base);
            }
            case 'u' -> {
                return hex(body, i, 4, sb, base);
            }
            case 'U' -> {
                return hex(body, i, 8, sb, base);
            }
            default -> {
                if (n >= '0' && n <= '7') {
                    int j = i + 1;
                    int v = 0;
                    while (j < body.length() && j < i + 4 && body.charAt(j) >= '0' && body.charAt(j) <= '7') {
                        v = v * 8 + (body.charAt(j) - '0');
                        j++;
                    }
                    sb.append((char) v);
                    return j;
                }
                sb.append('\\').append(n);
            }
        }
        return i + 2;
    }

    private int hex(String body, int i, int digits, StringBuilder sb, int base) {
        int start = i + 2;
        int end = start + digits;
        if (end > body.length() || !body.substring(start, end).matches("[0-9a-fA-F]+")) {
            cx.error(Code.E0106, Span.of(cx.file, base + i, base + Math.min(end, body.length())),
                    "`\\" + body.charAt(i + 1) + "` needs exactly " + digits + " hexadecimal digits");
            return Math.min(end, body.length());
        }
        int cp = (int) Long.parseLong(body.substring(start, end), 16);
        if (!Character.isValidCodePoint(cp)) {
            cx.error(Code.E0106, Span.of(cx.file, base + i, base + end), "`\\" + body.substring(i + 1, end)
                    + "` is not a valid character");
            return end;
        }
        sb.appendCodePoint(cp);
        return end;
    }
}
