package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.emit.DataReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skiff krm} held to the KRM Functions Specification: a ResourceList in, a ResourceList out; items keep
 * their order and the orchestrator's annotations; on failure the items go back unchanged, the results say why
 * (severity, message, object, field, file) and the exit code is not zero. Then the same function as kpt
 * ({@code kpt fn eval --exec}) and kustomize ({@code kubectl kustomize}, a {@code transformers:} entry) run it.
 */
class KrmIT {
    @TempDir
    Path dir;

    private static final String ITEMS = """
            apiVersion: config.kubernetes.io/v1
            kind: ResourceList
            items:
            - apiVersion: apps/v1
              kind: Deployment
              metadata:
                name: web
                annotations:
                  config.kubernetes.io/index: '0'
                  internal.config.kubernetes.io/path: apps/web.yaml
              spec:
                selector: {matchLabels: {app: web}}
                template:
                  metadata: {labels: {app: web}}
                  spec:
                    containers: [{name: web, image: 'nginx:1.27'}]
            - apiVersion: v1
              kind: Namespace
              metadata:
                name: shop
                annotations:
                  config.kubernetes.io/index: '1'
                  internal.config.kubernetes.io/path: apps/web.yaml
            - apiVersion: kpt.dev/v1
              kind: Kptfile
              metadata:
                name: pkg
                annotations:
                  config.kubernetes.io/local-config: 'true'
                  config.kubernetes.io/index: '0'
                  internal.config.kubernetes.io/path: Kptfile
            """;

    private static String withConfig(String config) {
        return ITEMS + "functionConfig:\n" + config.indent(2);
    }

    private CliIT.Run krm(String input, String... args) throws IOException, InterruptedException {
        Path in = dir.resolve("input.yaml");
        Files.writeString(in, input, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of("krm"));
        all.addAll(List.of(args));
        return CliIT.skiffWithInput(dir, in, all.toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> list(String yaml) {
        Object doc = DataReader.readYaml(yaml);
        assertThat(doc).as("standard output is one ResourceList").isInstanceOf(Map.class);
        Map<String, Object> rl = (Map<String, Object>) doc;
        assertThat(rl).containsEntry("apiVersion", "config.kubernetes.io/v1").containsEntry("kind", "ResourceList");
        return rl;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> rl) {
        return (List<Map<String, Object>>) rl.get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> m, String... path) {
        Map<String, Object> cur = m;
        for (String p : path) {
            cur = (Map<String, Object>) cur.get(p);
        }
        return cur;
    }

    private static List<Map<String, Object>> inputItems() {
        return items(list(ITEMS));
    }

    @Test
    void theProgramSeesTheItemsAndItsObjectsReplaceThemInOrderWithTheirAnnotations() throws Exception {
        CliIT.Run r = krm(withConfig("""
                apiVersion: fn.skiff.dev/v1alpha1
                kind: SkiffRun
                metadata: {name: team}
                spec:
                  params: {team: web}
                  source: |
                    items = [r | {metadata.labels.team = option("params").team} for r in option("items")]
                """));
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, Object> out = list(r.out());
        assertThat(out).doesNotContainKey("results");
        List<Map<String, Object>> items = items(out);
        // the Namespace stays second: a function keeps the order it was given (skiff build would move it first)
        assertThat(items).extracting(i -> i.get("kind")).containsExactly("Deployment", "Namespace", "Kptfile");
        for (int i = 0; i < items.size(); i++) {
            assertThat(at(items.get(i), "metadata", "labels")).containsEntry("team", "web");
            assertThat(at(items.get(i), "metadata", "annotations"))
                    .isEqualTo(at(inputItems().get(i), "metadata", "annotations"));
        }
    }

    @Test
    void aFailedValidationReturnsTheItemsUnchangedWithAResultNamingObjectFieldAndFile() throws Exception {
        CliIT.Run r = krm(withConfig("""
                apiVersion: fn.skiff.dev/v1alpha1
                kind: SkiffRun
                metadata: {name: replicas}
                spec:
                  source: |
                    items = [r | {spec.replicas = "three"} if r.kind == "Deployment" else r for r in option("items")]
                """), "--color", "never");
        assertThat(r.exit()).isEqualTo(1);
        Map<String, Object> out = list(r.out());
        assertThat(items(out)).isEqualTo(inputItems());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) out.get("results");
        assertThat(results).hasSize(1);
        Map<String, Object> result = results.get(0);
        assertThat(result).containsEntry("severity", "error")
                .containsEntry("resourceRef", Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", "web"))
                .containsEntry("field", Map.of("path", "spec.replicas"))
                .containsEntry("file", Map.of("path", "apps/web.yaml", "index", 0L))
                .containsEntry("tags", Map.of("code", "E0301"));
        // the program wrote the bad value: the message says where in it, which object and which field
        assertThat((String) result.get("message")).startsWith("functionConfig.k:1:")
                .contains("Deployment `web`: `spec.replicas`: expected `int32`");
        // and for people, the same diagnostic on standard error
        assertThat(r.err()).contains("error[E0301]").contains("spec.replicas");
    }

    @Test
    void anErrorInTheProgramPointsIntoTheInlineSource() throws Exception {
        CliIT.Run r = krm(withConfig("""
                apiVersion: fn.skiff.dev/v1alpha1
                kind: SkiffRun
                metadata: {name: broken}
                spec:
                  source: |
                    _n = len(option("items"))
                    items = [r | {metadata.labels.n = count} for r in option("items")]
                """), "--color", "never");
        assertThat(r.exit()).isEqualTo(1);
        Map<String, Object> out = list(r.out());
        assertThat(items(out)).isEqualTo(inputItems());
        @SuppressWarnings("unchecked")
        Map<String, Object> result = ((List<Map<String, Object>>) out.get("results")).get(0);
        assertThat(result).containsEntry("severity", "error").containsEntry("file", Map.of("path", "functionConfig.k"));
        assertThat(result).containsEntry("message", "functionConfig.k:2:35: name `count` is not defined")
                .containsEntry("tags", Map.of("code", "E0201"));
        assertThat(r.err()).startsWith("functionConfig.k:2:").contains("error[E0201]").contains("^");
    }

    @Test
    void aProgramFileAndParamsFromAConfigMapAsKptMakesThem() throws Exception {
        Files.writeString(dir.resolve("fn.k"), """
                _p = option("params")
                items = [r | {metadata.labels.tier = _p.tier} for r in option("items") if r.kind != "Kptfile"]
                """);
        CliIT.Run r = krm(withConfig("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: fn}
                data:
                  path: fn.k
                  tier: backend
                """));
        assertThat(r.exit()).as(r.err()).isZero();
        List<Map<String, Object>> items = items(list(r.out()));
        assertThat(items).extracting(i -> i.get("kind")).containsExactly("Deployment", "Namespace");
        assertThat(at(items.get(0), "metadata", "labels")).containsEntry("tier", "backend");
    }

    @Test
    void kclRunConfigsRunUnchanged() throws Exception {
        CliIT.Run r = krm(withConfig("""
                apiVersion: krm.kcl.dev/v1alpha1
                kind: KCLRun
                metadata: {name: kcl}
                spec:
                  params: {replicas: 2}
                  source: |
                    items = [r | {spec.replicas = option("params").replicas} if r.kind == "Deployment" else r for r in option("items")]
                """));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(at(items(list(r.out())).get(0), "spec")).containsEntry("replicas", 2L);
    }

    @Test
    void theProgramCanBeNamedOnTheCommandLineAndReadTheWholeResourceList() throws Exception {
        Files.writeString(dir.resolve("count.k"), """
                _items = option("resource_list")["items"]
                items = [r | {metadata.annotations.count = str(len(_items))} for r in _items]
                """);
        CliIT.Run r = krm(withConfig("""
                apiVersion: example.com/v1
                kind: Anything
                metadata: {name: x}
                """), "count.k");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(at(items(list(r.out())).get(1), "metadata", "annotations")).containsEntry("count", "3");
    }

    @Test
    void inputThatIsNotAResourceListIsAResultNotAStackTrace() throws Exception {
        for (String input : List.of("kind: [unclosed", "apiVersion: v1\nkind: ConfigMap\n", "")) {
            CliIT.Run r = krm(input, "--color", "never");
            assertThat(r.exit()).as(input).isEqualTo(1);
            Map<String, Object> out = list(r.out());
            assertThat(items(out)).isEmpty();
            assertThat(out.get("results").toString()).contains("E0413");
            assertThat(r.err()).contains("error[E0413]").doesNotContain("Exception");
        }
        CliIT.Run r = krm(ITEMS + "functionConfig: {apiVersion: v1, kind: ConfigMap, metadata: {name: x}, data: {a: b}}\n");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(list(r.out()).get("results").toString()).contains("has no program");
    }

    // --- the same function run by the engines ---------------------------------------------------------------

    private Path writePackage() throws IOException {
        Path pkg = Files.createDirectories(dir.resolve("pkg"));
        Files.writeString(pkg.resolve("deployment.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: 'nginx:1.27'}]
                """);
        Files.writeString(pkg.resolve("service.yaml"), """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  selector: {app: web}
                  ports: [{port: 80}]
                """);
        return pkg;
    }

    private static final String TEAM_CONFIG = """
            apiVersion: fn.skiff.dev/v1alpha1
            kind: SkiffRun
            metadata:
              name: team
            spec:
              params: {team: web}
              source: |
                items = [r | {metadata.labels.team = option("params").team} for r in option("items")]
            """;

    static CliIT.Run run(Path workDir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in 120 s: " + List.of(cmd));
        }
        return new CliIT.Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void kptRunsItAsAnExecFunction() throws Exception {
        Path kpt = Tools.find("kpt").orElse(null);
        Assumptions.assumeTrue(kpt != null, "kpt is not installed");
        Path pkg = writePackage();
        Path skiff = Tools.skiffScript(dir);
        Files.writeString(dir.resolve("fn-config.yaml"), TEAM_CONFIG);
        CliIT.Run r = run(dir, Map.of(), kpt.toString(), "fn", "eval", "pkg", "--exec", skiff + " krm",
                "--fn-config", "fn-config.yaml");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> service = (Map<String, Object>) DataReader.readYaml(Files.readString(pkg.resolve("service.yaml")));
        assertThat(at(service, "metadata", "labels")).containsEntry("team", "web");

        // a failing function fails kpt, which shows Skiff's result
        Files.writeString(dir.resolve("bad-config.yaml"), TEAM_CONFIG.replace("metadata.labels.team", "spec.replicaz"));
        CliIT.Run bad = run(dir, Map.of(), kpt.toString(), "fn", "eval", "pkg", "--exec", skiff + " krm",
                "--fn-config", "bad-config.yaml");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.out() + bad.err()).contains("Deployment `web`: `spec.replicaz`").contains("no attribute `replicaz`");
    }

    @Test
    void kustomizeRunsItAsATransformer() throws Exception {
        Path kubectl = Tools.find("kubectl").orElse(null);
        Assumptions.assumeTrue(kubectl != null, "kubectl (with its built-in kustomize) is not installed");
        Path pkg = writePackage();
        Files.writeString(pkg.resolve("kustomization.yaml"), """
                resources: [deployment.yaml, service.yaml]
                transformers: [fn.yaml]
                """);
        Files.writeString(pkg.resolve("fn.yaml"), TEAM_CONFIG.replace("  name: team\n", """
                  name: team
                  annotations:
                    config.kubernetes.io/function: |
                      container:
                        image: ghcr.io/skiff-lang/skiff:test
                """));
        // kubectl's kustomize runs container functions with `docker run … IMAGE`: with no container engine here,
        // a `docker` on PATH runs the function as the image's entry point would (skiff krm), after checking that
        // kustomize asked for a function run in the way the KRM specification says
        Path skiff = Tools.skiffScript(dir);
        Path shim = Files.createDirectories(dir.resolve("shim")).resolve("docker");
        Files.writeString(shim, """
                #!/bin/sh
                echo "$@" > "%s/docker-args"
                case " $* " in *" run --rm -i "*" ghcr.io/skiff-lang/skiff:test ") ;; *) echo "unexpected: $*" >&2; exit 99 ;; esac
                exec %s krm
                """.formatted(dir, skiff));
        shim.toFile().setExecutable(true);
        Map<String, String> env = new HashMap<>();
        env.put("PATH", shim.getParent() + ":" + System.getenv("PATH"));
        CliIT.Run r = run(pkg, env, kubectl.toString(), "kustomize", "--enable-alpha-plugins", ".");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Object> objects = DataReader.readYamlStream(r.out());
        assertThat(objects).hasSize(2);
        for (Object o : objects) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) o;
            assertThat(at(object, "metadata", "labels")).containsEntry("team", "web");
            // kustomize strips its own bookkeeping annotations again: the function must have kept them
            assertThat(at(object, "metadata")).doesNotContainKey("annotations");
        }
        assertThat(Files.readString(dir.resolve("docker-args"))).contains("--network none");
    }
}
