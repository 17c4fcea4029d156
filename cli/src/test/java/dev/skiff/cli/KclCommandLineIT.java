package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A KCL user's project and scripts, unchanged: {@code kcl.mod}'s {@code [profile] entries} and
 * {@code [dependencies] k8s}, settings files ({@code -Y}), overrides ({@code -O}), {@code -n}, {@code -k},
 * {@code -q}, TOML output and a program on standard input, through the CLI as a process.
 */
class KclCommandLineIT {
    @TempDir
    Path dir;

    private RepositoryIT.Run skiff(Path cwd, String script) throws Exception {
        RepositoryIT helper = new RepositoryIT();
        helper.dir = dir;
        return helper.sh(cwd, script);
    }

    private void write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void settingsFilesGiveInputsOptionsAndOutputFlagsAsKclReadsThem() throws Exception {
        write("base.k", "name = option(\"name\")\nlabels = option(\"labels\")\n");
        write("main.k", "ports = option(\"ports\")\nid = option(\"id\")\nnothing = None\n");
        write("settings.yaml", """
                kcl_cli_configs:
                  files: [base.k, main.k]
                  disable_none: true
                kcl_options:
                  - key: name
                    value: shop
                  - key: labels
                    value: {tier: web, app: shop}
                  - key: ports
                    value: [80, 443]
                  - key: id
                    value: '000123'
                """);
        write("more.yaml", "kcl_options:\n  - key: name\n    value: cart\n");
        RepositoryIT.Run r = skiff(dir, "skiff run -Y settings.yaml more.yaml");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                name: cart
                labels:
                  tier: web
                  app: shop
                ports:
                - 80
                - 443
                id: '000123'
                """);
        RepositoryIT.Run shaped = skiff(dir, "skiff run -Y settings.yaml -D name=api -k -O labels.tier=db -O ports- --format toml");
        assertThat(shaped.exit()).as(shaped.err()).isZero();
        assertThat(shaped.out()).isEqualTo("""
                id = '000123'
                labels.app = 'shop'
                labels.tier = 'db'
                name = 'api'
                """);
        RepositoryIT.Run quiet = skiff(dir, "skiff run main.k -q -o out.yaml && cat out.yaml");
        assertThat(quiet.out()).isEqualTo("ports: null\nid: null\nnothing: null\n");
        RepositoryIT.Run none = skiff(dir, "skiff run main.k -n");
        assertThat(none.out()).isEqualTo("{}\n"); // as an empty program prints
        RepositoryIT.Run missing = skiff(dir, "skiff run -Y nope.yaml");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read the settings file `nope.yaml`: no such file");
    }

    @Test
    void kclModEntriesAndItsKubernetesDependencyAreHonoured() throws Exception {
        write("app/kcl.mod", """
                [package]
                name = "app"

                [dependencies]
                k8s = "1.35"

                [profile]
                entries = ["base/base.k", "prod/main.k"]
                """);
        write("app/base/base.k", "_name = \"shop\"\n");
        write("app/prod/main.k", """
                monitor = {apiVersion = "monitoring.coreos.com/v1", kind = "ServiceMonitor", metadata.name = _name}
                """);
        RepositoryIT.Run run = skiff(dir.resolve("app"), "skiff run");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("name: shop");
        RepositoryIT.Run build = skiff(dir, "skiff build app --color never");
        assertThat(build.exit()).isEqualTo(1);
        assertThat(build.err()).contains("Kubernetes 1.35 has no kind `ServiceMonitor`");

        Files.writeString(dir.resolve("app/kcl.mod"), Files.readString(dir.resolve("app/kcl.mod")).replace("1.35", "1.31"));
        RepositoryIT.Run old = skiff(dir, "skiff build app --ignore-missing-schemas --color never");
        assertThat(old.exit()).as(old.err()).isZero();
        assertThat(old.err()).contains("warning[E0202]: `kcl.mod` depends on `k8s = \"1.31\"` (Kubernetes 1.31), whose "
                + "schemas this Skiff does not carry; using Kubernetes 1.34");

        write("bad/kcl.mod", "[package]\nname = \"bad\"\n\n[dependencies\nk8s = \"1.35\"\n");
        write("bad/main.k", "a = 1\n");
        RepositoryIT.Run toml = skiff(dir, "skiff run bad --color never");
        assertThat(toml.err()).containsPattern("bad/kcl.mod:4:\\d+: error\\[E0206\\]: `kcl.mod` is not valid TOML")
                .contains("4 | [dependencies");
    }
}
