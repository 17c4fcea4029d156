package dev.skiff.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Code;
import dev.skiff.diag.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `@deprecated(strict=False)` warns and goes on; the golden cases cover the strict (error) form. */
class DeprecatedWarningTest {
    @TempDir
    Path dir;

    @Test
    void aLenientDeprecationIsAWarningAndTheProgramStillRuns() throws IOException {
        Path main = dir.resolve("main.k");
        Files.writeString(main, """
                schema Service:
                    @deprecated(version = "0.2", reason = "use `port`", strict = False)
                    targetPort?: int

                web = Service {targetPort = 8080}
                """);
        Compilation c = Skiff.compile(CompileRequest.of(main).withWorkDir(dir));
        assertThat(c.hasErrors()).isFalse();
        assertThat(c.yaml()).isEqualTo("web:\n  targetPort: 8080\n");
        assertThat(c.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Code.E0513);
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message()).isEqualTo("`targetPort` was deprecated since version 0.2, use `port`");
            assertThat(d.span().line()).isEqualTo(5);
        });
    }
}
