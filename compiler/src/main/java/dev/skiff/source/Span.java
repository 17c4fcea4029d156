package dev.skiff.source;

import java.util.Objects;

/**
 * A half-open range {@code [start, end)} of UTF-16 offsets in one {@link SourceFile}. Lines and
 * columns are not stored: renderers compute them (1-based for the CLI, 0-based for the LSP).
 */
public record Span(SourceFile file, int start, int end) {
    public Span {
        Objects.requireNonNull(file, "file");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public static Span of(SourceFile file, int start, int end) {
        return new Span(file, start, end);
    }

    /** An empty span at an offset, for "expected X here" messages. */
    public static Span at(SourceFile file, int offset) {
        return new Span(file, offset, offset);
    }

    /** The smallest span covering both (they must be in the same file). */
    public Span to(Span other) {
        if (other.file != file) {
            return this;
        }
        return new Span(file, Math.min(start, other.start), Math.max(end, other.end));
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int offset) {
        return start <= offset && offset < end;
    }

    /** True when the offset lies inside or at the end of the span (the cursor touching it). */
    public boolean touches(int offset) {
        return start <= offset && offset <= end;
    }

    public String text() {
        return file.text().substring(Math.min(start, file.length()), Math.min(end, file.length()));
    }

    /** 1-based line of the start, for messages. */
    public int line() {
        return file.line(start) + 1;
    }

    /** 1-based column of the start, for messages. */
    public int column() {
        return file.column(start) + 1;
    }

    @Override
    public String toString() {
        return file.name() + ":" + line() + ":" + column();
    }
}
