package dev.skiff.lsp;

import dev.skiff.Analysis;
import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.SourceUnit;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Runs the compiler's front end for documents: each document is the main file of a program whose imports are
 * read from the editor's open buffers where they are open, else from disk, parsed through one
 * {@link SourceCache} for the session. Analyses of files that are not open (for cross-file references) are
 * kept per text and dropped whenever anything changes.
 */
final class Analyzer {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private final OpenDocuments docs;
    private final SourceCache cache = new SourceCache();
    private final Map<Path, DocumentAnalysis> files = new ConcurrentHashMap<>();

    Analyzer(OpenDocuments docs) {
        this.docs = docs;
    }

    /**
     * The compile request a document is analysed and evaluated with: the package it belongs to (the {@code .k}
     * files of its directory, as {@code skiff check DIR} reads them), with the editor's buffers over the disk's
     * texts; its objects are validated too.
     */
    CompileRequest request(String uri, String text) {
        Path file = Uris.documentPath(uri);
        Map<Path, String> overlay = docs.overlay();
        if (text != null) {
            overlay.put(file, text);
        }
        return new CompileRequest(packageFiles(uri, file), Map.of(), file.getParent(), QUIET).withOverlay(overlay)
                .withValidation(true);
    }

    private static List<Path> packageFiles(String uri, Path file) {
        if (Uris.pathOf(uri) == null) {
            return List.of(file); // not a file: a package of its own
        }
        List<Path> files = new java.util.ArrayList<>();
        try {
            files.addAll(dev.skiff.modules.ProjectResolver.moduleFiles(file.getParent()));
        } catch (java.io.IOException | RuntimeException e) {
            // an unreadable directory: the document alone
        }
        if (!files.contains(file)) {
            files.add(file); // a new file, not saved yet (or a test file, which a package leaves out)
        }
        return files;
    }

    /** Analyses one version of a document, with the checks before evaluation. */
    DocumentAnalysis analyze(String uri, int version, String text) {
        return analyze(uri, version, text, true);
    }

    /** Analyses one version of a document; without {@code checks}, only as far as its names and types. */
    DocumentAnalysis analyze(String uri, int version, String text, boolean checks) {
        Path file = Uris.documentPath(uri);
        Analysis a = Skiff.analyze(request(uri, text).withStaticChecks(checks), cache);
        SourceUnit unit = null;
        SourceFile source = null;
        if (a.available()) {
            URI target = file.toUri();
            for (SourceUnit u : a.program().main().units()) {
                if (u.file().uri().equals(target)) {
                    unit = u;
                    source = u.file();
                }
            }
        }
        if (source == null) {
            source = SourceFile.of(file, file.getFileName().toString(), text);
        }
        return new DocumentAnalysis(uri, version, text, source, unit, a);
    }

    /** Runs a document's analysed program (and validates its objects); {@code cancelled} stops it early. */
    Compilation evaluate(DocumentAnalysis d, BooleanSupplier cancelled) {
        return Skiff.evaluate(d.analysis(), request(d.uri(), d.text()), cancelled);
    }

    /** The analysis of a project file as the editor sees it: its open buffer, else its text on disk. */
    DocumentAnalysis file(Path path) {
        String uri = Uris.uriOf(path);
        OpenDocuments.Doc open = docs.get(uri);
        String text = textOf(path);
        if (text == null) {
            return null;
        }
        DocumentAnalysis known = files.get(path);
        if (known != null && known.text().equals(text)) {
            return known;
        }
        DocumentAnalysis fresh = analyze(uri, open == null ? 0 : open.version(), text);
        files.put(path, fresh);
        return fresh;
    }

    /** A file's text as the editor sees it: its open buffer, else the disk's; null when it cannot be read. */
    String textOf(Path path) {
        OpenDocuments.Doc open = docs.get(Uris.uriOf(path));
        if (open != null) {
            return open.text();
        }
        try {
            return java.nio.file.Files.readString(path);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Forgets the analyses of other files (something changed: a buffer, a file on disk, the settings). */
    void changed() {
        files.clear();
    }

    /** Forgets parsed trees too (files changed on disk outside the editor). */
    void reset() {
        files.clear();
        cache.clear();
    }
}
