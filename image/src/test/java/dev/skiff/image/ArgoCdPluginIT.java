package dev.skiff.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skiff's Argo CD config management plugin ({@code integrations/argocd/plugin.yaml}) held to the contract
 * argocd-cmp-server holds a plugin to: {@code discover.find.command} and {@code generate} run in the
 * Application's directory inside a checked-out repository, with the sidecar's environment plus
 * ARGOCD_APP_NAME, ARGOCD_APP_NAMESPACE, … and each {@code plugin.env} entry as ARGOCD_ENV_*; a match is exit
 * 0 with output; generate's standard output must be only Kubernetes objects, errors go to standard error with a
 * non-zero exit; nothing is written into the repository. The commands run as the plugin file gives them, with
 * the distribution's {@code skiff} and, for the runnable image, inside the image as user 999 as the sidecar does.
 */
class ArgoCdPluginIT {
    @TempDir
    Path dir;

    Path repo;
    JsonNode plugin;

    @BeforeEach
    void repository() throws Exception {
        plugin = new YAMLMapper().readTree(Path.of(System.getProperty("skiff.repo"), "integrations/argocd/plugin.yaml").toFile());
        repo = Files.createDirectories(dir.resolve("repo"));
        Path examples = Path.of(System.getProperty("skiff.repo"), "examples");
        Files.createDirectories(repo.resolve("apps/webapp"));
        Files.copy(examples.resolve("webapp/main.k"), repo.resolve("apps/webapp/main.k"));
        write("apps/params/kcl.mod", "[package]\nname = \"params\"\n");
        write("apps/params/main.k", """
                _env = option("env", default="dev")
                _greeting = option("greeting", default="hello")
                config = {
                    apiVersion = "v1"
                    kind = "ConfigMap"
                    metadata.name = "params"
                    data = {env = _env, greeting = _greeting}
                }
                """);
        write("apps/broken/main.k", """
                deployment = {
                    apiVersion = "apps/v1"
                    kind = "Deployment"
                    metadata.name = "broken"
                    spec.replicaz = 2
                }
                """);
        write("apps/plain/deployment.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: plain}\n");
        git("init", "-q");
        git("add", ".");
        git("-c", "user.email=test@skiff.dev", "-c", "user.name=test", "commit", "-qm", "apps");
    }

    private void write(String name, String text) throws IOException {
        Path p = repo.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Container.Run r = Processes.run(repo, Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString()), null, cmd);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }

    private List<String> command(String section) {
        JsonNode spec = plugin.path("spec");
        JsonNode c = section.equals("discover") ? spec.path("discover").path("find").path("command") : spec.path(section);
        List<String> cmd = new ArrayList<>();
        if (section.equals("discover")) {
            c.forEach(n -> cmd.add(n.asText()));
        } else {
            c.path("command").forEach(n -> cmd.add(n.asText()));
            c.path("args").forEach(n -> cmd.add(n.asText()));
        }
        return cmd;
    }

    /** What argocd-cmp-server adds to the sidecar's environment for an Application (empty values are dropped). */
    private static Map<String, String> argoEnv(String app, Map<String, String> pluginEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("ARGOCD_APP_NAME", app);
        env.put("ARGOCD_APP_NAMESPACE", "shop");
        env.put("ARGOCD_APP_REVISION", "0123456789abcdef0123456789abcdef01234567");
        env.put("ARGOCD_APP_SOURCE_PATH", "apps/" + app);
        env.put("ARGOCD_APP_SOURCE_REPO_URL", "https://git.example.com/shop.git");
        env.put("ARGOCD_APP_SOURCE_TARGET_REVISION", "HEAD");
        env.put("KUBE_VERSION", "1.34.0");
        env.put("KUBE_API_VERSIONS", "v1,apps/v1");
        pluginEnv.forEach((k, v) -> env.put("ARGOCD_ENV_" + k, v));
        return env;
    }

    /** Where and how the plugin's commands run: on this machine with the distribution, or inside the image. */
    interface Sidecar {
        Container.Run run(String app, Map<String, String> env, List<String> cmd) throws Exception;
    }

    private Sidecar host() {
        Path dist = Path.of(System.getProperty("skiff.dist"));
        // no start-up cache: making one is DistributionIT's business, and slow
        Map<String, String> base = Map.of("PATH", dist.resolve("bin") + ":/usr/bin:/bin",
                "JAVA_HOME", Processes.javaHome().toString(), "HOME", dir.resolve("home").toString(), "SKIFF_AOT", "0");
        return (app, env, cmd) -> {
            Map<String, String> all = new HashMap<>(base);
            all.putAll(env);
            return Processes.run(repo.resolve("apps/" + app), all, null, cmd);
        };
    }

    private Sidecar image() throws Exception {
        Assumptions.assumeTrue(System.getProperty("skiff.image.mode").equals("full"), "the runnable image is built with -Pimage");
        Assumptions.assumeTrue(Container.available(), "running the image needs root and unshare (no container engine here)");
        OciImage image = OciImage.read(Path.of(System.getProperty("skiff.image.tar")));
        Path root = dir.resolve("rootfs");
        image.unpack(root);
        // the repo server sends the sidecar a copy of the repository, unpacked under its /tmp
        Path copy = root.resolve("tmp/_cmp_server/4b1f0c");
        Files.createDirectories(copy.getParent());
        Container.Run cp = Processes.run(dir, Map.of("PATH", "/usr/bin:/bin"), null,
                List.of("cp", "-a", repo.toString(), copy.toString()));
        assertThat(cp.exit()).as(cp.err()).isZero();
        repo = copy;
        return (app, env, cmd) -> {
            Map<String, String> all = new HashMap<>(image.environment());
            all.putAll(env);
            // argocd-cmp-server runs as user 999, which the image does not name
            return new Container(root, "999:999", all, "/tmp/_cmp_server/4b1f0c/apps/" + app).run(null, cmd);
        };
    }

    /** Every file of the repository (the .git directory included) with a hash of its content and its mode. */
    private Map<String, String> snapshot() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(repo)) {
            for (Path p : files.toList()) {
                String key = repo.relativize(p).toString();
                if (Files.isRegularFile(p)) {
                    byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                    out.put(key, HexFormat.of().formatHex(hash) + " " + Files.getPosixFilePermissions(p));
                } else {
                    out.put(key, "dir");
                }
            }
        }
        return out;
    }

    private void contract(Sidecar sidecar) throws Exception {
        Map<String, String> before = snapshot();

        for (String app : List.of("webapp", "params", "broken")) {
            Container.Run found = sidecar.run(app, argoEnv(app, Map.of()), command("discover"));
            assertThat(found.exit()).as(app + ": " + found.err()).isZero();
            assertThat(found.out()).as(app).isNotBlank();
        }
        Container.Run notOurs = sidecar.run("plain", argoEnv("plain", Map.of()), command("discover"));
        assertThat(notOurs.exit()).isZero();
        assertThat(notOurs.out()).as("an app without kcl.mod or .k files is not Skiff's").isEmpty();

        Container.Run webapp = sidecar.run("webapp", argoEnv("webapp", Map.of("env", "prod")), command("generate"));
        assertThat(webapp.err()).isEmpty();
        assertThat(webapp.exit()).isZero();
        List<JsonNode> objects = objects(webapp.out());
        assertThat(objects).extracting(o -> o.path("kind").asText())
                .containsExactly("Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget");
        assertThat(webapp.out()).as("ARGOCD_ENV_env=prod reached the program as -D env=prod")
                .contains("host: shop.example.com").doesNotContain("shop.dev.example.com");

        // values arrive verbatim: quotes, spaces and shell syntax are data, never code
        String greeting = "it's \"quoted\" $(touch /tmp/pwned) `id` ; exit 3";
        Container.Run params = sidecar.run("params", argoEnv("params", Map.of("env", "staging", "greeting", greeting)),
                command("generate"));
        assertThat(params.exit()).as(params.err()).isZero();
        JsonNode config = objects(params.out()).get(0);
        assertThat(config.path("data").path("env").asText()).isEqualTo("staging");
        assertThat(config.path("data").path("greeting").asText()).isEqualTo(greeting);
        assertThat(Path.of("/tmp/pwned")).doesNotExist();

        Container.Run broken = sidecar.run("broken", argoEnv("broken", Map.of()), command("generate"));
        assertThat(broken.exit()).isNotZero();
        assertThat(broken.out()).as("nothing but objects on standard output, and none on failure").isEmpty();
        assertThat(broken.err()).contains("error[E0302]").contains("replicaz").contains("main.k:5:")
                .doesNotContain("\u001b[");

        assertThat(snapshot()).as("nothing was written into the repository").isEqualTo(before);
    }

    private static List<JsonNode> objects(String stream) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (var values = new YAMLMapper().readerFor(JsonNode.class).readValues(stream)) {
            while (values.hasNext()) {
                JsonNode doc = (JsonNode) values.next();
                assertThat(doc.path("apiVersion").isTextual() && doc.path("kind").isTextual())
                        .as("every document is a Kubernetes object: " + doc).isTrue();
                out.add(doc);
            }
        }
        return out;
    }

    @Test
    void thePluginKeepsArgoCdsContractWithTheDistribution() throws Exception {
        contract(host());
        assertThat(git("status", "--porcelain")).isEmpty();
    }

    @Test
    void theGenerateScriptReadsTheEnvironmentInBashToo() throws Exception {
        // `export -p` prints `declare -x NAME=…` in bash: the script understands both forms
        List<String> generate = command("generate");
        generate.set(0, "bash");
        Container.Run r = host().run("params", argoEnv("params", Map.of("env", "prod")), generate);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(objects(r.out()).get(0).path("data").path("env").asText()).isEqualTo("prod");
    }

    @Test
    void theSidecarPatchAddsSkiffToTheRepoServerAsArgoCdsRecipeSays() throws Exception {
        List<String> dirs = new ArrayList<>();
        if (System.getenv("SKIFF_TOOLS_DIR") != null) {
            dirs.add(System.getenv("SKIFF_TOOLS_DIR"));
        }
        dirs.addAll(List.of(String.valueOf(System.getenv("PATH")).split(":")));
        Path kubectl = dirs.stream().map(d -> Path.of(d, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(kubectl != null, "kubectl is not installed");
        // the repo server as Argo CD's install.yaml has it, reduced to what the patch meets
        Path deployment = dir.resolve("repo-server.yaml");
        Files.writeString(deployment, """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: argocd-repo-server, namespace: argocd}
                spec:
                  selector: {matchLabels: {app.kubernetes.io/name: argocd-repo-server}}
                  template:
                    metadata: {labels: {app.kubernetes.io/name: argocd-repo-server}}
                    spec:
                      containers:
                      - name: argocd-repo-server
                        image: quay.io/argoproj/argocd:v3.2.1
                      volumes:
                      - {name: var-files, emptyDir: {}}
                      - {name: plugins, emptyDir: {}}
                """);
        Path patch = Path.of(System.getProperty("skiff.repo"), "integrations/argocd/repo-server-patch.yaml");
        Container.Run r = Processes.run(dir, Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString()), null,
                List.of(kubectl.toString(), "patch", "--local", "-f", deployment.toString(), "--type", "strategic",
                        "--patch-file", patch.toString(), "-o", "yaml"));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode spec = new YAMLMapper().readTree(r.out()).path("spec").path("template").path("spec");
        assertThat(spec.path("containers")).hasSize(2);
        JsonNode sidecar = null;
        for (JsonNode c : spec.path("containers")) {
            if (c.path("name").asText().equals("skiff")) {
                sidecar = c;
            }
        }
        assertThat(sidecar).as("a container named skiff").isNotNull();
        assertThat(sidecar.path("command").path(0).asText()).isEqualTo("/var/run/argocd/argocd-cmp-server");
        assertThat(sidecar.path("securityContext").path("runAsUser").asInt()).isEqualTo(999);
        List<String> mounts = new ArrayList<>();
        sidecar.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText() + "<-" + m.path("name").asText()));
        assertThat(mounts).contains("/var/run/argocd<-var-files", "/home/argocd/cmp-server/plugins<-plugins",
                "/home/argocd/cmp-server/config/plugin.yaml<-skiff-cmp-plugin", "/tmp<-skiff-tmp");
        List<String> volumes = new ArrayList<>();
        spec.path("volumes").forEach(v -> volumes.add(v.path("name").asText()));
        assertThat(volumes).containsExactlyInAnyOrder("var-files", "plugins", "skiff-cmp-plugin", "skiff-tmp");
        // and the patched Deployment is a valid one: Skiff's own validator says so
        Path dist = Path.of(System.getProperty("skiff.dist"));
        Container.Run valid = Processes.run(dir, Map.of("PATH", dist.resolve("bin") + ":/usr/bin:/bin",
                "JAVA_HOME", Processes.javaHome().toString(), "SKIFF_AOT", "0"), r.out(),
                List.of(dist.resolve("bin/skiff").toString(), "post-render", "--color", "never"));
        assertThat(valid.exit()).as(valid.err()).isZero();
    }

    @Test
    void thePluginKeepsArgoCdsContractInsideTheImageAsUser999() throws Exception {
        contract(image());
    }
}
