package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.diag.Result;
import dev.skiff.modules.ParseCache;
import dev.skiff.syntax.Parser;
import dev.skiff.syntax.SourceUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Compiles (and lints) the programs of one {@code skiff check} run on as many threads as there are processors. Each
 * compilation is independent; they share only immutable data (the Kubernetes schemas) and one parse of each
 * file, so a package imported by many is parsed once. Results come back in the requests' order, so the report is
 * the same however the work was scheduled.
 */
final class ParallelCompile {
    private ParallelCompile() {
    }

    static List<Compilation> compileAll(List<CompileRequest> requests) {
        ParseCache parses = sharedParses();
        int threads = Math.min(requests.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            return requests.stream().map(r -> ProgramRuns.compileLinted(r, parses)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "skiff-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Compilation>> running = new ArrayList<>();
            for (CompileRequest r : requests) {
                running.add(pool.submit(() -> ProgramRuns.compileLinted(r, parses)));
            }
            List<Compilation> out = new ArrayList<>();
            for (Future<Compilation> f : running) {
                try {
                    out.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while checking", e);
                } catch (ExecutionException e) {
                    // Skiff.compile turns failures into diagnostics; what reaches here is a defect
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Parses each file once per run: keyed by location and text, so a file is never given another's tree (a
     * record key, not the two joined: joining copied every file's text on every look-up).
     */
    private static ParseCache sharedParses() {
        ConcurrentHashMap<Key, Result<SourceUnit>> seen = new ConcurrentHashMap<>();
        return file -> seen.computeIfAbsent(new Key(file.uri(), file.text()), k -> Parser.parse(file));
    }

    private record Key(java.net.URI uri, String text) {
    }
}
