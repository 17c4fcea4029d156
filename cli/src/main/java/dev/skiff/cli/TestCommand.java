package dev.skiff.cli;

import dev.skiff.CompileRequest;
import dev.skiff.diag.TextRenderer;
import dev.skiff.testing.TestRunner;
import dev.skiff.testing.TestSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code skiff test}: KCL's {@code kcl test}. Each package's {@code *_test.k} files are compiled with its other
 * files, and every {@code test_*} lambda they assign is a case, run on its own; a case fails when its run reports
 * an error (a false {@code assert}, a failed {@code check:}, any evaluation error). The report is KCL's: a line per
 * case, a rule, the counts.
 */
@Command(name = "test",
        description = {"Run the test_* lambdas of the *_test.k files of packages, as kcl test does.",
                "Each case runs the whole package with its test files and calls the lambda; it fails when the run "
                        + "reports an error (an assert, a check, any evaluation error)."},
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff test                       the package in the current directory",
                "  skiff test ./...                 every package below the current directory",
                "  skiff test pkg --run person      only cases whose name contains a match of `person`",
                "  skiff test ./... --fail-fast     stop at the first failing case",
                "",
                "Exit codes: 0 every case passed (or there are none), 1 a case failed or a package does not compile, "
                        + "2 bad usage, 3 internal error."})
public final class TestCommand implements Callable<Integer> {
    private static final String RULE = "-".repeat(80);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "PACKAGE", arity = "0..*",
            description = "Package directories; DIR/... for every package below DIR (default: .).")
    List<String> packages = new ArrayList<>();

    @Option(names = "--run", paramLabel = "REGEX",
            description = "Run only the cases whose name contains a match of this regular expression.")
    String run;

    @Option(names = "--fail-fast", description = "Stop at the first case that fails.")
    boolean failFast;

    @Option(names = {"-D", "--argument"}, paramLabel = "KEY=VALUE",
            description = "Set an option read by option(\"KEY\"). Repeatable.")
    List<String> arguments = new ArrayList<>();

    @CommandLine.Mixin
    KubernetesOptions kubernetes = new KubernetesOptions();

    @CommandLine.Mixin
    CommonOptions common = new CommonOptions();

    @Override
    public Integer call() throws IOException {
        Map<String, String> options = Arguments.parse(arguments, spec);
        Predicate<String> selected = name -> true;
        if (run != null && !run.isEmpty()) {
            try {
                Pattern p = Pattern.compile(run);
                selected = name -> p.matcher(name).find();
            } catch (PatternSyntaxException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--run: not a regular expression: "
                        + e.getDescription());
            }
        }
        Path workDir = Path.of("").toAbsolutePath();
        List<TestSuite> suites = new ArrayList<>();
        for (String arg : packages.isEmpty() ? List.of(".") : packages) {
            boolean recursive = arg.equals("...") || arg.endsWith("/...");
            String dirName = recursive ? arg.substring(0, arg.length() - 3) : arg;
            Path dir = workDir.resolve(dirName.isEmpty() ? "." : dirName).normalize();
            if (!Files.isDirectory(dir)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not a package directory: " + arg);
            }
            suites.addAll(TestSuite.find(dir, recursive, selected));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (suites.stream().allMatch(s -> s.cases().isEmpty())) {
            out.println("no test files");
            out.flush();
            return ExitCodes.OK;
        }
        CompileRequest base = new CompileRequest(List.of(), options, workDir, ProgramRuns.discard(), kubernetes.version,
                kubernetes.crds);
        TestRunner runner = new TestRunner(base);
        TextRenderer renderer = new TextRenderer(common.useColor());
        int passed = 0;
        int failed = 0;
        for (TestSuite suite : suites) {
            if (suite.cases().isEmpty()) {
                continue;
            }
            if (suites.size() > 1) {
                out.println(display(workDir, suite.dir()));
            }
            TestRunner.SuiteResult result = runner.run(suite, failFast);
            if (!result.problems().isEmpty()) {
                out.println("the package does not compile, so none of its " + suite.cases().size()
                        + " cases ran: FAIL");
                out.print(renderer.render(result.problems()));
                failed += suite.cases().size();
            }
            for (TestRunner.CaseResult c : result.cases()) {
                out.println(c.name() + ": " + (c.passed() ? "PASS" : "FAIL") + " (" + c.time().toMillis() + "ms)");
                if (!c.passed()) {
                    out.print(c.printed());
                    out.print(renderer.render(c.problems()));
                    out.println();
                    failed++;
                } else {
                    passed++;
                }
            }
            out.flush();
            if (failFast && failed > 0) {
                break;
            }
        }
        int total = passed + failed;
        out.println(RULE);
        if (passed > 0) {
            out.println("PASS: " + passed + "/" + total);
        }
        if (failed > 0) {
            out.println("FAIL: " + failed + "/" + total);
        }
        out.flush();
        return failed > 0 ? ExitCodes.PROGRAM_ERROR : ExitCodes.OK;
    }

    private static String display(Path workDir, Path dir) {
        Path rel = workDir.relativize(dir.toAbsolutePath().normalize());
        return rel.toString().isEmpty() ? "." : rel.toString();
    }
}
