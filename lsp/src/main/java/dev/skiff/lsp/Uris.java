package dev.skiff.lsp;

import dev.skiff.source.SourceFile;
import java.net.URI;
import java.nio.file.Path;

/**
 * Between the editor's URIs and files: {@code file:} URIs are files; other documents (an unsaved
 * {@code untitled:} buffer) stand in for a file under a scratch directory; the stdlib's sources, which live in
 * the jar, are shown from read-only copies ({@link StdlibSources}).
 */
final class Uris {
    private Uris() {
    }

    /** The file a {@code file:} URI names, absolute and normalized; null for other URIs. */
    static Path pathOf(String uri) {
        try {
            return uri != null && uri.startsWith("file:") ? Path.of(URI.create(uri)).toAbsolutePath().normalize() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The file a document is compiled as: its own, or a stand-in for a document that is not a file. */
    static Path documentPath(String uri) {
        Path p = pathOf(uri);
        if (p != null) {
            return p;
        }
        String name = Integer.toHexString(uri.hashCode()) + ".k";
        return Path.of(System.getProperty("java.io.tmpdir"), "skiff-lsp-untitled", name).toAbsolutePath().normalize();
    }

    static String uriOf(Path file) {
        return file.toUri().toString();
    }

    /**
     * The URI an editor opens for a source file of an analysis: the file itself, the read-only copy of a stdlib
     * module, or {@code fallback} (the document a stand-in path was made for).
     */
    static String uriOf(SourceFile file, String document, Path documentPath) {
        URI u = file.uri();
        if ("skiff-stdlib".equals(u.getScheme())) {
            String resource = u.getPath().startsWith("/") ? u.getPath().substring(1) : u.getPath();
            Path copy = StdlibSources.file(resource.replaceAll("\\.k$", "").replace('/', '.'));
            return copy == null ? u.toString() : uriOf(copy);
        }
        if ("file".equals(u.getScheme())) {
            Path p = Path.of(u).toAbsolutePath().normalize();
            return p.equals(documentPath) ? document : uriOf(p);
        }
        return u.toString();
    }
}
