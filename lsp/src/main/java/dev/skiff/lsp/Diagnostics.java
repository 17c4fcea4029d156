package dev.skiff.lsp;

import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Label;
import dev.skiff.diag.Severity;
import dev.skiff.modules.Program;
import dev.skiff.source.Span;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The compiler's diagnostics as a document shows them: its own at their place; an error in a package the
 * document imports (directly or not) on the import that leads there, naming the place, with a related location
 * at it. Fixes travel in the diagnostic's {@code data} for code actions.
 */
final class Diagnostics {
    private Diagnostics() {
    }

    static List<org.eclipse.lsp4j.Diagnostic> of(DocumentAnalysis d, List<Diagnostic> all) {
        List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
        Path documentPath = Uris.documentPath(d.uri());
        for (Diagnostic x : all) {
            if (x.span() == null || x.span().file().uri().equals(d.file().uri())) {
                out.add(convert(x, d, documentPath));
            } else if (x.severity() == Severity.ERROR && !inPackage(d, x.span())) {
                out.add(convert(onImport(x, d), d, documentPath));
            }
        }
        return out;
    }

    /** Whether a place is in another file of the document's own package (shown when that file is open). */
    private static boolean inPackage(DocumentAnalysis d, Span s) {
        return d.available() && d.analysis().program().main().units().stream().anyMatch(u -> u.file() == s.file());
    }

    static org.eclipse.lsp4j.Diagnostic convert(Diagnostic d, DocumentAnalysis doc, Path documentPath) {
        Range range = d.span() == null ? new Range(new Position(0, 0), new Position(0, 0)) : Positions.range(d.span());
        String message = d.message() + (d.hints().isEmpty() ? "" : "\n" + String.join("\n", d.hints()));
        org.eclipse.lsp4j.Diagnostic out = new org.eclipse.lsp4j.Diagnostic(range, message,
                d.severity() == Severity.ERROR ? DiagnosticSeverity.Error
                        : d.severity() == Severity.WARNING ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
                "skiff", d.code().id());
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (Label l : d.labels()) {
            if (l.span() != null) {
                related.add(new DiagnosticRelatedInformation(new Location(
                        Uris.uriOf(l.span().file(), doc.uri(), documentPath), Positions.range(l.span())), l.message()));
            }
        }
        if (!related.isEmpty()) {
            out.setRelatedInformation(related);
        }
        CodeActions.attach(d, out);
        return out;
    }

    /**
     * An error located in another file, moved onto the import of this document whose package leads to that file
     * (or onto the start of the document), with a label at the error's own place.
     */
    static Diagnostic onImport(Diagnostic d, DocumentAnalysis doc) {
        Span at = Span.of(doc.file(), 0, 0);
        Stmt.Import via = doc.available() ? importLeadingTo(doc, d.span()) : null;
        if (via != null) {
            at = via.pathSpan();
        }
        Diagnostic moved = Diagnostic.error(d.code(), at, "in `" + d.span().file().name() + ":" + d.span().line() + ":"
                + d.span().column() + "`: " + d.message()).withLabel(d.span(), d.message());
        for (String hint : d.hints()) {
            moved = moved.withHint(hint);
        }
        return moved;
    }

    private static Stmt.Import importLeadingTo(DocumentAnalysis doc, Span target) {
        Program program = doc.analysis().program();
        Program.Module wanted = program.moduleOf(target.file());
        if (wanted == null) {
            return null;
        }
        List<Stmt.Import> imports = new ArrayList<>();
        collectImports(doc.unit().body(), imports);
        for (Stmt.Import i : imports) {
            if (reaches(program, program.target(i), wanted)) {
                return i;
            }
        }
        return null;
    }

    private static void collectImports(List<Stmt> body, List<Stmt.Import> out) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Import i) {
                out.add(i);
            } else if (s instanceof Stmt.If i) {
                collectImports(i.body(), out);
                collectImports(i.orElse(), out);
            }
        }
    }

    private static boolean reaches(Program program, Program.Target from, Program.Module wanted) {
        if (!(from instanceof Program.Target.Package start)) {
            return false;
        }
        Deque<Program.Module> todo = new ArrayDeque<>(List.of(start.module()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Program.Module m = todo.poll();
            if (m.name().equals(wanted.name())) {
                return true;
            }
            if (!seen.add(m.name())) {
                continue;
            }
            for (SourceUnit u : m.units()) {
                List<Stmt.Import> imports = new ArrayList<>();
                collectImports(u.body(), imports);
                for (Stmt.Import i : imports) {
                    if (program.target(i) instanceof Program.Target.Package p) {
                        todo.add(p.module());
                    }
                }
            }
        }
        return false;
    }
}
