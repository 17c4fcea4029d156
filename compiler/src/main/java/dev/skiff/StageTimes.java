package dev.skiff;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock and thread CPU time per pipeline stage of one compilation, for profiling whole runs: on when the JVM runs with
 * {@code -Dskiff.timings} (for the launcher: {@code SKIFF_JAVA_OPTS=-Dskiff.timings}), and then printed to
 * standard error, one line per stage. The CPU time is the measuring thread's own (not the collector's), which
 * a loaded machine disturbs less than the wall-clock time. Off, it costs one property read per compilation.
 */
public final class StageTimes {
    private record Stage(String name, long nanos, long cpuNanos) {
    }


    private final boolean on;
    /** Loaded only when measuring: the management classes cost start-up time. */
    private final java.lang.management.ThreadMXBean threads;
    private final List<Stage> stages = new ArrayList<>();
    private long last = System.nanoTime();
    private long lastCpu;

    private StageTimes(boolean on) {
        this.on = on;
        this.threads = on ? java.lang.management.ManagementFactory.getThreadMXBean() : null;
        this.lastCpu = on ? threads.getCurrentThreadCpuTime() : 0;
    }

    /** A clock that measures when the {@code skiff.timings} property is set, and does nothing otherwise. */
    public static StageTimes fromSystem() {
        return new StageTimes(System.getProperty("skiff.timings") != null);
    }

    public boolean on() {
        return on;
    }

    /** Ends the stage running since the previous mark (or the clock's start). */
    public void mark(String stage) {
        if (!on) {
            return;
        }
        long now = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        stages.add(new Stage(stage, now - last, cpu - lastCpu));
        last = now;
        lastCpu = cpu;
    }

    /** Writes the stages measured so far and forgets them. */
    public void print(PrintStream err) {
        if (!on || stages.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (Stage s : stages) {
            sb.append(String.format(Locale.ROOT, "skiff timing: %-10s %8.1f ms wall %8.1f ms cpu%n", s.name(),
                    s.nanos() / 1e6, s.cpuNanos() / 1e6));
        }
        err.print(sb);
        err.flush();
        stages.clear();
    }
}
