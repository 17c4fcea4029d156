package dev.skiff.syntax;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * What the builders share while mapping one file's parse tree: the file, the code-point to UTF-16 offset
 * map (ANTLR counts code points, spans count UTF-16 units) and the diagnostics found so far.
 */
final class BuildContext {
    final SourceFile file;
    private final int[] utf16;
    /** Added to every offset: non-zero when parsing the inside of an interpolation hole. */
    private final int base;
    final List<Diagnostic> diagnostics;

    BuildContext(SourceFile file, String text, int base, List<Diagnostic> diagnostics) {
        this.file = file;
        this.base = base;
        this.diagnostics = diagnostics;
        this.utf16 = text.codePointCount(0, text.length()) == text.length() ? null : codePointOffsets(text);
    }

    private static int[] codePointOffsets(String text) {
        int n = text.codePointCount(0, text.length());
        int[] out = new int[n + 1];
        int offset = 0;
        for (int i = 0; i < n; i++) {
            out[i] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        out[n] = offset;
        return out;
    }

    /** The UTF-16 offset in the file of a code-point index of the parsed text. */
    int offset(int codePoint) {
        int local = utf16 == null ? codePoint : utf16[Math.max(0, Math.min(codePoint, utf16.length - 1))];
        return Math.min(base + local, file.length());
    }

    Span span(Token t) {
        if (t == null) {
            return Span.of(file, base, base);
        }
        if (t.getType() == Token.EOF) {
            int at = offset(t.getStartIndex());
            return Span.of(file, at, at);
        }
        return Span.of(file, offset(t.getStartIndex()), Math.max(offset(t.getStartIndex()), offset(t.getStopIndex() + 1)));
    }

    Span span(TerminalNode n) {
        return span(n == null ? null : n.getSymbol());
    }

    Span span(ParserRuleContext ctx) {
        if (ctx == null || ctx.getStart() == null) {
            return Span.of(file, base, base);
        }
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        int s = offset(start.getStartIndex());
        if (stop == null || stop.getType() == Token.EOF || stop.getStopIndex() < start.getStartIndex()) {
            return Span.of(file, s, s);
        }
        return Span.of(file, s, Math.max(s, offset(stop.getStopIndex() + 1)));
    }

    void error(Code code, Span span, String message) {
        diagnostics.add(Diagnostic.error(code, span, message));
    }
}
