package dev.skiff.syntax;

import dev.skiff.grammar.SkiffLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The canonical layout of a Skiff file, in the style {@code kcl fmt} produces: four spaces per block and per
 * open bracket, one space around binary operators, {@code =} and after {@code :} and {@code ,}, none inside
 * brackets or around keyword arguments, at most one blank line in a row, a blank line around top-level
 * schemas and before a {@code check:} block. It works on the token stream, so every token — and so the
 * program's meaning — and every comment is kept exactly; only the space between them changes. Line breaks
 * stay where the author put them. Callers format only files without syntax errors.
 */
public final class Formatter {
    private static final Set<String> TYPE_NAMES = Set.of("str", "int", "float", "bool", "any");
    private static final Set<Integer> BINARY = Set.of(SkiffLexer.PLUS, SkiffLexer.MINUS, SkiffLexer.STAR,
            SkiffLexer.SLASH, SkiffLexer.DSLASH, SkiffLexer.PERCENT, SkiffLexer.DSTAR, SkiffLexer.LSHIFT,
            SkiffLexer.RSHIFT, SkiffLexer.AMP, SkiffLexer.PIPE, SkiffLexer.CARET, SkiffLexer.EQ, SkiffLexer.NE,
            SkiffLexer.LT, SkiffLexer.LE, SkiffLexer.GT, SkiffLexer.GE, SkiffLexer.ASSIGN, SkiffLexer.PLUS_ASSIGN,
            SkiffLexer.MINUS_ASSIGN, SkiffLexer.STAR_ASSIGN, SkiffLexer.SLASH_ASSIGN, SkiffLexer.DSLASH_ASSIGN,
            SkiffLexer.PERCENT_ASSIGN, SkiffLexer.DSTAR_ASSIGN, SkiffLexer.LSHIFT_ASSIGN, SkiffLexer.RSHIFT_ASSIGN,
            SkiffLexer.AMP_ASSIGN, SkiffLexer.PIPE_ASSIGN, SkiffLexer.CARET_ASSIGN, SkiffLexer.ARROW);
    private static final Set<Integer> UNARY_CAPABLE = Set.of(SkiffLexer.PLUS, SkiffLexer.MINUS, SkiffLexer.TILDE,
            SkiffLexer.STAR, SkiffLexer.DSTAR);

    private Formatter() {
    }

    /** Bracket kinds, which decide spacing inside them. */
    private enum Bracket { CALL, GROUP, SUBSCRIPT, LIST, PARAMS, BRACE, TYPE_BRACE }

    /** One source token with what the layout needs to know about it. */
    private record Tok(Token token, int type, String text, int line, int endLine, int blockDepth) {
    }

    /**
     * The canonical layout of {@code text}, which must have no syntax errors. {@link FormatCheck#format} also
     * proves that the result means the same; editors and the CLI use that.
     *
     * @throws CancellationException when the thread is interrupted while formatting
     */
    public static String format(String text) {
        List<Tok> toks = tokens(text);
        Set<Integer> spaced = new HashSet<>();
        Laid laid = layout(text, toks, spaced);
        // two tokens written without space between them may read back as one (`1 .P` as the number `1.P`,
        // `. ..` as `...`): put a space there and lay out again, until every token reads back as itself
        for (int round = 0; round < MAX_GLUE_ROUNDS; round++) {
            if (!spaced.addAll(glued(laid, toks))) {
                break;
            }
            laid = layout(text, toks, spaced);
        }
        return laid.text();
    }

    private static final int MAX_GLUE_ROUNDS = 64;

    /** A laid-out text and where each token starts in it. */
    private record Laid(String text, int[] starts) {
    }

    /**
     * The indexes of the tokens that, read back from the laid-out text, have merged into the token before
     * them (so each needs a space before it); empty when every token reads back as itself.
     */
    private static Set<Integer> glued(Laid laid, List<Tok> toks) {
        Set<Integer> out = new HashSet<>();
        List<Tok> again = tokens(laid.text());
        int i = 0;
        for (int j = 0; j < again.size() && i < toks.size(); j++) {
            Tok got = again.get(j);
            Tok want = toks.get(i);
            if (got.type() == want.type() && got.text().equals(want.text())) {
                i++;
                continue;
            }
            int gotEnd = got.token().getStopIndex() + 1;
            if (gotEnd <= laid.starts()[i] + want.text().length() || i + 1 >= toks.size()) {
                break; // read back shorter, not merged: no space fixes that (the meaning check refuses it)
            }
            out.add(i + 1);
            while (i < toks.size() && laid.starts()[i] < gotEnd) {
                i++; // the tokens this one swallowed
            }
        }
        return out;
    }

    private static Laid layout(String text, List<Tok> toks, Set<Integer> spaced) {
        int[] starts = new int[toks.size()];
        StringBuilder out = new StringBuilder();
        Deque<Bracket> brackets = new ArrayDeque<>();
        Deque<Integer> bracketIndent = new ArrayDeque<>(); // the indentation of the line each open bracket is on
        int lineIndent = 0;
        Tok prev = null;
        boolean prevUnary = false;
        int lastLine = -1;
        Deque<int[]> branches = new ArrayDeque<>();
        // the `if` entries whose conditions are being read (column, bracket depth, line); a condition may hold
        // brackets with `if` entries of their own
        Deque<int[]> owners = new ArrayDeque<>();
        Tok prevCode = null; // the previous token that is not a comment
        boolean prevTopImport = false;
        int topLevelSchemaEnd = -1;
        for (int i = 0; i < toks.size(); i++) {
            Tok t = toks.get(i);
            boolean newLine = prev == null || t.line() > prev.endLine();
            if (newLine) {
                if (prev != null) {
                    if (continuation(text, prev, t)) {
                        out.append(" \\"); // inside brackets too: there it keeps a line break from separating items
                    }
                    out.append('\n');
                    int blank = t.line() - prev.endLine() - 1;
                    boolean wantBlank = blank > 0;
                    boolean topLevel = t.blockDepth() == 0 && brackets.isEmpty();
                    boolean topLevelDecl = topLevel && startsDeclaration(toks, i);
                    if (topLevelDecl && prev.type() != SkiffLexer.COMMENT) {
                        wantBlank = true; // before top-level schemas, rules and mixins
                    }
                    if (topLevel && prevTopImport && t.type() != SkiffLexer.IMPORT && t.type() != SkiffLexer.COMMENT) {
                        wantBlank = true; // after the imports
                    }
                    if (t.blockDepth() == 0 && brackets.isEmpty() && prev.blockDepth() > 0 && topLevelSchemaEnd >= 0) {
                        wantBlank = true; // after a schema's body
                    }
                    if (isCheckBlock(toks, i) && prev.type() != SkiffLexer.COMMENT) {
                        wantBlank = true;
                    }
                    if (wantBlank) {
                        out.append('\n');
                    }
                }
                // `if`/`elif`/`else` branches inside a config, list or lambda body indent one more level
                // (only a line that starts an item can leave a branch: the parser decides by the column of the
                // item after a separator; a line that continues an item, after an operator, belongs to it)
                boolean continues = prevCode != null && !startsItem(prevCode, t);
                while (!branches.isEmpty() && (brackets.size() < branches.peek()[1]
                        || !continues && brackets.size() == branches.peek()[1]
                        && t.token().getCharPositionInLine() <= branches.peek()[0])) {
                    branches.pop();
                }
                // a line inside brackets is indented one level more than the line that opened the innermost
                // one, and a closing bracket goes back to that line's level: `[{` … `}]` is one level
                int depth;
                if (brackets.isEmpty()) {
                    depth = t.blockDepth();
                } else if (isCloser(t.type())) {
                    depth = bracketIndent.peek();
                } else {
                    int inner = 0;
                    for (int[] b : branches) {
                        inner += b[1] == brackets.size() ? 1 : 0;
                    }
                    depth = bracketIndent.peek() + 1 + inner;
                    if (!owners.isEmpty() && owners.peek()[1] == brackets.size() && t.line() > owners.peek()[2]) {
                        depth++; // the condition of an `if` entry continues on this line
                    }
                }
                lineIndent = depth;
                out.append("    ".repeat(Math.max(0, depth)));
                if (t.blockDepth() == 0 && brackets.isEmpty()) {
                    topLevelSchemaEnd = startsDeclaration(toks, i) ? i : (t.blockDepth() == 0 ? -1 : topLevelSchemaEnd);
                }
            } else if (spaced.contains(i) || space(prev, t, brackets, prevUnary, toks, i)) {
                out.append(t.type() == SkiffLexer.COMMENT ? "  " : " ");
            }
            starts[i] = out.length();
            out.append(t.text());
            boolean unary = UNARY_CAPABLE.contains(t.type()) && unaryPosition(prev);
            // brackets
            switch (t.type()) {
                case SkiffLexer.LPAREN -> brackets.push(prev != null && callable(prev) ? Bracket.CALL : Bracket.GROUP);
                case SkiffLexer.LBRACK -> brackets.push(prev != null && schemaParams(toks, i) ? Bracket.PARAMS
                        : prev != null && callable(prev) ? Bracket.SUBSCRIPT : Bracket.LIST);
                case SkiffLexer.LBRACE -> brackets.push(typeBrace(toks, i) ? Bracket.TYPE_BRACE : Bracket.BRACE);
                case SkiffLexer.RPAREN, SkiffLexer.RBRACK, SkiffLexer.RBRACE -> {
                    if (!brackets.isEmpty()) {
                        brackets.pop();
                        bracketIndent.pop();
                    }
                }
                default -> {
                }
            }
            if (t.type() == SkiffLexer.LPAREN || t.type() == SkiffLexer.LBRACK || t.type() == SkiffLexer.LBRACE) {
                bracketIndent.push(lineIndent);
            }
            // an `if` entry's branch is what follows the `:` that ends its condition, which may span lines
            if (!brackets.isEmpty() && isBranchKeyword(t.type()) && startsEntry(toks, i)) {
                owners.push(new int[] {t.token().getCharPositionInLine(), brackets.size(), t.line()});
            } else if (!owners.isEmpty() && t.type() == SkiffLexer.COLON && brackets.size() == owners.peek()[1]) {
                int[] owner = owners.pop();
                if (i + 1 >= toks.size() || toks.get(i + 1).line() > t.line()) {
                    branches.push(new int[] {owner[0], owner[1]});
                }
            }
            while (!owners.isEmpty() && brackets.size() < owners.peek()[1]) {
                owners.pop();
            }
            if (t.blockDepth() == 0 && brackets.isEmpty() && (newLine)) {
                prevTopImport = t.type() == SkiffLexer.IMPORT;
            }
            lastLine = t.endLine();
            prev = t;
            if (t.type() != SkiffLexer.COMMENT) {
                prevCode = t;
            }
            prevUnary = unary;
        }
        if (prev != null) {
            out.append('\n');
        }
        return new Laid(out.toString(), starts);
    }

    private static List<Tok> tokens(String text) {
        SkiffLexer lexer = new SkiffLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<Tok> out = new ArrayList<>();
        int depth = 0;
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            switch (t.getType()) {
                case SkiffLexer.INDENT -> depth++;
                case SkiffLexer.DEDENT -> depth = Math.max(0, depth - 1);
                case SkiffLexer.NEWLINE, SkiffLexer.SEP -> {
                }
                default -> {
                    String s = t.getText();
                    int lines = lineBreaks(s);
                    out.add(new Tok(t, t.getType(), s, t.getLine(), t.getLine() + lines, depth));
                }
            }
        }
        if (lexer.cancelled()) {
            // the lexer stops early when the thread is interrupted: a layout of the tokens read so far would be
            // a truncated file, not a format (found by the fuzzing harness as a formatter that was not idempotent)
            throw new CancellationException("formatting was cancelled");
        }
        // a comment line before a dedent belongs to the code after it: give it that code's depth
        for (int i = out.size() - 2; i >= 0; i--) {
            Tok c = out.get(i);
            Tok next = out.get(i + 1);
            if (c.type() == SkiffLexer.COMMENT && (i == 0 || out.get(i - 1).endLine() < c.line())
                    && next.blockDepth() < c.blockDepth()) {
                out.set(i, new Tok(c.token(), c.type(), c.text(), c.line(), c.endLine(), next.blockDepth()));
            }
        }
        return out;
    }

    /** Line breaks in a token's text: {@code \\n}, {@code \\r\\n} or a lone {@code \\r}, as the lexer counts them. */
    private static int lineBreaks(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n')) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether a line that begins with {@code t}, after {@code prev}, starts a new item of a list, config or
     * lambda body (or closes it), as the lexer sees it: after a separator, an opening bracket or a branch's
     * `:`, or after a token that ends an item (then the line break separates). Otherwise it continues one.
     */
    private static boolean startsItem(Tok prev, Tok t) {
        int p = prev.type();
        if (p == SkiffLexer.COMMA || p == SkiffLexer.SEMI || p == SkiffLexer.COLON || isOpener(p) || isCloser(t.type())
                || t.type() == SkiffLexer.COMMA) {
            return true;
        }
        return switch (p) {
            case SkiffLexer.NAME, SkiffLexer.INT, SkiffLexer.FLOAT, SkiffLexer.STRING, SkiffLexer.TRUE, SkiffLexer.FALSE,
                    SkiffLexer.NONE, SkiffLexer.UNDEFINED, SkiffLexer.RPAREN, SkiffLexer.RBRACK, SkiffLexer.RBRACE -> true;
            default -> false;
        };
    }

    private static boolean isBranchKeyword(int type) {
        return type == SkiffLexer.IF || type == SkiffLexer.ELIF || type == SkiffLexer.ELSE;
    }

    /** The token begins an entry of a config, list or lambda body (so an `if` there is an `if` entry). */
    private static boolean startsEntry(List<Tok> toks, int i) {
        if (i == 0) {
            return true;
        }
        Tok prev = toks.get(i - 1);
        int p = prev.type();
        return prev.endLine() < toks.get(i).line() || isOpener(p) || p == SkiffLexer.COMMA || p == SkiffLexer.SEMI
                || p == SkiffLexer.COLON;
    }

    /** The original line ended in a backslash continuation. */
    private static boolean continuation(String text, Tok prev, Tok next) {
        int from = prev.token().getStopIndex() + 1;
        int to = Math.min(text.length(), next.token().getStartIndex());
        if (from >= to || from < 0) {
            return false;
        }
        return text.substring(from, to).strip().startsWith("\\");
    }

    private static boolean isCloser(int type) {
        return type == SkiffLexer.RPAREN || type == SkiffLexer.RBRACK || type == SkiffLexer.RBRACE;
    }

    private static boolean isOpener(int type) {
        return type == SkiffLexer.LPAREN || type == SkiffLexer.LBRACK || type == SkiffLexer.LBRACE;
    }

    /** A token after which `(` is a call and `[` a subscript. */
    private static boolean callable(Tok t) {
        return t.type() == SkiffLexer.NAME || t.type() == SkiffLexer.RPAREN || t.type() == SkiffLexer.RBRACK
                || t.type() == SkiffLexer.STRING || t.type() == SkiffLexer.RBRACE;
    }

    private static boolean schemaParams(List<Tok> toks, int i) {
        return i >= 2 && toks.get(i - 1).type() == SkiffLexer.NAME
                && (toks.get(i - 2).type() == SkiffLexer.SCHEMA || toks.get(i - 2).text().equals("rule"));
    }

    /** `{str:str}` in a type position. */
    private static boolean typeBrace(List<Tok> toks, int i) {
        if (i == 0 || i + 3 >= toks.size()) {
            return false;
        }
        int before = toks.get(i - 1).type();
        boolean typeContext = before == SkiffLexer.COLON || before == SkiffLexer.LBRACK || before == SkiffLexer.PIPE
                || before == SkiffLexer.ARROW;
        Tok k = toks.get(i + 1);
        return typeContext && TYPE_NAMES.contains(k.text()) && toks.get(i + 2).type() == SkiffLexer.COLON;
    }

    private static boolean startsDeclaration(List<Tok> toks, int i) {
        Tok t = toks.get(i);
        if (t.type() == SkiffLexer.SCHEMA || t.type() == SkiffLexer.AT) {
            return i == 0 || toks.get(i - 1).type() != SkiffLexer.AT && !(toks.get(i - 1).line() == t.line() - 1
                    && firstOfLine(toks, i - 1).type() == SkiffLexer.AT);
        }
        if (t.type() == SkiffLexer.NAME && i + 2 < toks.size() && toks.get(i + 1).type() == SkiffLexer.NAME
                && toks.get(i + 1).line() == t.line()) {
            String w = t.text();
            return w.equals("rule") || w.equals("mixin") || w.equals("protocol");
        }
        return false;
    }

    private static Tok firstOfLine(List<Tok> toks, int i) {
        int line = toks.get(i).line();
        while (i > 0 && toks.get(i - 1).endLine() == line) {
            i--;
        }
        return toks.get(i);
    }

    private static boolean isCheckBlock(List<Tok> toks, int i) {
        Tok t = toks.get(i);
        return t.type() == SkiffLexer.NAME && t.text().equals("check") && t.blockDepth() > 0 && i + 1 < toks.size()
                && toks.get(i + 1).type() == SkiffLexer.COLON && (i + 2 >= toks.size() || toks.get(i + 2).line() > t.line());
    }

    /** A `-`, `*`, … here is a prefix operator (or an unpack), not a binary one. */
    private static boolean unaryPosition(Tok prev) {
        if (prev == null) {
            return true;
        }
        int p = prev.type();
        if (isOpener(p) || p == SkiffLexer.COMMA || p == SkiffLexer.COLON || p == SkiffLexer.SEMI || BINARY.contains(p)
                || p == SkiffLexer.TILDE) {
            return true;
        }
        String lit = SkiffLexer.VOCABULARY.getLiteralName(p);
        return lit != null && Character.isLetter(lit.charAt(1)) && p != SkiffLexer.TRUE && p != SkiffLexer.FALSE
                && p != SkiffLexer.NONE && p != SkiffLexer.UNDEFINED;
    }

    private static boolean space(Tok prev, Tok t, Deque<Bracket> brackets, boolean prevUnary, List<Tok> toks, int i) {
        int p = prev.type();
        int c = t.type();
        Bracket in = brackets.peek();
        if (c == SkiffLexer.COMMENT) {
            return true;
        }
        if (c == SkiffLexer.COMMA || c == SkiffLexer.SEMI || c == SkiffLexer.RPAREN || c == SkiffLexer.RBRACK
                || c == SkiffLexer.RBRACE) {
            return false;
        }
        if (isOpener(p)) {
            return false;
        }
        if (p == SkiffLexer.COMMA || p == SkiffLexer.SEMI) {
            return true;
        }
        if (p == SkiffLexer.IMPORT) {
            return true;
        }
        if (c == SkiffLexer.DOT || p == SkiffLexer.DOT || p == SkiffLexer.AT || c == SkiffLexer.QUESTION) {
            return false;
        }
        if (p == SkiffLexer.QUESTION) {
            return c != SkiffLexer.DOT && c != SkiffLexer.LBRACK && c != SkiffLexer.COLON;
        }
        if (c == SkiffLexer.COLON) {
            return false;
        }
        if (p == SkiffLexer.COLON) {
            return !(in == Bracket.SUBSCRIPT || in == Bracket.TYPE_BRACE);
        }
        if (prevUnary) {
            return false;
        }
        if (c == SkiffLexer.ASSIGN || p == SkiffLexer.ASSIGN) {
            return in != Bracket.CALL;
        }
        if (c == SkiffLexer.LPAREN) {
            return !callable(prev);
        }
        if (c == SkiffLexer.LBRACK) {
            if (p == SkiffLexer.NAME && prev.text().equals("mixin") && firstOfLine(toks, i - 1) == prev) {
                return true; // `mixin [A, B]`
            }
            return !callable(prev) && !schemaParams(toks, i);
        }
        if (c == SkiffLexer.LBRACE) {
            return true;
        }
        if (UNARY_CAPABLE.contains(c) && unaryPosition(prev)) {
            return true; // a prefix operator: space before it (after `=`, `,`…), none after
        }
        if (c == SkiffLexer.DSTAR && in == Bracket.CALL) {
            return true;
        }
        return true;
    }
}
