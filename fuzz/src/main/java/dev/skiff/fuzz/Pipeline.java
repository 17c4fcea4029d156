package dev.skiff.fuzz;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.diag.TextRenderer;
import dev.skiff.emit.YamlWriter;
import dev.skiff.modules.SourceReader;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.FormatCheck;
import dev.skiff.syntax.Formatter;
import dev.skiff.syntax.Parser;
import dev.skiff.syntax.SourceUnit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one input through the stages a user's program goes through, through the public APIs: parse,
 * compile (checks and evaluation), validate, emit, format; the language server is {@link LspDriver}'s. Each
 * stage's verdict is recorded; nothing an input does escapes as an exception. The stage under way is
 * published for the {@link Watchdog}.
 */
final class Pipeline {
    /** A stage's verdict, how long it took, and a finding when the verdict is worth a look. */
    record StageResult(Stage stage, Verdict verdict, long nanos, Finding finding) {
    }

    private volatile Stage current;
    /** What the program printed, and its output as the CLI writes it (null until emitted). */
    private ByteArrayOutputStream printed;
    private String output;
    private volatile long startedAt;
    private final List<StageResult> results = new ArrayList<>();

    Stage current() {
        return current;
    }

    long startedAt() {
        return startedAt;
    }

    List<StageResult> results() {
        return results;
    }

    private void begin(Stage stage) {
        current = stage;
        startedAt = System.nanoTime();
    }

    private void end(Verdict verdict, Finding finding) {
        results.add(new StageResult(current, verdict, System.nanoTime() - startedAt, finding));
        current = null;
    }

    private void crash(Throwable e) {
        end(verdictOf(e), new Finding(current, verdictOf(e), Signatures.of(current, verdictOf(e), e), Signatures.trace(e)));
    }

    static Verdict verdictOf(Throwable e) {
        return e instanceof OutOfMemoryError ? Verdict.OUT_OF_MEMORY : Verdict.CRASH;
    }

    /** Runs every stage but the language server's; returns the compilation (null when it could not run). */
    Compilation run(Input in) throws InterruptedException {
        SourceFile file = parse(in);
        Compilation c = compile(in);
        if (c != null && !c.hasErrors()) {
            validateAndEmit(in, c);
        }
        if (file != null && results.get(0).verdict() == Verdict.OK) {
            format(in, file, c);
        }
        return c;
    }

    private SourceFile parse(Input in) {
        begin(Stage.PARSE);
        try {
            SourceFile file;
            if (in.bytes() != null) {
                Files.createDirectories(in.file().getParent());
                Files.write(in.file(), in.bytes());
                SourceReader.Read read = SourceReader.read(in.file(), in.file().getFileName().toString());
                if (read.problem() != null) {
                    end(Verdict.DIAGNOSTIC, null);
                    return null;
                }
                file = read.file();
            } else {
                file = SourceFile.of(in.file(), in.file().getFileName().toString(), in.text());
            }
            Result<SourceUnit> parsed = Parser.parse(file);
            classify(parsed.diagnostics(), null);
            return file;
        } catch (Throwable e) {
            crash(e);
            return null;
        }
    }

    private Compilation compile(Input in) throws InterruptedException {
        begin(Stage.COMPILE);
        try {
            printed = new ByteArrayOutputStream();
            Compilation c = Skiff.compile(request(in.file(), in.bytes() == null ? in.text() : null,
                    new PrintStream(printed, true, StandardCharsets.UTF_8)));
            if (Thread.interrupted()) {
                throw new InterruptedException(); // the watchdog gave up on this input
            }
            if (c.internal() != null) {
                crash(c.internal());
                return c;
            }
            TextRenderer.renderPlain(c.diagnostics()); // what the CLI prints must render
            classify(c.diagnostics(), c);
            return c;
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable e) {
            crash(e);
            return null;
        }
    }

    static CompileRequest request(Path file, String text, PrintStream out) {
        CompileRequest r = new CompileRequest(List.of(file), Map.of(), file.getParent(),
                out != null ? out : new PrintStream(java.io.OutputStream.nullOutputStream()));
        return text == null ? r : r.withOverlay(Map.of(file.toAbsolutePath().normalize(), text));
    }

    private void classify(List<Diagnostic> ds, Compilation c) {
        Diagnostic internal = ds.stream().filter(d -> d.code() == Code.E0901).findFirst().orElse(null);
        if (internal != null) {
            end(Verdict.CRASH, new Finding(current, Verdict.CRASH, current + " CRASH E0901 " + Signatures.words(internal.message()),
                    internal.message()));
            return;
        }
        Diagnostic unplaced = ds.stream().filter(d -> d.isError() && d.span() == null && !inputProblem(d)).findFirst()
                .orElse(null);
        if (unplaced != null) {
            end(Verdict.UNPLACED_DIAGNOSTIC, new Finding(current, Verdict.UNPLACED_DIAGNOSTIC, current + " UNPLACED "
                    + unplaced.code() + " " + Signatures.words(unplaced.message()), unplaced.message()));
            return;
        }
        end(ds.stream().anyMatch(Diagnostic::isError) ? Verdict.DIAGNOSTIC : Verdict.OK, null);
    }

    /** A problem with the input file as a whole (unreadable, binary, too big), which has no line to point at. */
    private static boolean inputProblem(Diagnostic d) {
        return d.code() == Code.E0206 || d.code() == Code.E0108;
    }

    private void validateAndEmit(Input in, Compilation c) {
        begin(Stage.VALIDATE);
        dev.skiff.validate.Validation objects;
        try {
            if (c.evaluated() == null) {
                end(Verdict.OK, null); // nothing was evaluated, so there is nothing to validate or write
                return;
            }
            // the Kubernetes version and CRDs the project's kcl.mod names, as the compiler reads them
            CompileRequest request = request(in.file(), null, null);
            dev.skiff.modules.Project project = dev.skiff.modules.Project.discover(in.file()).value();
            Object k8s = project.skiff().get("k8s");
            List<Path> crds = Skiff.crds(request, project);
            objects = dev.skiff.validate.Validation.of(c.evaluated(), new dev.skiff.types.KubernetesSchemas(
                    () -> dev.skiff.k8s.SchemaRegistry.with(k8s == null ? null : k8s.toString(), crds)));
            TextRenderer.renderPlain(objects.diagnostics());
            classify(objects.diagnostics(), null);
        } catch (Throwable e) {
            crash(e);
            return;
        }
        begin(Stage.EMIT);
        try {
            output = printed.toString(StandardCharsets.UTF_8) + c.yaml();
            c.json();
            List<Object> docs = new ArrayList<>();
            objects.manifests().forEach(m -> docs.add(m.data()));
            YamlWriter.writeStream(docs);
            end(Verdict.OK, null);
        } catch (Throwable e) {
            crash(e);
        }
    }

    // ---------------------------------------------------------------- the formatter

    private void format(Input in, SourceFile file, Compilation before) throws InterruptedException {
        begin(Stage.FORMAT);
        try {
            Result<String> checked = FormatCheck.format(file);
            if (checked.hasErrors()) {
                Diagnostic why = checked.diagnostics().get(0);
                end(Verdict.FORMAT_REFUSED, new Finding(Stage.FORMAT, Verdict.FORMAT_REFUSED,
                        "FORMAT REFUSED " + Signatures.words(why.message()), TextRenderer.renderPlain(checked.diagnostics())));
                return;
            }
            String formatted = checked.value();
            if (formatted.equals(file.text())) {
                end(Verdict.OK, null);
                return;
            }
            String problem = meaningChange(in, file.text(), formatted, before, outputBefore(before));
            if (problem != null) {
                end(Verdict.FORMAT_BROKE_MEANING, new Finding(Stage.FORMAT, Verdict.FORMAT_BROKE_MEANING,
                        "FORMAT " + problem.lines().findFirst().orElse(""), problem + "\n--- formatted:\n" + formatted));
                return;
            }
            end(Verdict.OK, null);
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable e) {
            crash(e);
        }
    }

    /**
     * Why {@code formatted} does not mean what {@code text} means, or null when it does: it must be a fixed
     * point of the formatter and compile to the same output (or to the same error codes: a syntax error the
     * formatting brought in shows there).
     */
    /** What the compilation of the input gave, as {@link #output(Path, String)} puts it; null when unknown. */
    private String outputBefore(Compilation c) {
        if (c == null || c.internal() != null) {
            return null;
        }
        if (c.hasErrors()) {
            return "errors: " + c.diagnostics().stream().filter(Diagnostic::isError).map(d -> d.code().name()).toList();
        }
        return output;
    }

    private static String meaningChange(Input in, String text, String formatted, Compilation before, String was)
            throws InterruptedException {
        String again;
        try {
            again = Formatter.format(formatted);
        } catch (java.util.concurrent.CancellationException e) {
            throw new InterruptedException(); // the watchdog gave up on this input: no verdict on the formatter
        }
        if (!again.equals(formatted)) {
            return "not idempotent";
        }
        if (was == null) {
            return null;
        }
        String now = output(in.file(), formatted);
        if (was.equals(now) || !was.equals(output(in.file(), text))) {
            return null; // the same, or the program's output is not deterministic (time, random)
        }
        return "different output\n--- before:\n" + was + "\n--- after:\n" + now;
    }

    static String output(Path file, String text) throws InterruptedException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Compilation c = Skiff.compile(request(file, text, new PrintStream(printed, true, StandardCharsets.UTF_8)));
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (c.hasErrors()) {
            return "errors: " + c.diagnostics().stream().filter(Diagnostic::isError).map(d -> d.code().name()).toList();
        }
        return printed.toString(StandardCharsets.UTF_8) + c.yaml();
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a scratch file; the next input overwrites it
        }
    }
}
