package dev.skiff.lsp;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The documents the editor has open: their latest text and version, by URI. */
final class OpenDocuments {
    /** One open document. */
    record Doc(int version, String text) {
    }

    private final Map<String, Doc> docs = new ConcurrentHashMap<>();

    void put(String uri, int version, String text) {
        docs.put(uri, new Doc(version, text));
    }

    void remove(String uri) {
        docs.remove(uri);
    }

    Doc get(String uri) {
        return docs.get(uri);
    }

    String text(String uri) {
        Doc d = docs.get(uri);
        return d == null ? null : d.text();
    }

    Set<String> uris() {
        return docs.keySet();
    }

    /** The open documents that are files, as texts standing in for the disk's (absolute, normalized paths). */
    Map<Path, String> overlay() {
        Map<Path, String> out = new HashMap<>();
        docs.forEach((uri, d) -> {
            Path p = Uris.pathOf(uri);
            if (p != null) {
                out.put(p, d.text());
            }
        });
        return out;
    }
}
