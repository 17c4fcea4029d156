package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.emit.DataReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skiff post-render} as Helm uses it: rendered objects on standard input, the objects to install on
 * standard output; any error stops the release and names the object, its template and the field. Then the real
 * {@code helm} with Skiff's post-renderer plugin (Helm 4) or the command itself (Helm 3).
 */
class PostRenderIT {
    @TempDir
    Path dir;

    private static final String RENDERED = """
            ---
            # Source: shop/templates/service.yaml
            apiVersion: v1
            kind: Service
            metadata:
              name: shop
            spec:
              selector: {app: shop}
              ports: [{port: 80}]
            ---
            # Source: shop/templates/deployment.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: shop
            spec:
              selector: {matchLabels: {app: shop}}
              template:
                metadata: {labels: {app: shop}}
                spec:
                  containers:
                  - name: shop
                    image: "nginx:1.27"
                    imagePullPolicy: IfNotPresent
            """;

    private CliIT.Run postRender(String input, String... args) throws IOException, InterruptedException {
        Path in = dir.resolve("rendered.yaml");
        Files.writeString(in, input, StandardCharsets.UTF_8);
        String[] all = new String[args.length + 1];
        all[0] = "post-render";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliIT.skiffWithInput(dir, in, all);
    }

    @Test
    void validObjectsComeBackExactlyAsHelmWroteThem() throws Exception {
        CliIT.Run r = postRender(RENDERED);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(RENDERED);
    }

    @Test
    void anInvalidFieldStopsTheReleaseNamingKindNameTemplateAndField() throws Exception {
        CliIT.Run r = postRender(RENDERED.replace("IfNotPresent", "Sometimes"), "--color", "never");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("error[E0301]: Deployment `shop`: `spec.template.spec.containers[0].imagePullPolicy`")
                .contains("\"Sometimes\"")
                .contains("(in shop/templates/deployment.yaml)")
                .contains("1 error found; nothing was written");
    }

    @Test
    void aProgramReceivesTheObjectsAndWritesTheOnesToInstall() throws Exception {
        Files.writeString(dir.resolve("patch.k"), """
                _team = option("team", default="web")
                items = [o | {metadata.labels.team = _team} for o in option("items")]
                """);
        CliIT.Run r = postRender(RENDERED, "patch.k", "-D", "team=shop");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Object> objects = DataReader.readYamlStream(r.out());
        assertThat(objects).hasSize(2);
        for (Object o : objects) {
            assertThat(o.toString()).contains("labels={team=shop}");
        }
        // what the program writes is validated too, and the error points at the program's line
        Files.writeString(dir.resolve("bad.k"), """
                items = [o | {spec.sessionAffinity = "Sticky"} if o.kind == "Service" else o for o in option("items")]
                """);
        CliIT.Run bad = postRender(RENDERED, "bad.k", "--color", "never");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err()).contains("Service `shop`: `spec.sessionAffinity`").contains("bad.k:1:");
    }

    @Test
    void customResourcesAreTypedByTheCrdsInTheStream() throws Exception {
        String crd = """
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                spec:
                  group: example.com
                  names: {kind: Widget, plural: widgets}
                  scope: Namespaced
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema:
                      openAPIV3Schema:
                        type: object
                        properties:
                          spec:
                            type: object
                            properties:
                              size: {type: integer}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                spec: {size: 3}
                """;
        assertThat(postRender(crd).exit()).isZero();
        CliIT.Run bad = postRender(crd.replace("size: 3", "size: big"), "--color", "never");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("Widget `w`: `spec.size`").contains("(in line 22)");
        CliIT.Run unknown = postRender("apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n", "--color", "never");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("error[E0410]").contains("(in line 1)");
    }

    @Test
    void inputThatIsNotKubernetesYamlIsADiagnostic() throws Exception {
        CliIT.Run r = postRender("---\n# Source: x/templates/a.yaml\nkind: [unclosed\n", "--color", "never");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("error[E0413]").contains("x/templates/a.yaml (line 3)").doesNotContain("Exception");
        CliIT.Run scalar = postRender("just text\n", "--color", "never");
        assertThat(scalar.exit()).isEqualTo(1);
        assertThat(scalar.err()).contains("not a Kubernetes object");
    }

    // --- under the real helm ------------------------------------------------------------------------------------

    private Map<String, String> helmEnv(Path skiff) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", skiff.getParent() + ":" + System.getenv("PATH"));
        for (String v : List.of("HELM_CONFIG_HOME", "HELM_DATA_HOME", "HELM_CACHE_HOME")) {
            env.put(v, Files.createDirectories(dir.resolve("helm-home").resolve(v)).toString());
        }
        return env;
    }

    @Test
    void helmTemplateWithSkiffAsItsPostRenderer() throws Exception {
        Path helm = Tools.find("helm").orElse(null);
        Assumptions.assumeTrue(helm != null, "helm is not installed");
        Path skiff = Tools.skiffScript(dir);
        Map<String, String> env = helmEnv(skiff);
        CliIT.Run version = KrmIT.run(dir, env, helm.toString(), "version", "--short");
        boolean helm4 = version.out().startsWith("v4");
        assertThat(KrmIT.run(dir, env, helm.toString(), "create", "shop").exit()).isZero();
        Files.writeString(dir.resolve("patch.k"), """
                items = [o | {metadata.labels.team = "web"} for o in option("items")]
                """);
        String[] postRenderer;
        if (helm4) {
            // Helm 4 runs post-renderers as plugins: install Skiff's from the repository
            Path plugin = Path.of(System.getProperty("skiff.repo"), "integrations/helm/skiff");
            CliIT.Run installed = KrmIT.run(dir, env, helm.toString(), "plugin", "install", plugin.toString());
            assertThat(installed.exit()).as(installed.err()).isZero();
            postRenderer = new String[] {"--post-renderer", "skiff"};
        } else {
            postRenderer = new String[] {"--post-renderer", skiff.toString(), "--post-renderer-args", "post-render"};
        }
        CliIT.Run r = KrmIT.run(dir, env, concat(new String[] {helm.toString(), "template", "shop", "./shop"},
                postRenderer, new String[] {"--post-renderer-args", "patch.k"}));
        assertThat(r.exit()).as(r.err()).isZero();
        List<Object> objects = DataReader.readYamlStream(r.out());
        assertThat(objects).isNotEmpty().allSatisfy(o -> assertThat(o.toString()).contains("team=web"));

        CliIT.Run bad = KrmIT.run(dir, env, concat(new String[] {helm.toString(), "template", "shop", "./shop",
                "--set", "image.pullPolicy=Sometimes"}, postRenderer));
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.out()).doesNotContain("kind: Deployment");
        // Helm 3 quotes a post-renderer's standard error; Helm 4 keeps a plugin's to itself, and Skiff's plugin
        // hands it to Helm's own
        assertThat(bad.err()).contains("error[E0301]: Deployment `shop`: `spec.template.spec.containers[0].imagePullPolicy`")
                .contains("(in shop/templates/deployment.yaml)");
    }

    private static String[] concat(String[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
