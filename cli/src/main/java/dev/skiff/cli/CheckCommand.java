package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.MachineRenderer;
import dev.skiff.diag.TextRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff check}: compile everything, write nothing, report every problem. Files are checked as the
 * packages they belong to (all {@code .k} files of a directory form one module), each package once, all
 * in one JVM.
 */
@Command(name = "check",
        description = "Check Skiff files for errors without writing anything.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff check                           check the package in the current directory",
                "  skiff check apps/*/main.k             check several packages in one run",
                "  skiff check . --format sarif > skiff.sarif",
                "  skiff check . --format github         annotations for GitHub Actions",
                "",
                "Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage."})
public final class CheckCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or directories to check (default: the current directory).")
    List<Path> paths = new ArrayList<>();

    @Option(names = {"-D", "--argument"}, paramLabel = "KEY=VALUE",
            description = "Set an option read by option(\"KEY\"). Repeatable.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How to report: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Mixin
    KubernetesOptions kubernetes = new KubernetesOptions();

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    /** Report formats. */
    enum Format { text, json, sarif, github }

    @Override
    public Integer call() throws IOException {
        Map<String, String> options = Arguments.parse(arguments, spec);
        Path workDir = Path.of("").toAbsolutePath();
        List<Diagnostic> all = new ArrayList<>();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        List<Throwable> internal = new ArrayList<>();
        List<List<Path>> units = units(paths.isEmpty() ? List.of(Path.of(".")) : paths, workDir);
        // check does everything build does: the Kubernetes objects are validated too
        for (Compilation c : compileAll(units, unit -> new CompileRequest(unit, options, workDir, quiet,
                kubernetes.version, kubernetes.crds).withValidation(true))) {
            all.addAll(c.diagnostics());
            if (c.internal() != null) {
                internal.add(c.internal());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case text -> {
                PrintWriter err = spec.commandLine().getErr();
                err.print(new TextRenderer(common.useColor()).render(all));
                long errors = all.stream().filter(Diagnostic::isError).count();
                if (errors > 0) {
                    err.println(errors + (errors == 1 ? " error" : " errors") + " found");
                }
                err.flush();
            }
            case json -> out.print(MachineRenderer.json(all));
            case sarif -> out.print(MachineRenderer.sarif(all, VersionCommand.version()));
            case github -> out.print(MachineRenderer.github(all));
        }
        out.flush();
        if (common.debug) {
            internal.forEach(t -> t.printStackTrace(spec.commandLine().getErr()));
        }
        return all.stream().anyMatch(Diagnostic::isError) ? ExitCodes.PROGRAM_ERROR : ExitCodes.OK;
    }


    /**
     * Compiles the units on as many threads as there are processors (each compilation is independent; they
     * share only immutable data such as the Kubernetes schemas), and gives the results in the units' order, so
     * the report is the same however the work was scheduled.
     */
    static List<Compilation> compileAll(List<List<Path>> units,
                                        java.util.function.Function<List<Path>, CompileRequest> request) {
        int threads = Math.min(units.size(), Runtime.getRuntime().availableProcessors());
        // a package imported by many (a shared library) is parsed once for all of them
        dev.skiff.modules.ParseCache parses = sharedParses();
        java.util.function.Function<List<Path>, Compilation> compile = unit -> {
            CompileRequest r = request.apply(unit);
            return Skiff.evaluate(Skiff.analyze(r, parses), r);
        };
        if (threads <= 1) {
            return units.stream().map(compile).toList();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "skiff-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<Compilation>> running = new ArrayList<>();
            for (List<Path> unit : units) {
                running.add(pool.submit(() -> compile.apply(unit)));
            }
            List<Compilation> out = new ArrayList<>();
            for (java.util.concurrent.Future<Compilation> f : running) {
                try {
                    out.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while checking", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Parses each file once per run: by location and text, so a file is never confused with another's text. */
    private static dev.skiff.modules.ParseCache sharedParses() {
        java.util.concurrent.ConcurrentHashMap<String, dev.skiff.diag.Result<dev.skiff.syntax.SourceUnit>> seen =
                new java.util.concurrent.ConcurrentHashMap<>();
        return file -> seen.computeIfAbsent(file.uri() + "\n" + file.text(), k -> dev.skiff.syntax.Parser.parse(file));
    }

    /** Groups the paths into compilation units: one per package directory, in the order first named. */
    static List<List<Path>> units(List<Path> paths, Path workDir) {
        Set<Path> dirs = new LinkedHashSet<>();
        List<List<Path>> out = new ArrayList<>();
        for (Path p : paths) {
            Path abs = workDir.resolve(p).normalize();
            if (Files.isDirectory(abs)) {
                dirs.add(abs);
            } else if (Files.isRegularFile(abs) && abs.getParent() != null) {
                dirs.add(abs.getParent());
            } else {
                out.add(List.of(p));
            }
        }
        for (Path d : dirs) {
            out.add(List.of(workDir.relativize(d).toString().isEmpty() ? Path.of(".") : workDir.relativize(d)));
        }
        return out;
    }
}
