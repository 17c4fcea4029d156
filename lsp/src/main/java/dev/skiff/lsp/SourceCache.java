package dev.skiff.lsp;

import dev.skiff.diag.Result;
import dev.skiff.modules.ParseCache;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Parser;
import dev.skiff.syntax.SourceUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's parse cache: one tree per file and text (and the name it is shown under), kept for the session,
 * so a keystroke re-parses one file and the packages a document imports are parsed once. A file's entry is
 * replaced when its text changes.
 */
final class SourceCache implements ParseCache {
    private record Entry(String text, Result<SourceUnit> parsed) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Result<SourceUnit> parse(SourceFile file) {
        String key = file.uri() + "\u0000" + file.name();
        Entry e = entries.get(key);
        if (e != null && e.text().equals(file.text()) && sameFile(e.parsed(), file)) {
            return e.parsed();
        }
        Result<SourceUnit> parsed = Parser.parse(file);
        entries.put(key, new Entry(file.text(), parsed));
        return parsed;
    }

    /** A cached tree is reused only with its own {@link SourceFile} (spans point at it). */
    private static boolean sameFile(Result<SourceUnit> parsed, SourceFile file) {
        return parsed.value() == null || parsed.value().file().text().equals(file.text());
    }

    void clear() {
        entries.clear();
    }
}
