package dev.skiff.syntax;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.grammar.SkiffLexer;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's syntax errors into diagnostics a person can act on: "expected `:` after the condition,
 * found a new line" rather than a dump of token sets. One error per line is kept: after the first, the
 * rest of a line is usually noise from recovery.
 */
final class SyntaxErrors extends BaseErrorListener {
    private final BuildContext cx;
    private final Set<Integer> lines = new HashSet<>();
    final List<Diagnostic> found = new ArrayList<>();

    SyntaxErrors(BuildContext cx) {
        this.cx = cx;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        Token t = offendingSymbol instanceof Token tok ? tok : null;
        Span span = cx.span(t);
        if (!lines.add(span.line()) || found.size() >= 50) {
            return;
        }
        IntervalSet expected = null;
        if (recognizer instanceof Parser p) {
            try {
                expected = e != null ? e.getExpectedTokens() : p.getExpectedTokens();
            } catch (RuntimeException ignored) {
                expected = null;
            }
        }
        String found = describe(t);
        String message;
        if (msg != null && msg.startsWith("extraneous input")) {
            message = "unexpected " + found;
        } else if (expected != null && !expected.isNil() && expected.size() <= 4 && !(e instanceof NoViableAltException)) {
            List<String> names = new ArrayList<>();
            for (int type : expected.toList()) {
                names.add(name(type));
            }
            message = "expected " + String.join(" or ", names) + ", found " + found;
        } else if (e instanceof InputMismatchException || e instanceof NoViableAltException || msg != null) {
            message = "unexpected " + found;
        } else {
            message = "syntax error at " + found;
        }
        Diagnostic d = Diagnostic.error(Code.E0101, span, message);
        if (t != null && t.getType() == SkiffLexer.INDENT) {
            d = Diagnostic.error(Code.E0103, span, "unexpected indentation");
        } else if (t != null && t.getType() == SkiffLexer.NEWLINE && expected != null
                && expected.contains(SkiffLexer.COLON)) {
            d = d.withHint("a block (`if`, `schema`, `check`…) needs `:` at the end of its first line");
        } else if (t != null && isKeyword(t) && recognizer instanceof Parser p && followedByAssignment(p, t)) {
            d = d.withHint("`" + t.getText() + "` is a keyword; to use it as a name, write `$" + t.getText() + "`");
        } else if (t != null && t.getType() == SkiffLexer.ASSIGN && expected != null && expected.contains(SkiffLexer.EQ)) {
            d = d.withHint("use `==` to compare");
        } else if (t != null && t.getType() == SkiffLexer.LBRACE && expected != null && expected.size() == 1
                && expected.contains(SkiffLexer.ARROW)) {
            d = d.withHint("parameters in braces need a result type, `lambda {x: int} -> int {…}`; or write them"
                    + " without braces, `lambda x: int {…}`");
        } else if (t != null && (t.getType() == SkiffLexer.NOT && recognizer instanceof Parser p && afterValue(p, t)
                || expected != null && expected.size() == 1 && expected.contains(SkiffLexer.IN)
                && recognizer instanceof Parser q && q.getTokenStream().LT(-1).getType() == SkiffLexer.NOT)) {
            // KCL's check blocks accept `name not None` by reading it as two checks, `name` and `not None`:
            // never what was meant, so it is an error here
            d = d.withHint("`not` after a value is not an operator: write `is not` (`x is not None`) or `not in`"
                    + " (`x not in items`)");
        }
        this.found.add(d);
    }

    static String describe(Token t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t.getType()) {
            case Token.EOF -> "end of file";
            case SkiffLexer.NEWLINE, SkiffLexer.SEP -> "end of line";
            case SkiffLexer.INDENT -> "indented block";
            case SkiffLexer.DEDENT -> "end of block";
            case SkiffLexer.NAME -> "name `" + t.getText() + "`";
            case SkiffLexer.STRING -> "string " + (t.getText().length() > 20 ? t.getText().substring(0, 17) + "..." : t.getText());
            case SkiffLexer.INT, SkiffLexer.FLOAT -> "number `" + t.getText() + "`";
            default -> "`" + t.getText() + "`";
        };
    }

    private static boolean followedByAssignment(Parser p, Token t) {
        int next = t.getTokenIndex() + 1;
        if (next >= p.getInputStream().size()) {
            return false;
        }
        int type = p.getInputStream().get(next).getType();
        return type == SkiffLexer.ASSIGN || type == SkiffLexer.COLON;
    }

    /** Whether the token before {@code t} ends a value (a name, a literal or a closing bracket). */
    private static boolean afterValue(Parser p, Token t) {
        for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
            Token prev = p.getInputStream().get(i);
            if (prev.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            return switch (prev.getType()) {
                case SkiffLexer.NAME, SkiffLexer.INT, SkiffLexer.FLOAT, SkiffLexer.STRING, SkiffLexer.TRUE,
                        SkiffLexer.FALSE, SkiffLexer.NONE, SkiffLexer.UNDEFINED, SkiffLexer.RPAREN,
                        SkiffLexer.RBRACK, SkiffLexer.RBRACE -> true;
                default -> false;
            };
        }
        return false;
    }

    private static boolean isKeyword(Token t) {
        String literal = SkiffLexer.VOCABULARY.getLiteralName(t.getType());
        return literal != null && Character.isLetter(literal.charAt(1));
    }

    static String name(int type) {
        return switch (type) {
            case Token.EOF -> "the end of the file";
            case SkiffLexer.NEWLINE -> "a new line";
            case SkiffLexer.SEP -> "a new line";
            case SkiffLexer.INDENT -> "an indented block";
            case SkiffLexer.DEDENT -> "the end of the block";
            case SkiffLexer.NAME -> "a name";
            case SkiffLexer.STRING -> "a string";
            case SkiffLexer.INT, SkiffLexer.FLOAT -> "a number";
            default -> {
                String literal = SkiffLexer.VOCABULARY.getLiteralName(type);
                yield literal == null ? SkiffLexer.VOCABULARY.getDisplayName(type) : "`" + literal.replace("'", "") + "`";
            }
        };
    }
}
