package dev.skiff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits whose programs are too large for a golden file, built here: each ends with one diagnostic, with a
 * code and a place, not a stack overflow or minutes of work.
 */
class LimitsTest {
    @TempDir
    Path dir;

    private Compilation compile(String text) throws IOException {
        Path main = dir.resolve("main.k");
        Files.writeString(main, text);
        return Skiff.compile(CompileRequest.of(main).withWorkDir(dir));
    }

    private static Diagnostic only(Compilation c) {
        assertThat(c.internal()).isNull();
        assertThat(c.diagnostics()).hasSize(1);
        return c.diagnostics().get(0);
    }

    @Test
    void aDottedKeyOfSixThousandSegmentsIsTooDeepToParse() throws IOException {
        // it reached the YAML writer, which recursed once per level and overflowed the CLI's main thread
        String key = IntStream.range(0, 6000).mapToObj(i -> "k").collect(Collectors.joining("."));
        Diagnostic d = only(compile("x = {" + key + " = 1}\n"));
        assertThat(d.code()).isEqualTo(Code.E0109);
        assertThat(d.span().line()).isEqualTo(1);
    }

    @Test
    void outputNestedDeeperThanAThousandLevelsIsNotWritten() throws IOException {
        String key = IntStream.range(0, 1200).mapToObj(i -> "k").collect(Collectors.joining("."));
        Diagnostic d = only(compile("x = {" + key + " = 1}\n"));
        assertThat(d.code()).isEqualTo(Code.E0509);
        assertThat(d.message()).isEqualTo("the value of `x` nests more than 1000 levels deep; Skiff writes at most 1000");
        assertThat(d.span().line()).isEqualTo(1);
    }

    @Test
    void deepRecursionThroughDeepExpressionsEndsWithADiagnosticAtTheExpression() throws IOException {
        // 999 calls, each 1,900 additions deep: two million levels, more than any stack holds
        String sum = "f(n - 1)" + " + 1".repeat(1900);
        Diagnostic d = only(compile("f = lambda n: int -> int {\n    " + sum + " if n > 0 else 0\n}\nx = f(999)\n"));
        assertThat(d.code()).isEqualTo(Code.E0506);
        assertThat(d.message()).isEqualTo("expressions and calls nest more than 20000 levels deep");
        assertThat(d.span().line()).isEqualTo(2);
    }

    @Test
    void outputJustUnderTheDepthLimitIsWritten() throws IOException {
        String key = IntStream.range(0, 999).mapToObj(i -> "k").collect(Collectors.joining("."));
        Compilation c = compile("x = {" + key + " = 1}\n");
        assertThat(c.diagnostics()).isEmpty();
        assertThat(c.yaml()).endsWith(" ".repeat(2 * 999) + "k: 1\n");
    }

    @Test
    void aSourceFileLargerThanSixteenMebibytesIsRefusedBeforeItIsParsed() throws IOException {
        String line = "_x = 1\n";
        Diagnostic d = only(compile(line.repeat((16 << 20) / line.length() + 1)));
        assertThat(d.code()).isEqualTo(Code.E0108);
        assertThat(d.message()).isEqualTo("`main.k` is " + (((16 << 20) / line.length() + 1) * line.length())
                + " bytes; Skiff reads files of at most 16777216 bytes");
        assertThat(compile(line.repeat(1000)).diagnostics()).isEmpty();
    }

    @Test
    void aProjectSetsItsStepLimitAndTimeInKclMod() throws IOException {
        Files.writeString(dir.resolve("kcl.mod"), "[package]\nname = \"p\"\n\n[skiff]\nmax-steps = 1000\n");
        Diagnostic steps = only(compile("x = sum([i * 2 for i in range(600)])\n"));
        assertThat(steps.code()).isEqualTo(Code.E0509);
        assertThat(steps.message()).isEqualTo("the program takes more than 1000 steps to evaluate");
        Files.writeString(dir.resolve("kcl.mod"), "[package]\nname = \"p\"\n\n[skiff]\ntimeout = \"soon\"\n");
        Diagnostic bad = only(compile("x = 1\n"));
        assertThat(bad.code()).isEqualTo(Code.E0206);
        assertThat(bad.message()).isEqualTo("`timeout` under [skiff] in kcl.mod must be a number of seconds above zero,"
                + " not `soon`");
    }

    @Test
    void theTimeLimitStopsAnEvaluationThatIsStillWithinItsSteps() throws IOException {
        // a hundred million steps are allowed here, which take far longer than the second the project allows
        Files.writeString(dir.resolve("kcl.mod"), "[package]\nname = \"p\"\n\n[skiff]\nmax-steps = 100_000_000_000\n"
                + "timeout = 1\n");
        Diagnostic d = only(compile("n = 10000\nx = sum([sum([j for j in range(n)]) for i in range(n)])\n"));
        assertThat(d.code()).isEqualTo(Code.E0509);
        assertThat(d.message()).isEqualTo("the program takes longer than 1 s to evaluate");
        assertThat(String.join(" ", d.hints())).contains("`timeout = SECONDS` under [skiff] in kcl.mod");
        assertThat(d.span().line()).isEqualTo(2);
    }

    @Test
    void theTimeLimitStopsARegularExpressionThatBacktracksWithoutEnd() throws IOException {
        // the steps count expressions: a single match that backtracks for hours is stopped by the clock
        Files.writeString(dir.resolve("kcl.mod"), "[package]\nname = \"p\"\n\n[skiff]\ntimeout = 1\n");
        Diagnostic d = only(compile("import regex\n\nx = regex.match(\"" + "a".repeat(30) + "x".repeat(30)
                + "\", \"(.*a){31}\")\n"));
        assertThat(d.code()).isEqualTo(Code.E0509);
        assertThat(d.message()).isEqualTo("the program takes longer than 1 s to evaluate");
        assertThat(d.span().line()).isEqualTo(3);
    }

    @Test
    void anInheritanceChainLongerThanAHundredSchemasIsRefused() throws IOException {
        // each schema repeats its ancestors' bodies: 2,000 of them did not resolve in 10 seconds
        String chain = "schema S0:\n    a0: int = 0\n" + IntStream.range(1, 150)
                .mapToObj(i -> "schema S" + i + "(S" + (i - 1) + "):\n    a" + i + ": int = " + i + "\n")
                .collect(Collectors.joining()) + "s = S149 {}\n";
        Diagnostic d = only(compile(chain));
        assertThat(d.code()).isEqualTo(Code.E0310);
        assertThat(d.message()).isEqualTo("schema `S101` inherits through more than 100 schemas");
        assertThat(d.span().text()).isEqualTo("S100");
        // every declaration is checked, used or not: the longest chain allowed ends at S100
        String allowed = chain.substring(0, chain.indexOf("schema S101(")) + "s = S100 {}\n";
        Compilation c = compile(allowed);
        assertThat(c.diagnostics()).isEmpty();
        assertThat(c.yaml()).contains("a100: 100");
    }

    @Test
    void aChainOfThreeThousandSchemasIsCheckedAndRefused() throws IOException {
        // the checkers kept visited schemas in a hash set of syntax nodes, each hash walking a subtree, and
        // walked the whole chain for every use
        String chain = "schema S0:\n    a0: int = 0\n" + IntStream.range(1, 3000)
                .mapToObj(i -> "schema S" + i + "(S" + (i - 1) + "):\n    a" + i + ": int = a" + (i - 1) + " + 1\n")
                .collect(Collectors.joining()) + "s = S2999 {a0 = 1}\nt = S2999 {a1 = 2}\n";
        assertThat(only(compile(chain)).code()).isEqualTo(Code.E0310);
    }
}
