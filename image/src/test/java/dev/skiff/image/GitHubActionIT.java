package dev.skiff.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composite action ({@code action.yml}) as a runner executes it, without a runner: its {@code run} steps in
 * order, each with bash as GitHub starts it ({@code bash --noprofile --norc -eo pipefail}), its {@code env}
 * expressions evaluated from the inputs, {@code github.action_path} and earlier steps' outputs, and
 * {@code $GITHUB_OUTPUT}. The {@code uses} steps (setup-java, cache, upload-sarif) are GitHub's and are checked
 * for how they are called. The action's {@code skiff} is the packaged jar, standing in for the launcher.
 */
class GitHubActionIT {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");

    @TempDir
    Path dir;

    JsonNode action;
    Path actionPath;
    Path workspace;

    @BeforeEach
    void setUp() throws Exception {
        action = new YAMLMapper().readTree(Path.of(System.getProperty("skiff.repo"), "action.yml").toFile());
        actionPath = Files.createDirectories(dir.resolve("action"));
        for (String d : List.of("grammar", "stdlib", "k8s-schema-gen", "compiler", "lsp", "cli/target")) {
            Files.createDirectories(actionPath.resolve(d));
        }
        Files.writeString(actionPath.resolve("pom.xml"), "<project/>\n");
        Files.writeString(actionPath.resolve("compiler/Source.java"), "class Source {}\n");
        Files.writeString(actionPath.resolve("cli/target/skiff.jar"), "restored from the cache\n");
        Path skiff = actionPath.resolve("skiff");
        Files.writeString(skiff, "#!/bin/sh\nexec '" + Processes.javaHome().resolve("bin/java") + "' -jar '"
                + Path.of(System.getProperty("skiff.dist"), "lib/skiff.jar") + "' \"$@\"\n");
        skiff.toFile().setExecutable(true);
        workspace = Files.createDirectories(dir.resolve("workspace"));
    }

    private List<JsonNode> steps() {
        List<JsonNode> out = new ArrayList<>();
        action.path("runs").path("steps").forEach(out::add);
        return out;
    }

    @Test
    void itIsACompositeActionOverSetupJavaCacheAndCodeScanning() {
        assertThat(action.path("runs").path("using").asText()).isEqualTo("composite");
        Map<String, JsonNode> uses = new HashMap<>();
        for (JsonNode step : steps()) {
            if (step.has("uses")) {
                uses.put(step.path("uses").asText().replaceAll("@.*", ""), step);
            } else {
                assertThat(step.path("shell").asText()).as(step.path("name").asText()).isEqualTo("bash");
                // inputs reach scripts through env, never spliced into the script (script injection)
                assertThat(step.path("run").asText()).as(step.path("name").asText()).doesNotContain("${{");
            }
        }
        assertThat(uses.get("actions/setup-java").path("with").path("java-version").asText())
                .isEqualTo("${{ inputs.java-version }}");
        assertThat(uses.get("actions/cache").path("with").path("path").asText())
                .contains("cli/target/skiff.jar").contains("cli/target/skiff.aot");
        JsonNode upload = uses.get("github/codeql-action/upload-sarif");
        assertThat(upload.path("if").asText()).contains("always()");
        assertThat(upload.path("with").path("sarif_file").asText()).isEqualTo("${{ inputs.sarif-file }}");
        assertThat(action.path("inputs").path("java-version").path("default").asText()).isEqualTo("25");
    }

    /** What the run steps did: the exit code of the first that failed (0 if none), what they printed, outputs. */
    record Outcome(int exit, String log, Map<String, String> outputs) {
    }

    private Outcome runSteps(Map<String, String> inputs) throws Exception {
        Map<String, Map<String, String>> stepOutputs = new HashMap<>();
        stepOutputs.put("cache", Map.of("cache-hit", "true"));
        StringBuilder log = new StringBuilder();
        for (JsonNode step : steps()) {
            if (!step.has("run")) {
                continue;
            }
            Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString(),
                    "RUNNER_OS", "Linux", "GITHUB_ACTION_PATH", actionPath.toString()));
            Path output = Files.createTempFile(dir, "output", ".txt");
            env.put("GITHUB_OUTPUT", output.toString());
            step.path("env").fields().forEachRemaining(e ->
                    env.put(e.getKey(), evaluate(e.getValue().asText(), inputs, stepOutputs)));
            Path script = Files.createTempFile(dir, "step", ".sh");
            Files.writeString(script, step.path("run").asText());
            Container.Run r = Processes.run(workspace, env, null,
                    List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString()));
            log.append(r.out()).append(r.err());
            Map<String, String> outputs = new HashMap<>();
            for (String line : Files.readAllLines(output)) {
                int eq = line.indexOf('=');
                outputs.put(line.substring(0, eq), line.substring(eq + 1));
            }
            if (step.has("id")) {
                stepOutputs.put(step.path("id").asText(), outputs);
            }
            if (r.exit() != 0) {
                return new Outcome(r.exit(), log.toString(), stepOutputs.getOrDefault("check", Map.of()));
            }
        }
        return new Outcome(0, log.toString(), stepOutputs.getOrDefault("check", Map.of()));
    }

    private String evaluate(String value, Map<String, String> inputs, Map<String, Map<String, String>> steps) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String expr = m.group(1);
            String v;
            if (expr.equals("github.action_path")) {
                v = actionPath.toString();
            } else if (expr.startsWith("inputs.")) {
                String name = expr.substring("inputs.".length());
                v = inputs.getOrDefault(name, action.path("inputs").path(name).path("default").asText());
            } else if (expr.matches("steps\\.[\\w-]+\\.outputs\\.[\\w-]+")) {
                String[] parts = expr.split("\\.");
                v = steps.getOrDefault(parts[1], Map.of()).getOrDefault(parts[3], "");
            } else {
                throw new AssertionError("an expression this test does not know: " + expr);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Test
    void aCleanRepositoryPassesWithAnEmptySarifLog() throws Exception {
        Files.writeString(workspace.resolve("main.k"), "name = \"shop\"\n");
        Outcome o = runSteps(Map.of());
        assertThat(o.exit()).as(o.log()).isZero();
        assertThat(o.outputs()).containsEntry("errors", "0").containsEntry("status", "0");
        assertThat(o.log()).doesNotContain("::error");
        JsonNode sarif = new ObjectMapper().readTree(workspace.resolve("skiff.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs").path(0).path("results")).isEmpty();
    }

    @Test
    void errorsBecomeAnnotationsAndSarifResultsAndFailTheJob() throws Exception {
        Files.createDirectories(workspace.resolve("apps/shop"));
        Files.writeString(workspace.resolve("apps/shop/main.k"), """
                import k8s.api.apps.v1 as apps

                deployment = apps.Deployment {
                    metadata.name = "shop"
                    spec.replicaz = 2
                }
                """);
        Files.writeString(workspace.resolve("ok.k"), "name = option(\"env\")\n");
        Outcome o = runSteps(Map.of("path", "apps/shop ok.k", "args", "-D env=prod"));
        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.outputs()).containsEntry("status", "1").containsEntry("errors", "1");
        assertThat(o.log()).contains("::error file=apps/shop/main.k,line=5,");
        JsonNode result = new ObjectMapper().readTree(workspace.resolve("skiff.sarif").toFile())
                .path("runs").path(0).path("results").path(0);
        assertThat(result.path("level").asText()).isEqualTo("error");
        assertThat(result.path("locations").path(0).path("physicalLocation").path("artifactLocation").path("uri")
                .asText()).isEqualTo("apps/shop/main.k");
        // the jar restored from the cache was marked current, so the launcher would not rebuild it
        assertThat(Files.getLastModifiedTime(actionPath.resolve("cli/target/skiff.jar")).toMillis())
                .isGreaterThanOrEqualTo(Files.getLastModifiedTime(actionPath.resolve("compiler/Source.java")).toMillis());
    }
}
