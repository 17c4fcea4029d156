package dev.skiff.source;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file of source text, identified by a URI, with a display name for messages (a path relative to
 * where the user ran Skiff, or the URI for editor buffers). Line and column are computed on demand
 * from a lazily built table of line starts; everything else in the compiler speaks in offsets.
 *
 * <p>Identity is the object: two SourceFiles with the same text are different files. That keeps
 * spans cheap to hash and compare.
 */
public final class SourceFile {
    private final URI uri;
    private final String name;
    private final String text;
    private volatile int[] lineStarts;

    public SourceFile(URI uri, String name, String text) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
    }

    /** A file read from disk, named for messages by {@code displayName}. */
    public static SourceFile of(Path path, String displayName, String text) {
        return new SourceFile(path.toAbsolutePath().normalize().toUri(), displayName, text);
    }

    /** An in-memory file, for tests, {@code -e} style snippets and editor buffers. */
    public static SourceFile ofString(String name, String text) {
        try {
            // the multi-argument constructor quotes characters a URI cannot hold (`<stdlib>`, spaces)
            return new SourceFile(new URI("memory", null, "/" + name.replace('\\', '/'), null), name, text);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("cannot name a source `" + name + "`", e);
        }
    }

    public URI uri() {
        return uri;
    }

    /** The name shown in messages. */
    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** 0-based line of an offset (an offset at the end of the text belongs to the last line). */
    public int line(int offset) {
        int[] starts = lineStarts();
        int i = Arrays.binarySearch(starts, Math.max(0, Math.min(offset, text.length())));
        return i >= 0 ? i : -i - 2;
    }

    /** 0-based column of an offset, in UTF-16 units (the unit of the LSP and of Java strings). */
    public int column(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        return clamped - lineStarts()[line(clamped)];
    }

    /** Offset of a 0-based line and UTF-16 column, clamped to the text. */
    public int offset(int line, int column) {
        int[] starts = lineStarts();
        if (line < 0) {
            return 0;
        }
        if (line >= starts.length) {
            return text.length();
        }
        int end = line + 1 < starts.length ? starts[line + 1] : text.length();
        return Math.min(starts[line] + Math.max(0, column), end);
    }

    public int lineCount() {
        return lineStarts().length;
    }

    /** The text of a 0-based line, without its line terminator. */
    public String lineText(int line) {
        int[] starts = lineStarts();
        if (line < 0 || line >= starts.length) {
            return "";
        }
        int start = starts[line];
        int end = line + 1 < starts.length ? starts[line + 1] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    count++;
                }
            }
            starts = new int[count];
            int n = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    starts[n++] = i + 1;
                }
            }
            lineStarts = starts;
        }
        return starts;
    }

    @Override
    public String toString() {
        return name;
    }
}
