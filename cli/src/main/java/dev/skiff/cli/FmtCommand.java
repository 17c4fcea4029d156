package dev.skiff.cli;

import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.emit.AtomicWrite;
import dev.skiff.modules.SourceReader;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.FormatCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff fmt}: rewrites files in the canonical layout, atomically and only when they change. A file
 * with syntax errors, or one the formatter cannot lay out without changing its meaning, is reported and left
 * as it is.
 */
@Command(name = "fmt",
        description = "Format Skiff files in place in the canonical layout (kcl fmt's).",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff fmt                  format every .k file below the current directory",
                "  skiff fmt main.k apps/     format these files and directories",
                "  skiff fmt --check .        write nothing; show what would change and exit 1 if anything would",
                "  skiff fmt - < main.k       format standard input to standard output (for editors)",
                "",
                "Exit codes: 0 formatted (or, with --check, already formatted), 1 files would change or have",
                "syntax errors, 2 bad usage, 3 internal error."})
public final class FmtCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or directories (default: .); `-` formats standard input to standard output.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--check", description = "Write nothing; print a diff of each file that would change.")
    boolean check;

    @Option(names = {"-w", "--write"},
            description = "Write the files (what fmt does anyway; accepted for gofmt's and kcl fmt's habit).")
    boolean write;

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    /** Formats standard input to standard output; on syntax errors prints the input unchanged and exits 1. */
    private int stdin(PrintWriter out) throws IOException {
        String text = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        SourceFile source = SourceFile.ofString("<stdin>", text);
        Result<String> checked = FormatCheck.format(source);
        if (checked.hasErrors()) {
            report(checked.diagnostics());
            out.print(text);
            out.flush();
            return ExitCodes.PROGRAM_ERROR;
        }
        String formatted = checked.value();
        if (check) {
            out.print(Diff.unified("<stdin>", text, formatted));
            out.flush();
            return formatted.equals(text) ? ExitCodes.OK : ExitCodes.PROGRAM_ERROR;
        }
        out.print(formatted);
        out.flush();
        return ExitCodes.OK;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (paths.size() == 1 && paths.get(0).toString().equals("-")) {
            return stdin(out);
        }
        int exit = ExitCodes.OK;
        for (Path file : files(paths.isEmpty() ? List.of(Path.of(".")) : paths)) {
            SourceReader.Read read = SourceReader.read(file, file.toString());
            if (read.problem() != null) {
                report(List.of(read.problem()));
                exit = ExitCodes.PROGRAM_ERROR;
                continue;
            }
            SourceFile source = read.file();
            Result<String> checked = FormatCheck.format(source);
            if (checked.hasErrors()) {
                report(checked.diagnostics()); // a syntax error, or a layout that would not keep the meaning
                exit = ExitCodes.PROGRAM_ERROR;
                continue;
            }
            String formatted = checked.value();
            if (formatted.equals(source.text())) {
                continue;
            }
            if (check) {
                out.print(Diff.unified(file.toString(), source.text(), formatted));
                exit = ExitCodes.PROGRAM_ERROR;
            } else {
                AtomicWrite.write(file, formatted);
                out.println("formatted " + file);
            }
        }
        out.flush();
        return exit;
    }

    private void report(List<Diagnostic> problems) {
        common.report(new dev.skiff.Compilation(problems, null, null, null), spec.commandLine().getErr());
    }

    /** The files named, and the {@code .k} files below the directories named (as {@code check} searches them). */
    private static List<Path> files(List<Path> roots) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                for (Path p : dev.skiff.modules.Programs.sourceFiles(root)) {
                    out.add(p.normalize()); // `./a.k` is shown, and diffed, as `a.k`
                }
            } else {
                out.add(root);
            }
        }
        return out;
    }
}
