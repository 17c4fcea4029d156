package dev.skiff.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs inputs one at a time under a watchdog: each input's stages run on a thread of their own, with the
 * stack a command-line run has; an input that does not finish in time is a hang, recorded with the stack of
 * the thread doing the work, and is interrupted (Skiff stops a compilation when its thread is interrupted).
 * A thread that does not stop even then is abandoned and counted.
 */
final class Worker {
    /** What one input produced: each stage's result, and the findings. */
    record Attempt(List<Pipeline.StageResult> stages, List<Finding> findings) {
    }

    private static final int MAX_LSP_CHARS = 200_000;

    private final String name;
    private final long hangMs;
    private final LspDriver lsp;
    private final Figures figures;
    private ExecutorService executor;
    private volatile Thread thread;

    Worker(String name, long hangMs, LspDriver lsp, Figures figures) {
        this.name = name;
        this.hangMs = hangMs;
        this.lsp = lsp;
        this.figures = figures;
        this.executor = newExecutor();
    }

    private ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    void close() {
        executor.shutdownNow();
    }

    /** Runs the input through every stage (and the language server when {@code withLsp}), within the watchdog's time. */
    Attempt attempt(Input in, boolean withLsp, long seed) {
        Pipeline pipeline = new Pipeline();
        List<Finding> lspFindings = new ArrayList<>();
        List<Pipeline.StageResult> lspResult = new ArrayList<>();
        // an editor holds documents of a few thousand lines; the very large inputs are for the compiler's limits
        boolean lspToo = withLsp && lsp != null && in.bytes() == null && in.text().length() <= MAX_LSP_CHARS;
        Future<?> f = executor.submit(() -> {
            pipeline.run(in);
            if (lspToo) {
                long t0 = System.nanoTime();
                List<Finding> found = lsp.exercise(in.text(), new Random(seed));
                lspFindings.addAll(found);
                lspResult.add(new Pipeline.StageResult(Stage.LSP, found.isEmpty() ? Verdict.OK : found.get(0).verdict(),
                        System.nanoTime() - t0, null));
                figures.lspDocuments.increment();
            }
            return null;
        });
        List<Finding> findings = new ArrayList<>();
        List<Pipeline.StageResult> hung = new ArrayList<>();
        try {
            // the language server's requests each have the watchdog's time; the document as a whole, three times it
            f.get(lspToo ? 3 * hangMs : hangMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Finding h = hang(pipeline);
            findings.add(h);
            hung.add(new Pipeline.StageResult(h.stage(), Verdict.HANG, TimeUnit.MILLISECONDS.toNanos(hangMs), h));
            stop(f);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof InterruptedException)) {
                Stage at = pipeline.current() != null ? pipeline.current() : Stage.COMPILE;
                Verdict v = Pipeline.verdictOf(cause);
                findings.add(new Finding(at, v, Signatures.of(at, v, cause), Signatures.trace(cause)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(f);
        }
        List<Pipeline.StageResult> stages = new ArrayList<>(pipeline.results());
        for (Pipeline.StageResult r : stages) {
            if (r.finding() != null) {
                findings.add(r.finding());
            }
        }
        stages.addAll(lspResult);
        stages.addAll(hung);
        findings.addAll(lspFindings);
        return new Attempt(stages, findings);
    }

    /** A hang, named by the frames the stuck thread (or the compilation it waits for) is in. */
    private Finding hang(Pipeline pipeline) {
        Stage at = pipeline.current() != null ? pipeline.current() : Stage.LSP;
        Thread worker = thread;
        StackTraceElement[] stack = worker == null ? new StackTraceElement[0] : worker.getStackTrace();
        for (var e : Thread.getAllStackTraces().entrySet()) {
            // Skiff.compile runs on a thread of its own, named after the thread that asked
            if (worker != null && e.getKey().getName().startsWith("skiff-compile") && e.getKey().getName().contains(worker.getName())) {
                stack = e.getValue();
            }
        }
        String sig = at + " HANG at " + String.join(" < ", Signatures.top(stack));
        return new Finding(at, Verdict.HANG, sig, "no answer within " + hangMs + " ms; the thread was at:\n"
                + Signatures.trace(stack));
    }

    private void stop(Future<?> f) {
        f.cancel(true);
        try {
            executor.shutdown();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                figures.abandonedThreads.increment();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        executor = newExecutor();
    }
}
