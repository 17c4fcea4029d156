package dev.skiff.grammar;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Predicates the grammar needs. Inside brackets there are no INDENT/DEDENT tokens, so which entries belong
 * to an {@code if} in a config, list or lambda body is decided by layout: those on the {@code if}'s own
 * line, or those on later lines indented deeper than the {@code if}.
 */
public abstract class SkiffParserBase extends Parser {
    /** How many lambda heads and quantifier targets the parser is inside: there `{` may follow an expression. */
    private int braceFollows;

    /**
     * The most rules the parser may be inside at once. Past it the parse stops with {@link TooDeep}: the
     * parser recurses once per rule, so deeper input would overflow its stack, and later stages, which walk
     * the tree recursively, could not take it anyway. (Brackets and blocks have lower limits of their own,
     * in the lexer; this one catches the rest, such as thousands of `if` entries nested by indentation.)
     */
    public static final int MAX_DEPTH = 2_000;
    private int depth;

    /** Thrown when rules nest deeper than {@link #MAX_DEPTH}; {@code at} is the token where it happened. */
    public static final class TooDeep extends RuntimeException {
        private final transient Token at;

        TooDeep(Token at) {
            super(null, null, false, false);
            this.at = at;
        }

        public Token at() {
            return at;
        }
    }

    /** Thrown when the parsing thread is interrupted: whoever asked for the parse no longer wants it. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private void deeper() {
        if (++depth > MAX_DEPTH) {
            throw new TooDeep(getCurrentToken());
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new Cancelled();
        }
    }

    @Override
    public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
        deeper();
        super.enterRule(localctx, state, ruleIndex);
    }

    @Override
    public void exitRule() {
        depth--;
        super.exitRule();
    }

    @Override
    public void enterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
        deeper();
        super.enterRecursionRule(localctx, state, ruleIndex, precedence);
    }

    @Override
    public void unrollRecursionContexts(ParserRuleContext parentctx) {
        depth--;
        super.unrollRecursionContexts(parentctx);
    }

    protected SkiffParserBase(TokenStream input) {
        super(input);
    }

    protected void enterBraceFollows() {
        braceFollows++;
    }

    protected void leaveBraceFollows() {
        braceFollows--;
    }

    /** Whether a `{` after an expression here can only open a config (an instance), never a body. */
    boolean braceOpensConfig() {
        return braceFollows == 0;
    }

    @Override
    public void reset() {
        super.reset();
        braceFollows = 0;
        depth = 0;
    }

    /** ANTLR's prediction, with {@link Shortcuts} before it (installed on first use: the generated constructor sets ANTLR's). */
    @Override
    public ParserATNSimulator getInterpreter() {
        ParserATNSimulator current = super.getInterpreter();
        if (current != null && current.getClass() == ParserATNSimulator.class) {
            current = new Shortcuts.Simulator(this, current);
            setInterpreter(current);
        }
        return current;
    }

    /** The next token is on the same line as {@code owner}. */
    protected boolean sameLine(Token owner) {
        Token next = _input.LT(1);
        return owner != null && next.getLine() == owner.getLine() && !isSep(next);
    }

    /**
     * The next tokens are separators (commas, semicolons, line breaks) and then an entry that belongs to
     * {@code owner}'s branch: one on a later line, indented deeper. Otherwise the separator is left to the
     * enclosing list, config or body.
     */
    protected boolean separatorThenDeeper(Token owner) {
        int i = 1;
        while (isSeparator(_input.LT(i))) {
            i++;
        }
        if (i == 1 || owner == null) {
            return false;
        }
        Token next = _input.LT(i);
        return next.getType() != Token.EOF && next.getLine() > owner.getLine()
                && next.getCharPositionInLine() > owner.getCharPositionInLine();
    }

    /**
     * Whether a branch of {@code owner} goes on with another item: after a comma on the owner's own line
     * when the branch began there ({@code inline}), else after separators on a later, deeper line.
     *
     * <p>A branch decides its kind once, on entry, instead of the grammar offering the two kinds as
     * alternatives: alternatives that read the same tokens are told apart only by these predicates, and
     * ANTLR then looks ahead through every nested branch of both, which is exponential in the nesting
     * (an unclosed `{` before 20 nested `if`s took seconds).
     */
    protected boolean moreInBranch(Token owner, boolean inline) {
        return inline ? commaThenSameLine(owner) : separatorThenDeeper(owner);
    }

    /** {@link #moreInBranch} for the statements of a lambda body, which a semicolon separates on one line. */
    protected boolean moreInLambdaBranch(Token owner, boolean inline) {
        return inline ? semicolonThenSameLine(owner) : separatorThenDeeper(owner);
    }

    /** A comma, then an entry on {@code owner}'s own line (an {@code if x: a, b} branch). */
    protected boolean commaThenSameLine(Token owner) {
        return _input.LT(1).getType() == SkiffLexer.COMMA && onOwnersLine(owner, _input.LT(2));
    }

    /** A semicolon, then a statement on {@code owner}'s own line. */
    protected boolean semicolonThenSameLine(Token owner) {
        return _input.LT(1).getType() == SkiffLexer.SEMI && onOwnersLine(owner, _input.LT(2));
    }

    private boolean onOwnersLine(Token owner, Token t) {
        return owner != null && t.getType() != Token.EOF && !isSep(t) && t.getLine() == owner.getLine();
    }

    private static boolean isSeparator(Token t) {
        int type = t.getType();
        return type == SkiffLexer.SEP || type == SkiffLexer.COMMA || type == SkiffLexer.SEMI;
    }

    /** The next token starts a line indented deeper than {@code owner}'s line. */
    protected boolean deeper(Token owner) {
        Token next = _input.LT(1);
        if (owner == null || isSep(next) || next.getType() == Token.EOF) {
            return false;
        }
        return next.getLine() > owner.getLine() && next.getCharPositionInLine() > owner.getCharPositionInLine();
    }

    /**
     * The next {@code elif}/{@code else} (after any commas and line breaks) belongs to {@code owner}: it is on
     * the owner's line or starts a line in the owner's column, so a nested {@code if} does not take it.
     */
    protected boolean aligned(Token owner) {
        int i = 1;
        while (isSeparator(_input.LT(i))) {
            i++;
        }
        Token next = _input.LT(i);
        if (owner == null) {
            return true;
        }
        return next.getLine() == owner.getLine() || next.getCharPositionInLine() == owner.getCharPositionInLine();
    }

    /** A schema attribute starts here: a name or string, then {@code :} or {@code ?:}. */
    protected boolean attributeAhead() {
        int first = _input.LA(1);
        if (first != SkiffLexer.NAME && first != SkiffLexer.STRING) {
            return false;
        }
        return _input.LA(2) == SkiffLexer.COLON || _input.LA(2) == SkiffLexer.QUESTION && _input.LA(3) == SkiffLexer.COLON;
    }

    /** The next token is the soft keyword {@code w} ({@code type}, {@code mixin}, {@code check}…). */
    protected boolean word(String w) {
        Token t = _input.LT(1);
        return t.getType() == SkiffLexer.NAME && t.getText().equals(w);
    }

    /** {@code all}, {@code any}, {@code map} or {@code filter} starting a quantifier expression. */
    protected boolean isQuantifier() {
        Token t = _input.LT(1);
        Token second = _input.LT(2);
        if (t.getType() != SkiffLexer.NAME || second.getType() != SkiffLexer.NAME) {
            return false;
        }
        return switch (t.getText()) {
            case "all", "any", "map", "filter" -> true;
            default -> false;
        };
    }

    private static boolean isSep(Token t) {
        return t.getType() == SkiffLexer.SEP || t.getType() == SkiffLexer.RBRACE || t.getType() == SkiffLexer.RBRACK
                || t.getType() == SkiffLexer.COMMA;
    }
}
