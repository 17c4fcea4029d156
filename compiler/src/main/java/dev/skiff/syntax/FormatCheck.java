package dev.skiff.syntax;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The formatter as editors and {@code skiff fmt} use it: the canonical layout, only when it provably keeps
 * the program's meaning. The formatted text must parse, to the same syntax tree (layout apart) with the
 * same comments, and formatting it again must change nothing. Anything else is refused with a diagnostic
 * and nothing is written: a formatter that cannot lay a file out safely leaves it as it is.
 */
public final class FormatCheck {
    private FormatCheck() {
    }

    /**
     * The formatted text of {@code file}; or, when the file has syntax errors or cannot be formatted safely,
     * no value and the diagnostics saying why.
     */
    public static Result<String> format(SourceFile file) {
        try {
            return check(file);
        } catch (CancellationException e) {
            // interrupted: whoever asked no longer wants the answer, and gets no half-formatted file
            return Result.failed(List.of(Diagnostic.error(Code.E0109, Span.of(file, 0, 0), "formatting was cancelled")));
        }
    }

    private static Result<String> check(SourceFile file) {
        Result<SourceUnit> before = Parser.parse(file);
        if (before.hasErrors()) {
            return Result.failed(before.diagnostics());
        }
        String formatted = Formatter.format(file.text());
        if (formatted.equals(file.text())) {
            return Result.ok(formatted);
        }
        SourceFile again = new SourceFile(file.uri(), file.name(), formatted);
        Result<SourceUnit> after = Parser.parse(again);
        if (after.hasErrors()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("formatting was cancelled"); // the parse stopped early, not failed
            }
            return refused(Span.of(file, 0, 0), "formatting would make this file unparsable");
        }
        Span changed = SyntaxShape.firstDifference(before.value(), after.value());
        if (changed != null) {
            return refused(changed, "formatting would change what this code means");
        }
        if (!comments(before.value()).equals(comments(after.value()))) {
            return refused(Span.of(file, 0, 0), "formatting would change a comment");
        }
        if (!Formatter.format(formatted).equals(formatted)) {
            return refused(Span.of(file, 0, 0), "the formatter does not reach a stable layout for this file");
        }
        return Result.ok(formatted);
    }

    private static List<String> comments(SourceUnit unit) {
        return unit.comments().stream().map(Node.Comment::text).toList();
    }

    private static Result<String> refused(Span at, String why) {
        return Result.failed(List.of(Diagnostic.error(Code.E0901, at, why + "; the file is left as it is")
                .withHint("this is a bug in Skiff's formatter; please report it with the file")));
    }
}
