package dev.skiff.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fuzzing campaign: workers draw inputs ({@link Inputs}) and run them through every stage
 * ({@link Worker}), one input in {@code lspEvery} also through the language server, until the time budget or
 * the input count runs out; then each finding is minimised into a reproducer and the figures are printed.
 *
 * <pre>
 * java -jar fuzz/target/skiff-fuzz.jar --budget 30m [--seed N] [--threads 2] [--inputs N] [--out DIR]
 * </pre>
 * The exit code is 0 when there was no crash, hang, out-of-memory or formatter meaning change, else 1.
 */
public final class Campaign {
    /**
     * @param budget    wall time for trying inputs (minimising comes after)
     * @param maxInputs stop after this many inputs (whichever of the two comes first)
     * @param lspEvery  one input in this many also goes through the language server (0: none)
     * @param minimise  time for minimising all findings at the end
     */
    public record Options(Duration budget, long maxInputs, long seed, int threads, Path out, long hangMs, long slowMs,
                          int lspEvery, Duration minimise, Duration progressEvery, long maxRssMb) {
        public Options(Duration budget, long maxInputs, long seed, int threads, Path out, long hangMs, long slowMs,
                       int lspEvery, Duration minimise, Duration progressEvery) {
            this(budget, maxInputs, seed, threads, out, hangMs, slowMs, lspEvery, minimise, progressEvery, 3072);
        }

        public static Options defaults() {
            return new Options(Duration.ofMinutes(10), Long.MAX_VALUE, 1, 2, Path.of("fuzz/target/findings"), 10_000, 1_000,
                    20, Duration.ofMinutes(2), Duration.ofSeconds(60));
        }
    }

    /** What a campaign found. */
    public record Report(String figures, String findings, long defects, long inputs, Figures counts) {
    }

    private final Options o;
    private final Corpus corpus;
    private final PrintStream log;

    public Campaign(Options o, Corpus corpus, PrintStream log) {
        this.o = o;
        this.corpus = corpus;
        this.log = log;
    }

    public Report run() throws IOException, InterruptedException {
        Files.createDirectories(o.out());
        Path scratch = Files.createTempDirectory("skiff-fuzz");
        Figures figures = new Figures(o.slowMs());
        Findings findings = new Findings(o.out());
        long start = System.nanoTime();
        long end = start + o.budget().toNanos();
        AtomicLong taken = new AtomicLong();
        try (ProgramSource programs = new ProgramSource(o.seed());
             LspDriver lsp = o.lspEvery() > 0 ? new LspDriver(Files.createDirectories(scratch.resolve("lsp")), o.hangMs(),
                figures.lspRequests) : null) {
            List<Thread> threads = new ArrayList<>();
            List<Worker> workers = new ArrayList<>();
            for (int i = 0; i < o.threads(); i++) {
                int index = i;
                Worker w = new Worker("fuzz-" + i, o.hangMs(), lsp, figures);
                workers.add(w);
                Path dir = Files.createDirectories(scratch.resolve("w" + i));
                Thread t = new Thread(() -> loop(index, w, dir, figures, findings, end, taken, programs),
                        "fuzz-driver-" + i);
                threads.add(t);
                t.start();
            }
            long nextProgress = start + o.progressEvery().toNanos();
            while (threads.stream().anyMatch(Thread::isAlive)) {
                threads.get(0).join(200);
                figures.sampleMemory();
                if (System.nanoTime() > nextProgress) {
                    nextProgress += o.progressEvery().toNanos();
                    log.printf("[%5.0f s] %d inputs, %d defects, %d signatures, rss %d MiB%n", (System.nanoTime() - start) / 1e9,
                            figures.inputs.sum(), figures.defects(), findings.entries().size(), Memory.rssKb() / 1024);
                    log.print(figures.table((System.nanoTime() - start) / 1e9).lines().skip(1).limit(7)
                            .map(l -> "    " + l + "\n").reduce("", String::concat));
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String memory = Memory.nativeSummary();
            if (memory != null) {
                Files.writeString(o.out().resolve("native-memory.txt"), memory);
            }
            writeSlowest(figures);
            minimiseAll(findings, workers.get(0), lsp);
            workers.forEach(Worker::close);
            figures.sampleMemory();
            long overCap = figures.peakRssKb.get() / 1024 > o.maxRssMb() ? 1 : 0;
            String table = figures.table(seconds) + (overCap > 0 ? "RESIDENT MEMORY OVER THE CAP OF " + o.maxRssMb()
                    + " MiB\n" : "");
            return new Report(table, findings.summary(), figures.defects() + overCap, figures.inputs.sum(), figures);
        }
    }

    private void loop(int index, Worker w, Path dir, Figures figures, Findings findings, long end, AtomicLong taken,
                      ProgramSource programs) {
        Random r = new Random(o.seed() * 1_000_003L + index);
        loop(r, new Inputs(corpus, r, dir, programs), w, figures, findings, end, taken);
    }

    private void loop(Random r, Inputs inputs, Worker w, Figures figures, Findings findings, long end, AtomicLong taken) {
        while (System.nanoTime() < end && taken.incrementAndGet() <= o.maxInputs()) {
            Input in = inputs.next();
            boolean lsp = o.lspEvery() > 0 && r.nextInt(o.lspEvery()) == 0;
            Worker.Attempt a = w.attempt(in, lsp, r.nextLong());
            figures.inputs.increment();
            for (Pipeline.StageResult s : a.stages()) {
                figures.record(in, s);
            }
            for (Finding f : a.findings()) {
                findings.add(f, in);
            }
        }
    }

    /** The inputs of the slowest stages, as {@code slow-N.k} (slowest first), to see what costs the time. */
    private void writeSlowest(Figures figures) throws IOException {
        int n = 0;
        for (Figures.Slow s : figures.slowest()) {
            Path k = o.out().resolve("slow-" + n++ + ".k");
            if (s.input().bytes() != null) {
                Files.write(k, s.input().bytes());
            } else {
                Files.writeString(k, s.input().text());
            }
            Files.writeString(o.out().resolve(k.getFileName().toString().replace(".k", ".txt")), s + "\n");
        }
    }

    /** Shrinks the first input of each defect to a small reproducer, within the minimising budget. */
    private void minimiseAll(Findings findings, Worker w, LspDriver lsp) {
        List<Findings.Entry> entries = findings.entries().stream()
                .filter(e -> e.finding.verdict().isDefect() || e.finding.verdict() == Verdict.FORMAT_REFUSED)
                .filter(e -> e.input.bytes() == null).toList();
        if (entries.isEmpty()) {
            return;
        }
        long budgetEach = o.minimise().toNanos() / entries.size();
        for (Findings.Entry e : entries) {
            long deadline = System.nanoTime() + budgetEach;
            boolean withLsp = e.finding.stage() == Stage.LSP;
            String small = Minimizer.minimise(e.input.text(), text -> {
                Input candidate = new Input(e.input.origin(), text, null, e.input.file());
                return w.attempt(candidate, withLsp, 1).findings().stream()
                        .anyMatch(f -> f.signature().equals(e.finding.signature()));
            }, deadline);
            findings.minimised(e, small);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Corpus corpus = Corpus.load(Corpus.findRepository());
        System.out.printf("fuzzing for %s (seed %d, %d threads, %d seeds), findings in %s%n", o.budget(), o.seed(),
                o.threads(), corpus.seeds().size(), o.out().toAbsolutePath());
        Report r = new Campaign(o, corpus, System.out).run();
        System.out.println();
        System.out.print(r.figures());
        System.out.println();
        System.out.print(r.findings().isEmpty() ? "no findings\n" : "findings by signature:\n" + r.findings());
        System.exit(r.defects() == 0 ? 0 : 1);
    }

    static Options parse(String[] args) {
        Options d = Options.defaults();
        Duration budget = d.budget();
        long inputs = d.maxInputs();
        long seed = d.seed();
        int threads = d.threads();
        Path out = d.out();
        long hang = d.hangMs();
        int lsp = d.lspEvery();
        Duration minimise = d.minimise();
        long maxRss = d.maxRssMb();
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--budget" -> budget = duration(v);
                case "--inputs" -> inputs = Long.parseLong(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--out" -> out = Path.of(v);
                case "--hang-ms" -> hang = Long.parseLong(v);
                case "--lsp-every" -> lsp = Integer.parseInt(v);
                case "--minimise" -> minimise = duration(v);
                case "--max-rss-mb" -> maxRss = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --budget 30m --inputs N --seed N --threads N --out DIR --hang-ms N --lsp-every N"
                        + " --minimise 2m --max-rss-mb N");
            }
            i++;
        }
        return new Options(budget, inputs, seed, threads, out, hang, d.slowMs(), lsp, minimise, d.progressEvery(), maxRss);
    }

    /** {@code 90s}, {@code 30m}, {@code 2h}. */
    static Duration duration(String s) {
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("a duration is a number and s, m or h: " + s);
        };
    }
}
