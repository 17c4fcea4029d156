package dev.skiff.testing;

import dev.skiff.Analysis;
import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.modules.ParseCache;
import dev.skiff.syntax.Parser;
import dev.skiff.syntax.SourceUnit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link TestSuite} as {@code kcl test} does: each case is a run of the whole package (its files and its test
 * files) that then calls the case's lambda; a case passes when that run reports no error. The package is analysed
 * once first: when it does not compile, no case runs and the problems are the suite's. Files are parsed once for
 * all cases.
 */
public final class TestRunner {
    /** The file each case's call is written in (never on disk; it is named in a diagnostic about the call itself). */
    static final String MAIN = "_skiff_test_main.k";

    /**
     * One case's outcome.
     *
     * @param problems the diagnostics of its run (errors make it fail)
     * @param printed  what it printed with {@code print()}
     */
    public record CaseResult(String name, boolean passed, List<Diagnostic> problems, String printed, Duration time) {
        public CaseResult {
            problems = List.copyOf(problems);
        }
    }

    /**
     * A suite's outcome.
     *
     * @param problems why the package does not compile (then {@code cases} is empty); empty otherwise
     */
    public record SuiteResult(TestSuite suite, List<Diagnostic> problems, List<CaseResult> cases) {
        public SuiteResult {
            problems = List.copyOf(problems);
            cases = List.copyOf(cases);
        }

        public boolean passed() {
            return problems.stream().noneMatch(Diagnostic::isError) && cases.stream().allMatch(CaseResult::passed);
        }
    }

    private final CompileRequest base;
    private final Map<String, Result<SourceUnit>> parsed = new HashMap<>();
    private final ParseCache cache = file -> parsed.computeIfAbsent(file.uri() + "\0" + file.text(),
            k -> Parser.parse(file));

    /** {@code base} gives the options ({@code -D}), the working directory and the Kubernetes version. */
    public TestRunner(CompileRequest base) {
        this.base = base;
    }

    /** Runs the suite's cases in order; with {@code failFast}, stops after the first that fails. */
    public SuiteResult run(TestSuite suite, boolean failFast) {
        List<Path> files = new ArrayList<>(suite.files());
        files.addAll(suite.testFiles());
        Analysis whole = Skiff.analyze(base.withInputs(files), cache);
        if (whole.hasErrors() || !whole.available()) {
            return new SuiteResult(suite, whole.diagnostics(), List.of());
        }
        Path main = suite.dir().resolve(MAIN).toAbsolutePath().normalize();
        List<Path> withMain = new ArrayList<>(files);
        withMain.add(main);
        List<CaseResult> results = new ArrayList<>();
        for (String name : suite.cases()) {
            long start = System.nanoTime();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            CompileRequest request = base.withInputs(withMain)
                    .withOverlay(Map.of(main, "_skiff_test_case_result = " + name + "()\n"))
                    .withPrintOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Compilation c = Skiff.evaluate(Skiff.analyze(request, cache), request);
            boolean passed = !c.hasErrors();
            results.add(new CaseResult(name, passed, c.diagnostics(), printed.toString(StandardCharsets.UTF_8),
                    Duration.ofNanos(System.nanoTime() - start)));
            if (!passed && failFast) {
                break;
            }
        }
        return new SuiteResult(suite, List.of(), results);
    }
}
