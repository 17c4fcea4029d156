package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compiling the programs {@code check} and {@code build} are given, the way both do it. */
final class ProgramRuns {
    private ProgramRuns() {
    }

    /** The name standard input goes by in diagnostics. */
    static final String STDIN = "<stdin>";

    /** A program read from standard input, compiled as a file of the working directory's package. */
    static CompileRequest stdin(String text, Path workDir, CompileRequest base) {
        Path virtual = workDir.resolve(STDIN).toAbsolutePath().normalize();
        return base.withOverlay(Map.of(virtual, text)).withInputs(List.of(Path.of(STDIN)));
    }

    static Compilation compile(CompileRequest request) {
        Compilation c = Skiff.compile(request);
        return withFileHint(c, request);
    }

    /**
     * {@link #compile}, with a parse cache shared by the compilations of one run and the lint stage's warnings
     * ({@code skiff check}).
     */
    static Compilation compileLinted(CompileRequest request, dev.skiff.modules.ParseCache parses) {
        dev.skiff.Analysis a = Skiff.analyze(request, parses);
        Compilation c = Skiff.evaluate(a, request);
        if (a.available()) {
            c = new Compilation(dev.skiff.lint.Lint.withWarnings(a, c.diagnostics()), c.data(), c.stream(),
                    c.internal(), c.evaluated(), c.validation());
        }
        return withFileHint(c, request);
    }

    /**
     * A file means itself alone, so a name it takes from a sibling file is not defined: say so, and how to
     * compile the package (the directory) instead.
     */
    private static Compilation withFileHint(Compilation c, CompileRequest request) {
        if (request.inputs().size() != 1 || !c.hasErrors()) {
            return c;
        }
        Path file = request.workDir().resolve(request.inputs().get(0)).normalize();
        Path dir = file.getParent();
        if (!Files.isRegularFile(file) || dir == null) {
            return c;
        }
        boolean siblings;
        try (var s = Files.list(dir)) {
            siblings = s.anyMatch(p -> !p.equals(file) && p.getFileName().toString().endsWith(".k"));
        } catch (IOException e) {
            return c;
        }
        if (!siblings) {
            return c;
        }
        Path named = request.inputs().get(0).getParent();
        String pkg = named == null ? "." : named + "/";
        List<Diagnostic> out = new ArrayList<>();
        boolean hinted = false;
        for (Diagnostic d : c.diagnostics()) {
            if (!hinted && d.code() == Code.E0201) {
                d = d.withHint("a file is compiled alone; to compile it with the other `.k` files of its directory, "
                        + "name the directory: `" + pkg + "`");
                hinted = true;
            }
            out.add(d);
        }
        return new Compilation(out, c.data(), c.stream(), c.internal(), c.evaluated(), c.validation());
    }

    static PrintStream discard() {
        return new PrintStream(java.io.OutputStream.nullOutputStream());
    }

    static PrintStream stderr() {
        return new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    }
}
