package dev.skiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.TextRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The checks before evaluation never disagree with evaluation: for every golden error case, the program is
 * compiled again with the static checks off, and the first error evaluation (and validation, for {@code build/}
 * cases) reports must be one the checks report, with the same code, place and message. So the checker reports
 * nothing evaluation would accept in code that runs, and words each mistake as evaluation does.
 */
class CheckerParityTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TestFactory
    Stream<DynamicTest> evaluationAgreesWithTheChecks() throws IOException {
        return GoldenTest.cases().stream().filter(c -> Files.exists(c.expectedErr()))
                .map(c -> DynamicTest.dynamicTest(c.name(), c.input().toUri(), () -> check(c)));
    }

    private static Compilation compile(GoldenTest.Case c, boolean staticChecks) {
        CompileRequest request = new CompileRequest(List.of(c.input()), options(c.input()), GoldenTest.root(), QUIET)
                .withValidation(c.name().startsWith("build/")).withStaticChecks(staticChecks);
        return Skiff.compile(request);
    }

    private static Map<String, String> options(Path input) {
        try {
            String first = Files.readString(input, java.nio.charset.StandardCharsets.ISO_8859_1).lines().findFirst()
                    .orElse("");
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            if (first.matches("^#\\s*args:.*")) {
                String[] words = first.replaceFirst("^#\\s*args:", "").trim().split("\\s+");
                for (int i = 0; i + 1 < words.length; i += 2) {
                    if (words[i].equals("-D")) {
                        int eq = words[i + 1].indexOf('=');
                        out.put(words[i + 1].substring(0, eq), words[i + 1].substring(eq + 1));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void check(GoldenTest.Case c) {
        Compilation withChecks = compile(c, true);
        Compilation evaluated = compile(c, false);
        Diagnostic first = evaluated.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElse(null);
        // a mistake only in code that never runs is the checks' alone: evaluation accepts the program
        assumeTrue(first != null, "evaluation alone finds no error");
        assertThat(withChecks.diagnostics())
                .as("evaluation reported:\n%s\nthe checks reported:\n%s", TextRenderer.renderPlain(List.of(first)),
                        TextRenderer.renderPlain(withChecks.diagnostics()))
                .anySatisfy(d -> {
                    assertThat(d.code()).isEqualTo(first.code());
                    assertThat(String.valueOf(d.span())).isEqualTo(String.valueOf(first.span()));
                    assertThat(d.message()).isEqualTo(first.message());
                });
    }
}
