package dev.skiff.lsp;

import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** The one place that converts between Skiff's offsets and LSP positions (0-based lines, UTF-16 columns). */
final class Positions {
    private Positions() {
    }

    static Position position(SourceFile file, int offset) {
        int o = Math.max(0, Math.min(offset, file.length()));
        return new Position(file.line(o), file.column(o));
    }

    static Range range(Span span) {
        return new Range(position(span.file(), span.start()), position(span.file(), span.end()));
    }

    static int offset(SourceFile file, Position p) {
        if (p.getLine() >= file.lineCount()) {
            return file.length();
        }
        return Math.min(file.length(), file.offset(p.getLine(), p.getCharacter()));
    }

    /** Applies an incremental change: replaces {@code range} of {@code text} with {@code replacement}. */
    static String apply(String text, Range range, String replacement) {
        SourceFile f = SourceFile.ofString("edit", text);
        int start = offset(f, range.getStart());
        int end = Math.max(start, offset(f, range.getEnd()));
        return text.substring(0, start) + replacement + text.substring(end);
    }
}
