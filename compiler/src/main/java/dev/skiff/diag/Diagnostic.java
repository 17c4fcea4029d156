package dev.skiff.diag;

import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One problem in the user's program: a stable {@link Code}, a severity, a one-sentence message in plain
 * words, the primary span, secondary labels, and hints ("did you mean `replicas`?"). The same type
 * travels from the parser to the CLI and the language server.
 *
 * @param span the primary location; null only for problems with no place in any file (a missing
 *             input file, for instance)
 */
public record Diagnostic(Code code, Severity severity, String message, Span span, List<Label> labels,
                         List<String> hints) {
    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        labels = List.copyOf(labels);
        hints = List.copyOf(hints);
    }

    public static Diagnostic error(Code code, Span span, String message) {
        return new Diagnostic(code, Severity.ERROR, message, span, List.of(), List.of());
    }

    public static Diagnostic warning(Code code, Span span, String message) {
        return new Diagnostic(code, Severity.WARNING, message, span, List.of(), List.of());
    }

    public Diagnostic withLabel(Span labelSpan, String labelMessage) {
        if (labelSpan == null) {
            return this;
        }
        List<Label> more = new ArrayList<>(labels);
        more.add(new Label(labelSpan, labelMessage));
        return new Diagnostic(code, severity, message, span, more, hints);
    }

    public Diagnostic withHint(String hint) {
        if (hint == null || hint.isEmpty()) {
            return this;
        }
        List<String> more = new ArrayList<>(hints);
        more.add(hint);
        return new Diagnostic(code, severity, message, span, labels, more);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
