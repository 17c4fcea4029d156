package dev.skiff.grammar;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.atn.LexerATNSimulator;

/**
 * ANTLR's lexer counts lines at {@code \n} only; Skiff, like the LSP and {@code SourceFile}, also ends a line
 * at a lone {@code \r} (old Mac line endings). Token lines decide which entries belong to an {@code if} in a
 * config, and the formatter keeps line breaks by them, so a file with CR line endings must count the same
 * lines as one with LF.
 */
final class LineCounting extends LexerATNSimulator {
    LineCounting(Lexer lexer, LexerATNSimulator original) {
        super(lexer, lexer.getATN(), original.decisionToDFA, original.getSharedContextCache());
    }

    @Override
    public void consume(CharStream input) {
        if (input.LA(1) == '\r' && input.LA(2) != '\n') {
            line++;
            charPositionInLine = 0;
            input.consume();
            return;
        }
        super.consume(input);
    }
}
