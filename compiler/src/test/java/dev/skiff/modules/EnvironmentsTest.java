package dev.skiff.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [skiff] environments} in kcl.mod: the names a build writes directories for, or a clear error. */
class EnvironmentsTest {
    @TempDir
    Path dir;

    private Result<List<String>> declared(String skiffTable) throws IOException {
        Files.writeString(dir.resolve("kcl.mod"), "[package]\nname = \"shop\"\n\n[skiff]\n" + skiffTable + "\n");
        return Environments.of(Project.read(dir).value());
    }

    private static String message(Result<?> r) {
        assertThat(r.hasErrors()).isTrue();
        return r.diagnostics().stream().map(Diagnostic::message).findFirst().orElseThrow();
    }

    @Test
    void namesInTheOrderWritten() throws IOException {
        assertThat(declared("environments = [\"prod\", \"dev\", \"eu-west-1\"]").value())
                .containsExactly("prod", "dev", "eu-west-1");
    }

    @Test
    void noneWhenTheProjectListsNone() throws IOException {
        assertThat(declared("k8s = \"1.35\"").value()).isEmpty();
    }

    @Test
    void aNameMustBeADirectoryAndADnsLabel() throws IOException {
        assertThat(message(declared("environments = [\"dev\", \"../prod\"]")))
                .isEqualTo("`kcl.mod` ([skiff] environments) names directories: `../prod` is not a lowercase name of "
                        + "letters, digits and '-' (like dev or prod-eu)");
    }

    @Test
    void aNameListedTwiceIsAnError() throws IOException {
        assertThat(message(declared("environments = [\"dev\", \"prod\", \"dev\"]")))
                .isEqualTo("`kcl.mod` ([skiff] environments) lists `dev` twice");
    }

    @Test
    void aSingleNameIsNotAList() throws IOException {
        assertThat(message(declared("environments = \"prod\"")))
                .isEqualTo("`kcl.mod` ([skiff] environments) is a list of environment names, like [\"dev\", \"prod\"]; "
                        + "found `prod`");
    }
}
