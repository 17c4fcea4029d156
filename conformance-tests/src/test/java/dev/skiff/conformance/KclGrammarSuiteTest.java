package dev.skiff.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures KCL compatibility when {@code -Dkcl.suite} names KCL's {@code tests/grammar} folder, writing the
 * report to {@code target/kcl-grammar-report.txt}. The suite is not redistributed with Skiff, so without it
 * this test is skipped (reported as skipped, never silently passed).
 */
class KclGrammarSuiteTest {
    @Test
    void kclGrammarSuite() throws Exception {
        String suite = System.getProperty("kcl.suite", "");
        assumeTrue(!suite.isBlank(), "set -Dkcl.suite=/path/to/kcl/tests/grammar to measure KCL compatibility");
        List<KclGrammarSuite.CaseResult> results = KclGrammarSuite.run(Path.of(suite));
        String report = KclGrammarSuite.report(results, true);
        Path out = Path.of("target", "kcl-grammar-report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println(report.lines().takeWhile(l -> !l.startsWith("FAIL")).reduce("", (a, b) -> a + b + "\n"));
        assertThat(results).isNotEmpty();
    }
}
