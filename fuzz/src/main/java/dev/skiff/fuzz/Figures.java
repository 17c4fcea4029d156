package dev.skiff.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The campaign's counts: verdicts by stage, slow inputs, language-server traffic, memory. Thread-safe. */
final class Figures {
    private final Map<Stage, Map<Verdict, LongAdder>> verdicts = new EnumMap<>(Stage.class);
    private final Map<Stage, LongAdder> slow = new EnumMap<>(Stage.class);
    private final Map<Stage, LongAdder> nanos = new EnumMap<>(Stage.class);
    /** The slowest stages seen, slowest first, with their inputs (for a look at why). */
    record Slow(long nanos, Stage stage, Input input) {
        @Override
        public String toString() {
            return String.format("%8.1f s  %-8s %7d chars  %s", nanos / 1e9, stage, input.size(), input.origin());
        }
    }

    private final List<Slow> slowest = new ArrayList<>();
    final LongAdder inputs = new LongAdder();
    final LongAdder lspDocuments = new LongAdder();
    final LongAdder lspRequests = new LongAdder();
    final LongAdder abandonedThreads = new LongAdder();
    final AtomicLong peakRssKb = new AtomicLong();
    private final long slowNanos;

    Figures(long slowMs) {
        this.slowNanos = slowMs * 1_000_000L;
        for (Stage s : Stage.values()) {
            Map<Verdict, LongAdder> m = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                m.put(v, new LongAdder());
            }
            verdicts.put(s, m);
            slow.put(s, new LongAdder());
            nanos.put(s, new LongAdder());
        }
    }

    void record(Input in, Pipeline.StageResult r) {
        verdicts.get(r.stage()).get(r.verdict()).increment();
        nanos.get(r.stage()).add(r.nanos());
        if (r.nanos() > slowNanos) {
            slow.get(r.stage()).increment();
            synchronized (slowest) {
                slowest.add(new Slow(r.nanos(), r.stage(), in));
                slowest.sort(Comparator.comparingLong(Slow::nanos).reversed());
                if (slowest.size() > 10) {
                    slowest.remove(slowest.size() - 1);
                }
            }
        }
    }

    List<Slow> slowest() {
        synchronized (slowest) {
            return List.copyOf(slowest);
        }
    }

    long count(Stage s, Verdict v) {
        return verdicts.get(s).get(v).sum();
    }

    long total(Stage s) {
        return verdicts.get(s).values().stream().mapToLong(LongAdder::sum).sum();
    }

    long defects() {
        long n = 0;
        for (Stage s : Stage.values()) {
            for (Verdict v : Verdict.values()) {
                if (v.isDefect()) {
                    n += count(s, v);
                }
            }
        }
        return n;
    }

    final AtomicLong peakVirtualKb = new AtomicLong();

    void sampleMemory() {
        peakRssKb.accumulateAndGet(Memory.rssKb(), Math::max);
        peakVirtualKb.accumulateAndGet(Memory.virtualKb(), Math::max);
    }

    String table(double seconds) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%d inputs in %.0f s (%.0f/s), %d language-server documents, %d requests%n", inputs.sum(),
                seconds, inputs.sum() / Math.max(seconds, 1e-9), lspDocuments.sum(), lspRequests.sum()));
        b.append(String.format("%-9s %9s %9s %10s %9s %7s %6s %5s %9s %9s %7s %9s%n", "stage", "inputs", "ok", "diagnostic",
                "unplaced", "crash", "hang", "oom", "refused", "broken", "slow", "mean ms"));
        for (Stage s : Stage.values()) {
            long n = total(s);
            b.append(String.format("%-9s %9d %9d %10d %9d %7d %6d %5d %9d %9d %7d %9.2f%n", s.name().toLowerCase(), n,
                    count(s, Verdict.OK), count(s, Verdict.DIAGNOSTIC), count(s, Verdict.UNPLACED_DIAGNOSTIC),
                    count(s, Verdict.CRASH), count(s, Verdict.HANG), count(s, Verdict.OUT_OF_MEMORY),
                    count(s, Verdict.FORMAT_REFUSED), count(s, Verdict.FORMAT_BROKE_MEANING), slow.get(s).sum(),
                    n == 0 ? 0.0 : nanos.get(s).sum() / 1e6 / n));
        }
        b.append(String.format("abandoned threads: %d; peak resident memory: %d MiB, peak virtual: %d MiB%n",
                abandonedThreads.sum(), peakRssKb.get() / 1024, peakVirtualKb.get() / 1024));
        synchronized (slowest) {
            if (!slowest.isEmpty()) {
                b.append("slowest stages:\n");
                slowest.forEach(x -> b.append("  ").append(x).append('\n'));
            }
        }
        return b.toString();
    }
}
