package dev.skiff.eval.lib.template;

/**
 * A template that cannot be read or rendered: the message in plain words and where in the template text it
 * happened (a 1-based line and column), for the caller to turn into a diagnostic.
 */
public final class TemplateException extends Exception {
    private final int line;
    private final int column;

    TemplateException(String message, String text, int offset) {
        super(message, null, false, false);
        int l = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                l++;
                lineStart = i + 1;
            }
        }
        this.line = l;
        this.column = offset - lineStart + 1;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
