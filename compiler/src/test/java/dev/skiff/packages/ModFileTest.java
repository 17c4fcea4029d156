package dev.skiff.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModFileTest {
    private static final Path ROOT = Path.of("/work/app");

    @Test
    void readsEveryFormOfDependency() throws Exception {
        ModFile mod = ModFile.of(ROOT, new TomlMapper().readTree("""
                [package]
                name = "app"
                version = "0.1.0"
                [dependencies]
                k8s = "1.31.2"
                helloworld = { oci = "oci://ghcr.io/kcl-lang/helloworld", tag = "0.1.0" }
                konfig = { git = "https://github.com/kcl-lang/konfig.git", tag = "v0.4.0" }
                flask = { git = "https://github.com/kcl-lang/flask-demo-kcl-manifests", commit = "ade147b" }
                lib = { path = "../lib" }
                """), "x");
        assertThat(mod.dependencies()).containsExactly(
                new Dependency.Registry("k8s", "1.31.2"),
                new Dependency.Oci("helloworld", "ghcr.io", "kcl-lang/helloworld", "0.1.0"),
                new Dependency.Git("konfig", "https://github.com/kcl-lang/konfig.git", "v0.4.0", null, null),
                new Dependency.Git("flask", "https://github.com/kcl-lang/flask-demo-kcl-manifests", null, "ade147b", null),
                new Dependency.Local("lib", Path.of("/work/lib")));
        assertThat(mod.dependencies().get(0).isBuiltinKubernetes()).isTrue();
        assertThat(mod.dependencies().get(1).storeName()).isEqualTo("helloworld_0.1.0");
    }

    @Test
    void malformedEntriesAreReportedWithTheFormsThatWork() throws Exception {
        var problems = ModFile.problems(ROOT, new TomlMapper().readTree("""
                [dependencies]
                a = { git = "https://x/a", tag = "v1", branch = "main" }
                b = { oci = "oci://ghcr.io/x/b" }
                c = 3
                """));
        assertThat(problems).extracting(d -> d.message()).containsExactly(
                "`kcl.mod`: dependency `a`: a `git` dependency needs exactly one of `tag`, `commit` and `branch`",
                "`kcl.mod`: dependency `b`: an `oci` dependency needs a `tag`",
                "`kcl.mod`: dependency `c`: expected a version string or a table such as `{ oci = \"oci://…\", tag = \"…\" }`");
    }

    @Test
    void addingKeepsTheFileAsWrittenAndReplacesAnEarlierLine() {
        String text = """
                [package]
                name = "app"  # the app

                [dependencies]
                k8s = "1.30"

                [profile]
                entries = ["main.k"]
                """;
        String added = ModFile.withDependency(text, new Dependency.Git("konfig", "https://h/konfig", "v1", null, null), ROOT);
        assertThat(added).isEqualTo("""
                [package]
                name = "app"  # the app

                [dependencies]
                k8s = "1.30"
                konfig = { git = "https://h/konfig", tag = "v1" }

                [profile]
                entries = ["main.k"]
                """);
        assertThat(ModFile.withDependency(added, new Dependency.Registry("k8s", "1.31.2"), ROOT))
                .contains("k8s = \"1.31.2\"\nkonfig").doesNotContain("1.30");
        assertThat(ModFile.withDependency("[package]\nname = \"a\"\n", new Dependency.Local("lib", Path.of("/work/lib")), ROOT))
                .isEqualTo("[package]\nname = \"a\"\n\n[dependencies]\nlib = { path = \"../lib\" }\n");
    }
}
