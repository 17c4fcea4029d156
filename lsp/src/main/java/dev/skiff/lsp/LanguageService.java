package dev.skiff.lsp;

import dev.skiff.Compilation;
import dev.skiff.diag.Diagnostic;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * The language features of the server, over the compiler's analysis of each document: one method per feature,
 * taking a document and a position and answering in the protocol's terms. It keeps the newest analysis of each
 * open document; a request on a text that changed since is answered from a fresh analysis. The protocol adapter
 * ({@link SkiffLanguageServer}) only translates and schedules.
 */
final class LanguageService {
    final OpenDocuments docs = new OpenDocuments();
    final Analyzer analyzer = new Analyzer(docs);
    final ProjectFiles project = new ProjectFiles();
    private final Navigation navigation = new Navigation(analyzer, project);
    private final Map<String, DocumentAnalysis> latest = new ConcurrentHashMap<>();
    private final Map<String, DocumentAnalysis> repaired = new ConcurrentHashMap<>();
    private final Map<String, DocumentAnalysis> forRequests = new ConcurrentHashMap<>();

    // ---------------------------------------------------------------- analyses

    /** Analyses the document's current text now and keeps the result as its newest analysis. */
    DocumentAnalysis analyze(String uri) {
        OpenDocuments.Doc doc = docs.get(uri);
        if (doc == null) {
            return null;
        }
        DocumentAnalysis a = analyzer.analyze(uri, doc.version(), doc.text());
        latest.merge(uri, a, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        return a;
    }

    /**
     * The analysis of the document's current text, for a request: the newest if it is of that text, else one made
     * now without the checks before evaluation (a request needs types, not diagnostics), kept for the next
     * request on the same text.
     */
    DocumentAnalysis current(String uri) {
        OpenDocuments.Doc doc = docs.get(uri);
        if (doc == null) {
            return null;
        }
        DocumentAnalysis a = latest.get(uri);
        if (a != null && a.text().equals(doc.text())) {
            return a;
        }
        DocumentAnalysis quick = forRequests.get(uri);
        if (quick != null && quick.text().equals(doc.text())) {
            return quick;
        }
        quick = analyzer.analyze(uri, doc.version(), doc.text(), false);
        forRequests.put(uri, quick);
        return quick;
    }

    /** The newest analysis of a document, without analysing again (for diagnostics of other documents). */
    DocumentAnalysis latest(String uri) {
        return latest.get(uri);
    }

    void closed(String uri) {
        latest.remove(uri);
        repaired.remove(uri);
        forRequests.remove(uri);
        docs.remove(uri);
        analyzer.changed();
    }

    /** The diagnostics of an analysis and, when it has no errors, of running the program (null: stale). */
    List<org.eclipse.lsp4j.Diagnostic> diagnostics(DocumentAnalysis a, java.util.function.BooleanSupplier stale) {
        List<Diagnostic> all = a.analysis().diagnostics();
        if (!a.analysis().hasErrors() && a.analysis().available()) {
            Compilation c = analyzer.evaluate(a, stale);
            if (c == null) {
                return null;
            }
            all = c.diagnostics();
        }
        return Diagnostics.of(a, dev.skiff.lint.Lint.withWarnings(a.analysis(), all));
    }

    /** The open documents whose newest analysis read the file of {@code uri} (as an import). */
    List<String> dependents(String uri) {
        java.net.URI target = Uris.documentPath(uri).toUri();
        List<String> out = new ArrayList<>();
        latest.forEach((u, a) -> {
            if (!u.equals(uri) && a.available() && a.analysis().program().modules().values().stream()
                    .anyMatch(m -> !m.isMain() && m.units().stream().anyMatch(x -> x.file().uri().equals(target)))) {
                out.add(u);
            }
        });
        return out;
    }

    // ---------------------------------------------------------------- features

    private static int offset(DocumentAnalysis a, Position p) {
        return Positions.offset(a.file(), p);
    }

    List<CompletionItem> completion(String uri, Position p) {
        OpenDocuments.Doc doc = docs.get(uri);
        if (doc == null) {
            return List.of();
        }
        int offset = Positions.offset(dev.skiff.source.SourceFile.ofString(uri, doc.text()), p);
        return Completions.complete(doc.text(), offset, text -> text.equals(doc.text()) ? current(uri) : repaired(uri, doc, text));
    }

    /** An analysis of a repaired copy of a document's text (for completion), kept while that copy is asked for. */
    private DocumentAnalysis repaired(String uri, OpenDocuments.Doc doc, String text) {
        DocumentAnalysis known = repaired.get(uri);
        if (known != null && known.text().equals(text)) {
            return known;
        }
        DocumentAnalysis fresh = analyzer.analyze(uri, doc.version(), text, false);
        repaired.put(uri, fresh);
        return fresh;
    }

    Hover hover(String uri, Position p) {
        DocumentAnalysis a = current(uri);
        return a == null ? null : Hovers.hover(a, offset(a, p));
    }

    List<Location> definition(String uri, Position p) {
        DocumentAnalysis a = current(uri);
        return a == null ? List.of() : navigation.definition(a, offset(a, p));
    }

    List<Location> references(String uri, Position p, boolean includeDeclaration, CancelChecker cancel) {
        DocumentAnalysis a = current(uri);
        if (a == null) {
            return List.of();
        }
        navigation.setOpen(docs.uris());
        return Navigation.locations(navigation.references(a, offset(a, p), includeDeclaration, cancel));
    }

    /** Why a rename at {@code p} is refused (null: it is not). */
    String renameRefusal(String uri, Position p, String newName) {
        DocumentAnalysis a = current(uri);
        return a == null ? "the document is not open" : navigation.refusal(a, offset(a, p), newName);
    }

    Map<String, List<TextEdit>> rename(String uri, Position p, String newName, CancelChecker cancel) {
        DocumentAnalysis a = current(uri);
        if (a == null) {
            return Map.of();
        }
        navigation.setOpen(docs.uris());
        return navigation.rename(a, offset(a, p), newName, cancel);
    }

    /** The name a rename at {@code p} would change, and its range; null when there is none. */
    Range renameRange(String uri, Position p) {
        DocumentAnalysis a = current(uri);
        Span s = a == null ? null : navigation.nameAt(a, offset(a, p));
        return s == null ? null : Positions.range(s);
    }

    String renamePlaceholder(String uri, Position p) {
        DocumentAnalysis a = current(uri);
        Span s = a == null ? null : navigation.nameAt(a, offset(a, p));
        return s == null ? null : s.text();
    }

    List<DocumentSymbol> symbols(String uri) {
        DocumentAnalysis a = current(uri);
        return a == null ? List.of() : DocumentSymbols.symbols(a.unit());
    }

    List<TextEdit> formatting(String uri) {
        DocumentAnalysis a = current(uri);
        if (a == null || !a.parses()) {
            return List.of(); // never reformat what does not parse
        }
        var checked = dev.skiff.syntax.FormatCheck.format(a.file());
        if (checked.hasErrors() || checked.value().equals(a.text())) {
            return List.of(); // nothing to change, or no layout that provably keeps the meaning
        }
        String formatted = checked.value();
        Range all = new Range(new Position(0, 0), Positions.position(a.file(), a.file().length()));
        return List.of(new TextEdit(all, formatted));
    }

    List<org.eclipse.lsp4j.CodeAction> codeActions(String uri, List<org.eclipse.lsp4j.Diagnostic> diagnostics) {
        DocumentAnalysis a = current(uri);
        return a == null ? List.of() : CodeActions.actions(a, diagnostics);
    }

    List<Integer> semanticTokens(String uri, Range range) {
        DocumentAnalysis a = current(uri);
        if (a == null) {
            return List.of();
        }
        return range == null ? SemanticTokens.encode(a, 0, Integer.MAX_VALUE)
                : SemanticTokens.encode(a, offset(a, range.getStart()), offset(a, range.getEnd()));
    }

    SignatureHelp signatureHelp(String uri, Position p) {
        DocumentAnalysis a = current(uri);
        return a == null ? null : SignatureHelps.help(a, offset(a, p));
    }

    /** Something changed outside one document (files on disk, settings): drop what was derived from it. */
    void reset() {
        analyzer.reset();
        latest.clear();
        repaired.clear();
        forRequests.clear();
    }
}
