package dev.skiff.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs the fuzzing harness found the formatter to change the meaning of, each formatted as it must be:
 * the layout that keeps what the program means, formatting it again changes nothing, and it compiles to the
 * same output. And the check that guards the rest: {@link FormatCheck} refuses what it cannot prove safe.
 */
class FormatterMeaningTest {
    @TempDir
    Path tmp;

    private String output(String text) throws IOException {
        Path main = Files.createTempDirectory(tmp, "case").resolve("main.k");
        Files.writeString(main, text);
        Compilation c = Skiff.compile(CompileRequest.of(main).withWorkDir(main.getParent()));
        return c.hasErrors() ? "errors " + c.diagnostics().stream().map(Diagnostic::code).toList() : c.yaml();
    }

    /** Formats through the checked entry point and asserts the laws; returns the formatted text. */
    private String formatsSafely(String text) throws IOException {
        Result<String> r = FormatCheck.format(SourceFile.ofString("main.k", text));
        assertThat(r.diagnostics()).isEmpty();
        String once = r.value();
        assertThat(Formatter.format(once)).as("idempotent").isEqualTo(once);
        assertThat(output(once)).as("same output").isEqualTo(output(text));
        return once;
    }

    @Test
    void carriageReturnLineEndingsStayLineBreaks() throws IOException {
        // as one line, `y = 2` would have become part of the comment
        String formatted = formatsSafely("x = 1  # one\ry = 2\r");
        assertThat(formatted).isEqualTo("x = 1  # one\ny = 2\n");
        assertThat(output("x = 1  # one\ry = 2\r")).isEqualTo("x: 1\n'y': 2\n");
    }

    @Test
    void carriageReturnsDecideWhichEntriesAnIfTakesAsForLineFeeds() throws IOException {
        String lf = "c = True\nd = {\n    if c:\n        a = 1\n    b = 2\n}\n";
        assertThat(output(lf.replace("\n", "\r"))).isEqualTo(output(lf)).isEqualTo("c: true\nd:\n  a: 1\n  b: 2\n");
        assertThat(formatsSafely(lf.replace("\n", "\r"))).isEqualTo(lf);
    }

    @Test
    void aBackslashContinuationInsideBracesIsKept() throws IOException {
        // without it the line break would end the entry after `a`
        String text = "z = {a \\\n    = 1}\n";
        assertThat(formatsSafely(text)).isEqualTo(text);
    }

    @Test
    void aConfigIfWhoseConditionContinuesOnTheNextLineKeepsItsBranch() throws IOException {
        String text = """
                isProdEnv = True
                data = {
                    env = "dev"
                    if
                        isProdEnv:
                        if isProdEnv:
                            env = "prod"
                    metadata.env = env
                }
                """;
        assertThat(formatsSafely(text)).isEqualTo(text);
        assertThat(formatsSafely(text.replace("        isProdEnv:", "   isProdEnv  :"))).isEqualTo(text);
    }

    @Test
    void aLineThatContinuesAnItemStaysInItsBranch() throws IOException {
        // `(l)` continues the item `*` (no line break ends an item after an operator); it used to pop the
        // branch, and `s` fell out of the `if`, leaving the `else` without one
        String text = "l = [1]\ns = 2\na = [\n    if True:\n     *\n(l)\n      s\n    else: 0]\n";
        assertThat(output(text)).isEqualTo("l:\n- 1\ns: 2\na:\n- 1\n- 2\n");
        formatsSafely(text);
    }

    @Test
    void anIfEntryInTheConditionOfAnotherKeepsTheOuterOnesBranch() throws IOException {
        String text = "x = [\n    1\n    if sum([if True: 1, 2 else: 3]) > 0:\n            5\n]\n";
        assertThat(output(text)).isEqualTo("x:\n- 1\n- 5\n");
        assertThat(formatsSafely(text)).isEqualTo(text.replace("            5", "        5"));
    }

    @Test
    void tokensThatWouldReadAsOneKeepASpace() throws IOException {
        // `1.P` would be a number with a multiplier, `...` one token of three dots
        assertThat(Formatter.format("x = 1 .P\n")).isEqualTo("x = 1 .P\n");
        String imported = Formatter.format("import .  ..pkg1 as p\n");
        assertThat(imported).isEqualTo("import . ..pkg1 as p\n");
        assertThat(Formatter.format(imported)).isEqualTo(imported);
    }

    @Test
    void whatDoesNotParseIsRefusedWithItsSyntaxErrors() {
        Result<String> r = FormatCheck.format(SourceFile.ofString("main.k", "x = (\n"));
        assertThat(r.value()).isNull();
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E0107);
    }

    @Test
    void theMeaningCheckTellsLayoutFromStructure() {
        SourceUnit a = Parser.parse(SourceFile.ofString("a.k", "d = {\n    if c:\n        a = 1\n        b = 2\n}\n")).value();
        SourceUnit spaced = Parser.parse(SourceFile.ofString("b.k", "d = {\n  if c:\n      a = 1\n      b = 2\n}\n")).value();
        SourceUnit moved = Parser.parse(SourceFile.ofString("c.k", "d = {\n    if c:\n        a = 1\n    b = 2\n}\n")).value();
        assertThat(SyntaxShape.firstDifference(a, spaced)).isNull();
        var at = SyntaxShape.firstDifference(a, moved);
        assertThat(at).isNotNull();
        assertThat(at.text()).as("the config whose entries differ").startsWith("{").contains("if c:");
    }

    /** A chain of {@code n} inheriting schemas, written without the blank lines the formatter puts between them. */
    private static String chain(int n) {
        return "schema S0:\n    a0: int = 0\n" + java.util.stream.IntStream.range(1, n)
                .mapToObj(i -> "schema S" + i + "(S" + (i - 1) + "):\n    a" + i + ": int = " + i + "\n")
                .collect(java.util.stream.Collectors.joining()) + "_s = S" + (n - 1) + " {}\n";
    }

    @Test
    void aChainOfThreeThousandSchemasFormatsSafely() throws IOException {
        // found by the fuzzing harness (as a formatter hang, the chain's compiles being slow)
        String formatted = formatsSafely(chain(3_000));
        assertThat(formatted).contains("schema S1(S0):\n    a1: int = 1\n\nschema S2(S1):\n");
    }

    @Test
    void anInterruptedFormatIsCancelledNotTruncated() {
        // the lexer stops reading when its thread is interrupted: the formatter laid out the tokens read so far,
        // a truncated file, which the fuzzing harness saw as a formatter that was not idempotent
        String text = chain(3_000);
        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Formatter.format(text))
                    .isInstanceOf(java.util.concurrent.CancellationException.class);
            Result<String> checked = FormatCheck.format(SourceFile.ofString("main.k", text));
            assertThat(checked.hasErrors()).isTrue();
            assertThat(checked.diagnostics()).extracting(Diagnostic::code).doesNotContain(Code.E0901);
        } finally {
            Thread.interrupted();
        }
    }
}
