package dev.skiff.grammar;

import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Predicates the grammar needs. Inside brackets there are no INDENT/DEDENT tokens, so which entries belong
 * to an {@code if} in a config, list or lambda body is decided by layout: those on the {@code if}'s own
 * line, or those on later lines indented deeper than the {@code if}.
 */
public abstract class SkiffParserBase extends Parser {
    protected SkiffParserBase(TokenStream input) {
        super(input);
    }

    /** The next token is on the same line as {@code owner}. */
    protected boolean sameLine(Token owner) {
        Token next = _input.LT(1);
        return owner != null && next.getLine() == owner.getLine() && !isSep(next);
    }

    /** The next token starts a line indented deeper than {@code owner}'s line. */
    protected boolean deeper(Token owner) {
        Token next = _input.LT(1);
        if (owner == null || isSep(next) || next.getType() == Token.EOF) {
            return false;
        }
        return next.getLine() > owner.getLine() && next.getCharPositionInLine() > owner.getCharPositionInLine();
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
