package dev.skiff.grammar;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

/**
 * Turns line breaks and indentation into layout tokens. Outside brackets a line break ends a statement
 * (NEWLINE) and a change of indentation opens or closes a block (INDENT, DEDENT), as in Python; blank and
 * comment-only lines do not count. Inside {@code ( )} line breaks are insignificant. Inside {@code [ ]} and
 * {@code { }} a line break after a complete item becomes SEP, which separates list items, config entries
 * and lambda statements like a comma does; a line that ends with an operator or a comma continues.
 *
 * <p>Nesting deeper than {@link #MAX_DEPTH} is reported and makes {@link #tooDeep()} true: the parser is
 * then not run, so deep input can never overflow its stack.
 */
public abstract class SkiffLexerBase extends Lexer {
    public static final int MAX_DEPTH = 200;
    private static final int TAB = 4;

    private final Deque<Token> pending = new ArrayDeque<>();
    private final Deque<Integer> indents = new ArrayDeque<>();
    /** The same indentations measured with a tab as one column: where the two disagree, tabs and spaces are mixed. */
    private final Deque<Integer> altIndents = new ArrayDeque<>();
    private final Deque<Character> brackets = new ArrayDeque<>();
    private final Deque<Integer> bracketStarts = new ArrayDeque<>();
    private final List<LexProblem> problems = new ArrayList<>();
    private Token last;
    private boolean tooDeep;
    private boolean cancelled;
    private boolean atEof;
    private int produced;

    protected SkiffLexerBase(CharStream input) {
        super(input);
    }

    public List<LexProblem> problems() {
        return problems;
    }

    public boolean tooDeep() {
        return tooDeep;
    }

    /** Whether lexing stopped because the thread was interrupted (the caller no longer wants the tokens). */
    public boolean cancelled() {
        return cancelled;
    }

    protected void openBracket(char c) {
        brackets.push(c);
        bracketStarts.push(_tokenStartCharIndex);
        if (brackets.size() > MAX_DEPTH && !tooDeep) {
            tooDeep = true;
            problems.add(new LexProblem("E0109", _tokenStartCharIndex, _tokenStartCharIndex + 1,
                    "brackets are nested more than " + MAX_DEPTH + " deep"));
        }
    }

    protected void closeBracket(char c) {
        char open = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (brackets.isEmpty()) {
            problems.add(new LexProblem("E0107", _tokenStartCharIndex, _tokenStartCharIndex + 1,
                    "`" + c + "` closes a bracket that was never opened"));
            return;
        }
        if (brackets.peek() != open) {
            char expected = brackets.peek() == '(' ? ')' : brackets.peek() == '[' ? ']' : '}';
            problems.add(new LexProblem("E0107", _tokenStartCharIndex, _tokenStartCharIndex + 1,
                    "expected `" + expected + "` to close the bracket opened at offset " + bracketStarts.peek()
                            + ", found `" + c + "`"));
        }
        brackets.pop();
        bracketStarts.pop();
    }

    /** Called by the LINE_BREAK rule; the token itself is replaced in {@link #nextToken()}. */
    protected void onLineBreak() {
    }

    @Override
    public Token nextToken() {
        while (pending.isEmpty()) {
            produce();
        }
        Token t = pending.poll();
        if (t.getChannel() == Token.DEFAULT_CHANNEL) {
            last = t;
        }
        return t;
    }

    private void produce() {
        if (!(_interp instanceof LineCounting)) {
            // the generated constructor installs ANTLR's simulator after ours has run
            _interp = new LineCounting(this, getInterpreter());
        }
        if (atEof) {
            pending.add(make(Token.EOF, "<EOF>", _input.index(), _input.index() - 1));
            return;
        }
        if (tooDeep || (++produced & 0x3FF) == 0 && Thread.currentThread().isInterrupted()) {
            // past the nesting limit the file is refused as a whole: what follows need not be read (2 MB of
            // nested blocks took seconds to read to the end); interrupted, nothing more is wanted
            cancelled |= !tooDeep;
            atEof = true;
            pending.add(make(Token.EOF, "<EOF>", _input.index(), _input.index() - 1));
            return;
        }
        Token t = super.nextToken();
        switch (t.getType()) {
            case Token.EOF -> {
                atEof = true;
                int at = _input.index();
                if (last != null && last.getType() != SkiffLexer.NEWLINE) {
                    pending.add(make(SkiffLexer.NEWLINE, "", at, at - 1));
                }
                if (!brackets.isEmpty()) {
                    int start = bracketStarts.peek();
                    problems.add(new LexProblem("E0107", start, start + 1,
                            "`" + brackets.peek() + "` is never closed"));
                }
                altIndents.clear();
                while (indents.size() > 0) {
                    indents.pop();
                    pending.add(make(SkiffLexer.DEDENT, "", at, at - 1));
                }
                pending.add(make(Token.EOF, "<EOF>", at, at - 1));
            }
            case SkiffLexer.LINE_BREAK -> lineBreak(t);
            case SkiffLexer.ERROR_CHAR -> badChar(t);
            case SkiffLexer.UNTERMINATED_TRIPLE -> {
                int start = t.getStartIndex();
                problems.add(new LexProblem("E0102", start, start + 3, "this triple-quoted string is never closed"));
                CommonToken s = new CommonToken(t);
                s.setType(SkiffLexer.STRING);
                pending.add(s);
            }
            case SkiffLexer.SCHEMA -> pending.add(schemaOrName(t));
            default -> {
                if (last == null && pending.isEmpty() && t.getChannel() == Token.DEFAULT_CHANNEL
                        && t.getCharPositionInLine() > 0 && indents.isEmpty()) {
                    problems.add(new LexProblem("E0103", t.getStartIndex(), t.getStartIndex() + 1,
                            "the first statement must not be indented"));
                }
                pending.add(t);
            }
        }
    }

    private static final java.util.Set<String> WORDS_AFTER_A_NAME = java.util.Set.of(
            "in", "if", "for", "and", "or", "not", "is", "else", "as");

    /**
     * {@code schema} starts a declaration only when a schema's name follows it ({@code schema App:}); elsewhere it
     * is a plain name, as KCL code uses it: a module {@code import .schema}, {@code schema.Schema}, an attribute
     * {@code schema?: str}.
     */
    private Token schemaOrName(Token t) {
        int i = t.getStopIndex() + 1;
        int n = _input.size();
        int j = i;
        while (j < n && (_input.getText(org.antlr.v4.runtime.misc.Interval.of(j, j)).equals(" ")
                || _input.getText(org.antlr.v4.runtime.misc.Interval.of(j, j)).equals("\t"))) {
            j++;
        }
        int k = j;
        while (k < n && isNameChar(_input.getText(org.antlr.v4.runtime.misc.Interval.of(k, k)).charAt(0))) {
            k++;
        }
        String next = k > j ? _input.getText(org.antlr.v4.runtime.misc.Interval.of(j, k - 1)) : "";
        boolean declaration = j > i && !next.isEmpty() && !Character.isDigit(next.charAt(0))
                && !WORDS_AFTER_A_NAME.contains(next);
        if (declaration) {
            return t;
        }
        CommonToken name = new CommonToken(t);
        name.setType(SkiffLexer.NAME);
        return name;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || c == '$' || Character.isLetterOrDigit(c);
    }

    private void lineBreak(Token t) {
        int stop = t.getStopIndex();
        if (!brackets.isEmpty()) {
            char top = brackets.peek();
            if (top != '(' && endsItem(last) && !nextLineCloses()) {
                pending.add(make(SkiffLexer.SEP, "\n", t.getStartIndex(), stop));
            }
            return;
        }
        int[] next = nextLineIndent();
        if (next == null) {
            return; // blank, comment-only or last line: the next real line (or EOF) decides
        }
        if (last == null || last.getType() == SkiffLexer.NEWLINE) {
            // nothing on this logical line yet
        } else {
            pending.add(make(SkiffLexer.NEWLINE, "\n", t.getStartIndex(), stop));
        }
        int width = next[0];
        int alt = next[2];
        int current = indents.isEmpty() ? 0 : indents.peek();
        int altCurrent = altIndents.isEmpty() ? 0 : altIndents.peek();
        if (last == null) {
            return;
        }
        if (Integer.compare(width, current) != Integer.compare(alt, altCurrent)) {
            // as Python: the block structure would depend on how wide a tab is
            problems.add(new LexProblem("E0103", next[1] - next[3], next[1],
                    "inconsistent use of tabs and spaces in indentation"));
        }
        if (width > current) {
            indents.push(width);
            altIndents.push(alt);
            if (indents.size() > MAX_DEPTH / 2 && !tooDeep) {
                tooDeep = true;
                problems.add(new LexProblem("E0109", next[1], next[1] + 1,
                        "blocks are nested more than " + MAX_DEPTH / 2 + " deep"));
            }
            pending.add(make(SkiffLexer.INDENT, "", next[1], next[1] - 1));
        } else {
            while (!indents.isEmpty() && width < indents.peek()) {
                indents.pop();
                if (!altIndents.isEmpty()) {
                    altIndents.pop();
                }
                pending.add(make(SkiffLexer.DEDENT, "", next[1], next[1] - 1));
            }
            int now = indents.isEmpty() ? 0 : indents.peek();
            if (width != now) {
                problems.add(new LexProblem("E0103", next[1] - next[3], next[1],
                        "this line's indentation does not match any enclosing block"));
            }
        }
    }

    /**
     * The indentation width and start offset of the next line that has code, or null when only blank or
     * comment lines (or the end) follow the current one... but only up to the first non-blank line.
     */
    private int[] nextLineIndent() {
        int i = _input.index();
        int width = 0;
        int alt = 0;
        int chars = 0;
        while (true) {
            int c = _input.LA(i - _input.index() + 1);
            if (c == ' ') {
                width++;
                alt++;
                chars++;
            } else if (c == '\t') {
                width += TAB - width % TAB;
                alt++;
                chars++;
            } else if (c == '\f') {
                width = 0;
                alt = 0;
                chars++;
            } else if (c == '\r' || c == '\n' || c == '#' || c == CharStream.EOF) {
                return null;
            } else if (c == '\\') {
                return null;
            } else {
                return new int[] {width, i, alt, chars};
            }
            i++;
        }
    }

    /** Whether the next line that has code starts with a closing bracket or a comma. */
    private boolean nextLineCloses() {
        int k = 1;
        while (true) {
            int c = _input.LA(k);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
                k++;
                continue;
            }
            if (c == '#') {
                while (c != '\n' && c != '\r' && c != CharStream.EOF) {
                    c = _input.LA(++k);
                }
                continue;
            }
            return c == ')' || c == ']' || c == '}' || c == ',' || c == CharStream.EOF;
        }
    }

    private static boolean endsItem(Token t) {
        if (t == null) {
            return false;
        }
        return switch (t.getType()) {
            case SkiffLexer.NAME, SkiffLexer.INT, SkiffLexer.FLOAT, SkiffLexer.STRING, SkiffLexer.TRUE,
                    SkiffLexer.FALSE, SkiffLexer.NONE, SkiffLexer.UNDEFINED, SkiffLexer.RPAREN, SkiffLexer.RBRACK,
                    SkiffLexer.RBRACE -> true;
            default -> false;
        };
    }

    private void badChar(Token t) {
        String s = t.getText();
        int start = t.getStartIndex();
        if (s.equals("\"") || s.equals("'")) {
            boolean triple = _input.LA(1) == s.charAt(0) && _input.LA(2) == s.charAt(0);
            int end = start + 1;
            while (true) {
                int c = _input.LA(1);
                if (c == CharStream.EOF || (!triple && (c == '\n' || c == '\r'))) {
                    break;
                }
                _input.consume();
                end++;
            }
            problems.add(new LexProblem("E0102", start, end, triple
                    ? "this triple-quoted string is never closed" : "this string is not closed before the end of the line"));
            pending.add(make(SkiffLexer.STRING, s + s, start, end - 1));
            return;
        }
        String what = s.codePointAt(0) < 0x20 ? String.format("U+%04X", s.codePointAt(0)) : "`" + s + "`";
        problems.add(new LexProblem("E0104", start, start + 1, "unexpected character " + what));
    }

    private Token make(int type, String text, int start, int stop) {
        CommonToken t = new CommonToken(_tokenFactorySourcePair, type, Token.DEFAULT_CHANNEL, start, stop);
        t.setText(text);
        t.setLine(getLine());
        t.setCharPositionInLine(0);
        return t;
    }
}
