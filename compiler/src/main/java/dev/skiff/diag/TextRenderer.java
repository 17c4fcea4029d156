package dev.skiff.diag;

import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import java.util.List;

/**
 * Renders diagnostics for people, in the shape compilers have taught them to read:
 *
 * <pre>
 * main.k:3:5: error[E0201]: name `replicaz` is not defined
 *   |
 * 3 | x = replicaz + 1
 *   |     ^^^^^^^^
 *   = hint: did you mean `replicas`?
 * </pre>
 *
 * Lines and columns are 1-based; a tab in the source line is shown as one space so carets line up.
 */
public final class TextRenderer {
    private final boolean color;

    public TextRenderer(boolean color) {
        this.color = color;
    }

    public static String renderPlain(List<Diagnostic> diagnostics) {
        return new TextRenderer(false).render(diagnostics);
    }

    public String render(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            render(d, out);
        }
        return out.toString();
    }

    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        render(d, out);
        return out.toString();
    }

    private void render(Diagnostic d, StringBuilder out) {
        Span span = d.span();
        if (span != null) {
            out.append(span.file().name()).append(':').append(span.line()).append(':').append(span.column())
                    .append(": ");
        }
        String sev = d.severity().label() + "[" + d.code().id() + "]";
        out.append(paint(d.severity() == Severity.ERROR ? "1;31" : "1;33", sev)).append(": ")
                .append(paint("1", d.message())).append('\n');
        int gutter = 1;
        if (span != null) {
            gutter = gutterWidth(span, d.labels());
            snippet(span, '^', null, gutter, d.severity() == Severity.ERROR ? "1;31" : "1;33", out);
        }
        for (Label label : d.labels()) {
            Span ls = label.span();
            if (ls == null) {
                continue;
            }
            String where = ls.file().name() + ":" + ls.line() + ":" + ls.column();
            out.append(" ".repeat(gutter)).append(paint("1;34", "-->")).append(' ').append(where).append('\n');
            snippet(ls, '-', label.message(), gutter, "1;34", out);
        }
        for (String hint : d.hints()) {
            out.append(" ".repeat(gutter)).append(" = ").append(paint("1", "hint")).append(": ")
                    .append(hint).append('\n');
        }
    }

    private static int gutterWidth(Span span, List<Label> labels) {
        int max = span.line();
        for (Label l : labels) {
            if (l.span() != null) {
                max = Math.max(max, l.span().line());
            }
        }
        return Integer.toString(max).length() + 1;
    }

    /** The most characters of a source line a snippet shows. */
    private static final int MAX_SHOWN = 200;

    private void snippet(Span span, char mark, String note, int gutter, String markColor, StringBuilder out) {
        SourceFile file = span.file();
        int line = file.line(span.start());
        String text = file.lineText(line).replace('\t', ' ');
        int col = file.column(span.start());
        int endLine = file.line(Math.max(span.start(), span.end() - 1));
        int width;
        if (endLine == line) {
            width = Math.max(1, span.end() - span.start());
        } else {
            width = Math.max(1, text.length() - col);
        }
        if (col > text.length()) {
            col = text.length();
        }
        width = Math.min(width, Math.max(1, text.length() - col));
        if (text.length() > MAX_SHOWN) {
            // a long line (generated or minified source) is shown as a window around the mark
            int from = Math.max(0, Math.min(col - MAX_SHOWN / 3, text.length() - MAX_SHOWN));
            int to = Math.min(text.length(), from + MAX_SHOWN);
            String before = from > 0 ? "..." : "";
            text = before + text.substring(from, to) + (to < text.length() ? "..." : "");
            col = col - from + before.length();
            width = Math.max(1, Math.min(width, to - from + before.length() - col));
        }
        String num = Integer.toString(line + 1);
        String pad = " ".repeat(gutter);
        out.append(pad).append(paint("1;34", "|")).append('\n');
        out.append(num).append(" ".repeat(gutter - num.length())).append(paint("1;34", "|")).append(' ')
                .append(text).append('\n');
        out.append(pad).append(paint("1;34", "|")).append(' ').append(" ".repeat(col))
                .append(paint(markColor, String.valueOf(mark).repeat(width)));
        if (note != null && !note.isEmpty()) {
            out.append(' ').append(paint(markColor, note));
        }
        out.append('\n');
    }

    private String paint(String sgr, String s) {
        return color ? "\u001b[" + sgr + "m" + s + "\u001b[0m" : s;
    }
}
