package dev.skiff.cli;

import static dev.skiff.cli.CliIT.skiff;
import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.cli.CliIT.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skiff build -o DIR/} on a project whose kcl.mod declares environments: {@code DIR/<env>/…}. */
class BuildEnvironmentsIT {
    @TempDir
    Path dir;

    private static final String MOD = """
            [package]
            name = "shop"

            [skiff]
            environments = ["dev", "prod"]
            """;

    private static final String BASE = """
            import skiff.app as app
            import k8s.api.core.v1 as core

            _env = option("env", default="dev")
            ns = core.Namespace {metadata.name = "shop-${_env}"}
            shop: app.App {name = "shop", namespace = "shop-${_env}", image = "shop:1.2"}
            """;

    private static final String OVERLAYS = """
            if _env == "prod":
                shop: app.App {scale = {min = 3, max = 6}, ingress.host = "shop.example.com"}
            else:
                shop: app.App {ingress.host = "shop.dev.example.com"}
            """;

    private void write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private List<String> files(String under) throws IOException {
        Path root = dir.resolve(under);
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void everyEnvironmentGetsItsOwnDirectory() throws Exception {
        write("shop/kcl.mod", MOD);
        write("shop/base.k", BASE);
        write("shop/main.k", OVERLAYS);
        Run r = skiff(dir, "build", "shop", "-o", "deploy/");
        assertThat(r.exit()).as(r.err()).isZero();
        // files are named kind-namespace-name.yaml, as for any build into a directory
        assertThat(files("deploy")).containsExactly(
                "dev/deployment-shop-dev-shop.yaml", "dev/ingress-shop-dev-shop.yaml", "dev/namespace-shop-dev.yaml",
                "dev/service-shop-dev-shop.yaml", "dev/serviceaccount-shop-dev-shop.yaml",
                "prod/deployment-shop-prod-shop.yaml", "prod/horizontalpodautoscaler-shop-prod-shop.yaml",
                "prod/ingress-shop-prod-shop.yaml", "prod/namespace-shop-prod.yaml",
                "prod/poddisruptionbudget-shop-prod-shop.yaml", "prod/service-shop-prod-shop.yaml",
                "prod/serviceaccount-shop-prod-shop.yaml");
        assertThat(Files.readString(dir.resolve("deploy/prod/deployment-shop-prod-shop.yaml")))
                .contains("namespace: shop-prod").contains("replicas: 3");
        assertThat(Files.readString(dir.resolve("deploy/dev/ingress-shop-dev-shop.yaml")))
                .contains("namespace: shop-dev").contains("host: shop.dev.example.com");

        Run one = skiff(dir, "build", "shop", "-D", "env=prod", "-o", "only/");
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(files("only")).allMatch(f -> f.startsWith("prod/")).hasSize(7);

        // to standard output, a build is one program run: the environment -D names, else the program's default
        Run stream = skiff(dir, "build", "shop");
        assertThat(stream.exit()).as(stream.err()).isZero();
        assertThat(stream.out()).contains("namespace: shop-dev").doesNotContain("shop-prod");
    }

    @Test
    void anErrorInOneEnvironmentWritesNoEnvironment() throws Exception {
        write("shop/kcl.mod", MOD);
        write("shop/base.k", BASE);
        write("shop/main.k", OVERLAYS.replace("min = 3, max = 6", "min = 3, max = 2"));
        Run r = skiff(dir, "build", "shop", "-o", "deploy/");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("in environment `prod`:").contains("scale needs 0 <= min <= max")
                .doesNotContain("in environment `dev`");
        assertThat(Files.exists(dir.resolve("deploy"))).isFalse();
    }

    @Test
    void anUndeclaredEnvironmentIsBadUsage() throws Exception {
        write("shop/kcl.mod", MOD);
        write("shop/main.k", BASE);
        Run r = skiff(dir, "build", "shop", "-D", "env=qa", "-o", "deploy/");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("-D env=qa: kcl.mod declares the environments dev, prod");
        assertThat(Files.exists(dir.resolve("deploy"))).isFalse();
    }

    @Test
    void aMalformedEnvironmentListIsReported() throws Exception {
        write("shop/kcl.mod", MOD.replace("\"dev\"", "\"Dev\""));
        write("shop/main.k", BASE);
        Run r = skiff(dir, "build", "shop", "-o", "deploy/");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("`Dev` is not a lowercase name of letters, digits and '-'");
        assertThat(Files.exists(dir.resolve("deploy"))).isFalse();
    }
}
