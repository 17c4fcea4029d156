package dev.skiff.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skiff.Analysis;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Severity;
import dev.skiff.diag.TextRenderer;
import dev.skiff.modules.ParseCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The lint stage's golden cases: every program under {@code golden/lint} (a file, or a folder with {@code main.k})
 * beside the warnings it must give, rendered as the CLI renders them, in {@code name.warn} ({@code expected.warn}
 * in a folder; an empty file for none). The programs are golden programs too: {@code GoldenTest} runs them and
 * compares their output. {@code SKIFF_UPDATE=1} rewrites the expected warnings. Also: the examples and the stdlib
 * give no warning, as code written to be copied must not.
 */
class LintGoldenTest {
    private static Path golden() {
        String base = System.getenv("SKIFF_SOURCE_ROOT");
        Path module = base == null ? Path.of("").toAbsolutePath() : Path.of(base);
        return module.resolve("src/test/resources/golden");
    }

    private static List<Diagnostic> lint(Path input, Path workDir) {
        Analysis a = Skiff.analyze(CompileRequest.of(input).withWorkDir(workDir), ParseCache.NONE);
        assertThat(a.available()).as(input.toString()).isTrue();
        return Lint.check(a.program(), a.bindings(), a.project(), a.diagnostics());
    }

    @TestFactory
    Stream<DynamicTest> lintCases() throws IOException {
        Path root = golden();
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> s = Files.list(root.resolve("lint"))) {
            for (Path p : s.sorted().toList()) {
                Path input = Files.isDirectory(p) ? p.resolve("main.k") : p;
                if (!input.toString().endsWith(".k")) {
                    continue;
                }
                Path expected = Files.isDirectory(p) ? p.resolve("expected.warn")
                        : p.resolveSibling(p.getFileName().toString().replaceAll("\\.k$", ".warn"));
                tests.add(DynamicTest.dynamicTest(root.relativize(p).toString(), () -> check(input, expected, root)));
            }
        }
        return tests.stream();
    }

    private static void check(Path input, Path expected, Path root) throws IOException {
        List<Diagnostic> warnings = lint(input, root);
        assertThat(warnings).allMatch(d -> d.severity() == Severity.WARNING && d.code().name().startsWith("E06"));
        String text = TextRenderer.renderPlain(warnings);
        boolean update = "1".equals(System.getenv("SKIFF_UPDATE")) || Boolean.getBoolean("skiff.update");
        if (update || !Files.exists(expected)) {
            Files.writeString(expected, text, StandardCharsets.UTF_8);
            if (!update) {
                fail(input + ": no expected warnings; wrote " + expected.getFileName() + " — review it and run again");
            }
            return;
        }
        assertThat(text).as(input.toString()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    @Test
    void examplesAndTheStdlibGiveNoWarning() throws IOException {
        Path repo = golden().resolve("../../../../..").normalize();
        List<Path> programs = new ArrayList<>();
        try (Stream<Path> s = Files.list(repo.resolve("examples"))) {
            s.filter(Files::isDirectory).sorted().forEach(programs::add);
        }
        programs.add(repo.resolve("stdlib/src/main/resources/skiff/app.k"));
        assertThat(programs).hasSizeGreaterThan(5);
        for (Path p : programs) {
            assertThat(TextRenderer.renderPlain(lint(p, repo))).as(p.toString()).isEmpty();
        }
    }
}
