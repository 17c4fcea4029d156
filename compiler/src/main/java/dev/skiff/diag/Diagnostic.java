package dev.skiff.diag;

import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One problem in the user's program: a stable {@link Code}, a severity, a one-sentence message in plain
 * words, the primary span, secondary labels, hints ("did you mean `replicas`?"), and structured {@link Fix}es
 * that tools apply without reading the text. The same type travels from the parser to the CLI and the language
 * server.
 *
 * @param span the primary location; null only for problems with no place in any file (a missing
 *             input file, for instance)
 */
public record Diagnostic(Code code, Severity severity, String message, Span span, List<Label> labels,
                         List<String> hints, List<Fix> fixes) {
    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        labels = List.copyOf(labels);
        hints = List.copyOf(hints);
        fixes = List.copyOf(fixes);
    }

    public Diagnostic(Code code, Severity severity, String message, Span span, List<Label> labels, List<String> hints) {
        this(code, severity, message, span, labels, hints, List.of());
    }

    /** A change that would resolve the problem, as data: an editor offers it as a quick fix. */
    public sealed interface Fix {
        /**
         * Replace {@code found} with {@code text}: at {@code span}, or, when the place is not known exactly (null),
         * where {@code found} is written last inside the diagnostic's own span (a dotted key's last name).
         */
        record Replace(Span span, String found, String text) implements Fix {
        }

        /** Set these required attributes of the schema instance the diagnostic points at. */
        record AddAttributes(List<String> names) implements Fix {
            public AddAttributes {
                names = List.copyOf(names);
            }
        }
    }

    public static Diagnostic error(Code code, Span span, String message) {
        return new Diagnostic(code, Severity.ERROR, message, span, List.of(), List.of(), List.of());
    }

    public static Diagnostic warning(Code code, Span span, String message) {
        return new Diagnostic(code, Severity.WARNING, message, span, List.of(), List.of(), List.of());
    }

    /** The same problem with a structured fix. */
    public Diagnostic withFix(Fix fix) {
        if (fix == null) {
            return this;
        }
        List<Fix> more = new java.util.ArrayList<>(fixes);
        more.add(fix);
        return new Diagnostic(code, severity, message, span, labels, hints, more);
    }

    /**
     * "did you mean `x`?" for the name this diagnostic points at, with the replacement as a {@link Fix.Replace};
     * unchanged when no candidate is close to {@code written}.
     */
    public Diagnostic suggesting(String written, java.util.Collection<String> candidates) {
        String c = Suggestions.closest(written, candidates);
        return c == null ? this : withHint("did you mean `" + c + "`?").withFix(new Fix.Replace(null, written, c));
    }

    /** The same problem at another place (the fixes keep theirs). */
    public Diagnostic at(Span other) {
        return new Diagnostic(code, severity, message, other, labels, hints, fixes);
    }

    public Diagnostic withLabel(Span labelSpan, String labelMessage) {
        if (labelSpan == null) {
            return this;
        }
        List<Label> more = new ArrayList<>(labels);
        more.add(new Label(labelSpan, labelMessage));
        return new Diagnostic(code, severity, message, span, more, hints, fixes);
    }

    public Diagnostic withHint(String hint) {
        if (hint == null || hint.isEmpty()) {
            return this;
        }
        List<String> more = new ArrayList<>(hints);
        more.add(hint);
        return new Diagnostic(code, severity, message, span, labels, more, fixes);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
