package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code skiff} command as a user runs it: a separate process on the packaged jar. */
class CliIT {
    @TempDir
    Path dir;

    /** What a process did. */
    record Run(int exit, String out, String err) {
    }

    static Run skiff(Path workDir, String... args) throws IOException, InterruptedException {
        return skiffWithInput(workDir, Path.of("/dev/null"), args);
    }

    /** Runs skiff with {@code input} as its standard input. */
    static Run skiffWithInput(Path workDir, Path input, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", System.getProperty("skiff.jar")));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(input.toFile())).start();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("skiff did not finish in 60 s: " + cmd);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void runPrintsYamlAndExitsZero() throws Exception {
        write("main.k", """
                schema App:
                    name: str
                    replicas: int = 1

                app = App {name = "shop"}
                ports = [p for p in [80, 443]]
                """);
        Run r = skiff(dir, "run", "main.k");
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("""
                app:
                  name: shop
                  replicas: 1
                ports:
                - 80
                - 443
                """);
    }

    @Test
    void errorsAreDiagnosticsWithLocationCaretAndExitOne() throws Exception {
        write("main.k", """
                replicas = 3
                count = replicaz + 1
                """);
        Run r = skiff(dir, "run", "main.k", "--color", "never");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("main.k:2:9: error[E0201]: ")
                .contains("count = replicaz + 1")
                .contains("^^^^^^^^")
                .contains("did you mean `replicas`?")
                .doesNotContain("at dev.skiff")
                .doesNotContain("Exception");
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        Run r = skiff(dir, "run", "--no-such-flag");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--no-such-flag");
    }

    @Test
    void anOptionWithoutAValueIsBadUsage() throws Exception {
        Files.writeString(dir.resolve("main.k"), "env = option(\"env\")\n");
        Run r = skiff(dir, "run", "main.k", "-D", "env=");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("-D `env=` has no value after `=`");
    }

    @Test
    void missingFileIsADiagnostic() throws Exception {
        Run r = skiff(dir, "run", "nope.k");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error[E0206]").contains("nope.k");
    }

    @Test
    void binaryInputIsRefusedCleanly() throws Exception {
        Files.write(dir.resolve("bin.k"), new byte[] {'a', 0, 1, 2, (byte) 0xff});
        Run r = skiff(dir, "run", "bin.k");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error[E0108]").doesNotContain("Exception");
    }

    @Test
    void optionsJsonAndOutputFile() throws Exception {
        write("main.k", """
                env = option("env", default="dev")
                replicas = 3 if env == "prod" else 1
                """);
        Run r = skiff(dir, "run", "main.k", "-D", "env=prod", "--format", "json", "-o", "out/result.json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(dir.resolve("out/result.json"))).isEqualTo("""
                {
                    "env": "prod",
                    "replicas": 3
                }
                """);
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("result.json");
        }
    }

    @Test
    void severalFilesFormOneModule() throws Exception {
        write("base.k", "name = \"shop\"\n");
        write("extra.k", "greeting = \"hello \" + name\n");
        Run r = skiff(dir, "run", "base.k", "extra.k");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("name: shop\ngreeting: hello shop\n");
    }

    @Test
    void kclModVariableNamesTheProjectRoot() throws Exception {
        write("kcl.mod", "[package]\nname = \"demo\"\n");
        write("base/names.k", "name = \"shop\"\n");
        write("apps/web/main.k", "greeting = \"hello \" + name\n");
        Run r = skiff(dir.resolve("apps/web"), "run", "${KCL_MOD}/base/names.k", "main.k");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("name: shop\ngreeting: hello shop\n");
    }

    @Test
    void importsAPackageOfTheProject() throws Exception {
        write("kcl.mod", "[package]\nname = \"demo\"\n");
        write("models/person.k", """
                schema Person:
                    name: str
                    age: int = 30
                """);
        write("main.k", """
                import models

                alice = models.Person {name = "alice"}
                """);
        Run r = skiff(dir, "run", "main.k");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("alice:\n  name: alice\n  age: 30\n");
    }

    @Test
    void versionAndHelp() throws Exception {
        Run v = skiff(dir, "version");
        assertThat(v.exit()).isZero();
        assertThat(v.out()).startsWith("skiff 0.");
        Run h = skiff(dir, "run", "--help");
        assertThat(h.exit()).isZero();
        assertThat(h.out()).contains("Examples:").contains("-D");
    }

    @Test
    void checkReportsEveryBrokenPackageAndWritesNothing() throws Exception {
        write("good/main.k", "a = 1\n");
        write("bad/main.k", "a = undefinedName\n");
        write("worse/main.k", "b = [1, 2\n");
        Run r = skiff(dir, "check", "good/main.k", "bad/main.k", "worse");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("bad/main.k:1:5: error[E0201]").contains("worse/main.k").contains("2 errors found");
        assertThat(skiff(dir, "check", "good").exit()).isZero();
    }

    @Test
    void checkSpeaksJsonSarifAndGithub() throws Exception {
        write("app/main.k", "replicas = 3\nx = replicaz\n");
        Run json = skiff(dir, "check", "app", "--format", "json");
        assertThat(json.exit()).isEqualTo(1);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(tree.at("/diagnostics/0/code").asText()).isEqualTo("E0201");
        assertThat(tree.at("/diagnostics/0/line").asInt()).isEqualTo(2);
        assertThat(tree.at("/diagnostics/0/hints/0").asText()).contains("replicas");
        Run sarif = skiff(dir, "check", "app", "--format", "sarif");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(sarif.out()).at("/version").asText())
                .isEqualTo("2.1.0");
        Run gh = skiff(dir, "check", "app", "--format", "github");
        assertThat(gh.out()).startsWith("::error file=app/main.k,line=2,col=5,");
    }

    @Test
    void buildValidatesAndWritesOneFilePerObject() throws Exception {
        write("app/main.k", """
                import k8s.api.apps.v1 as apps
                import k8s.api.core.v1 as core

                ns = core.Namespace {metadata.name = "shop"}
                web = apps.Deployment {
                    metadata = {name = "web", namespace = "shop"}
                    spec = {
                        selector.matchLabels.app = "web"
                        template = {
                            metadata.labels.app = "web"
                            spec.containers = [{name = "web", image = "nginx:1.27"}]
                        }
                    }
                }
                """);
        Run stream = skiff(dir, "build", "app");
        assertThat(stream.exit()).as(stream.err()).isZero();
        assertThat(stream.out()).startsWith("apiVersion: v1\nkind: Namespace\n").contains("---\napiVersion: apps/v1\n");
        Run files = skiff(dir, "build", "app", "-o", "out/");
        assertThat(files.exit()).as(files.err()).isZero();
        try (var list = Files.list(dir.resolve("out"))) {
            assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("deployment-shop-web.yaml", "namespace-shop.yaml");
        }
    }

    @Test
    void buildRefusesInvalidObjectsAndWritesNothing() throws Exception {
        write("bad/main.k", """
                svc = {
                    apiVersion = "v1"
                    kind = "Service"
                    metadata.name = "s"
                    spec = {type = "Cluster", ports = [{port = 80}]}
                }
                """);
        Run r = skiff(dir, "build", "bad", "-o", "out.yaml");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bad/main.k:5:13: error[E0301]").contains("did you mean `\"ClusterIP\"`?")
                .contains("nothing was written");
        assertThat(Files.exists(dir.resolve("out.yaml"))).isFalse();
    }

    @Test
    void fmtRewritesAtomicallyAndCheckShowsADiff() throws Exception {
        write("app/main.k", "x=1+2\nschema S:\n  a:int=1\n");
        Run check = skiff(dir, "fmt", "--check", "app");
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("--- a/app/main.k").contains("-x=1+2").contains("+x = 1 + 2");
        assertThat(Files.readString(dir.resolve("app/main.k"))).isEqualTo("x=1+2\nschema S:\n  a:int=1\n");
        Run fmt = skiff(dir, "fmt", "app");
        assertThat(fmt.exit()).as(fmt.err()).isZero();
        assertThat(Files.readString(dir.resolve("app/main.k"))).isEqualTo("x = 1 + 2\n\nschema S:\n    a: int = 1\n");
        assertThat(skiff(dir, "fmt", "--check", "app").exit()).isZero();
    }

    @Test
    void fmtLeavesFilesWithSyntaxErrorsAlone() throws Exception {
        write("bad.k", "x = (1 +\n");
        Run r = skiff(dir, "fmt", "bad.k");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error[E01");
        assertThat(Files.readString(dir.resolve("bad.k"))).isEqualTo("x = (1 +\n");
    }

    /** A `skiff` on PATH, as the hooks expect: a script running the packaged jar. */
    private Path launcherDir() throws IOException {
        Path launcher = dir.resolve("bin/skiff");
        Files.createDirectories(launcher.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -jar '" + System.getProperty("skiff.jar") + "' \"$@\"\n");
        launcher.toFile().setExecutable(true);
        return launcher.getParent();
    }

    @Test
    void initCreatesAProjectThatBuildsChecksAndPassesItsOwnHooks() throws Exception {
        Run init = skiff(dir, "init", "My Shop");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("created kcl.mod, main.k, .pre-commit-config.yaml, README.md");
        Path project = dir.resolve("My Shop");
        assertThat(Files.readString(project.resolve("kcl.mod"))).contains("name = \"my-shop\"").contains("k8s = \"");
        Run build = skiff(dir, "build", "My Shop");
        assertThat(build.exit()).as(build.err()).isZero();
        assertThat(build.out()).contains("kind: Deployment").contains("kind: Service").contains("name: my-shop");
        assertThat(skiff(project, "check").exit()).isZero();
        assertThat(skiff(project, "fmt", "--check").out()).isEmpty();

        String before = Files.readString(project.resolve("main.k"));
        Run again = skiff(dir, "init", "My Shop", "--name", "other");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("kcl.mod, main.k, .pre-commit-config.yaml, README.md exist");
        assertThat(Files.readString(project.resolve("main.k"))).isEqualTo(before);
        assertThat(skiff(dir, "init", "x", "--name", "Not_Valid").exit()).isEqualTo(2);

        org.junit.jupiter.api.Assumptions.assumeTrue(which("pre-commit") != null, "pre-commit is not installed");
        String path = launcherDir() + ":" + System.getenv("PATH");
        sh(project, "git init -q && git config user.email t@example.com && git config user.name t");
        Run hooks = shRun(project, path, "git add -A && pre-commit run --all-files");
        assertThat(hooks.exit()).as(hooks.out() + hooks.err()).isZero();
        assertThat(hooks.out()).contains("skiff fmt").contains("skiff check").contains("Passed");
    }

    @Test
    void importTurnsManifestsIntoATypedProgramThatBuildsThemBack() throws Exception {
        write("live.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  uid: 1d2c
                  resourceVersion: "17"
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                        args: ["--greeting", "say \\"hi\\" to ${USER}"]
                status:
                  readyReplicas: 2
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: web-config}
                data:
                  nginx.conf: |
                    server {
                      listen 8080;
                    }
                """);
        Run imp = skiff(dir, "import", "live.yaml", "-o", "web/main.k");
        assertThat(imp.exit()).as(imp.err()).isZero();
        assertThat(imp.err()).contains("warning[E0414]").contains("status, metadata.uid, metadata.resourceVersion")
                .contains("wrote web/main.k (2 objects)");
        String program = Files.readString(dir.resolve("web/main.k"));
        assertThat(program).startsWith("import k8s.api.apps.v1 as apps\nimport k8s.api.core.v1 as core\n")
                .contains("web_deployment = apps.Deployment {").contains("web_config_config_map = core.ConfigMap {");
        Run build = skiff(dir, "build", "web");
        assertThat(build.exit()).as(build.err()).isZero();
        assertThat(build.out()).contains("say \"hi\" to ${USER}").contains("    listen 8080;\n").doesNotContain("status");

        Run again = skiff(dir, "import", "live.yaml", "-o", "web/main.k");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists").contains("--force");
        assertThat(Files.readString(dir.resolve("web/main.k"))).isEqualTo(program);

        Run stdin = skiffWithInput(dir, dir.resolve("live.yaml"), "import", "-");
        assertThat(stdin.exit()).as(stdin.err()).isZero();
        assertThat(stdin.out()).isEqualTo(program);
    }

    @Test
    void importReportsYamlThatIsNotAManifest() throws Exception {
        write("bad.yaml", "apiVersion: v1\nkind: ConfigMap\ndata: {a: [1\n");
        Run r = skiff(dir, "import", "bad.yaml", "-o", "out.k");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bad.yaml:").contains("error[E0413]").contains("not valid YAML");
        assertThat(Files.exists(dir.resolve("out.k"))).isFalse();
        Run missing = skiff(dir, "import", "nope.yaml");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("error[E0206]").contains("nope.yaml");
    }

    @Test
    void fmtFormatsStandardInputForEditors() throws Exception {
        Path in = write("in.k", "x=[1,2]\n");
        Run r = skiffWithInput(dir, in, "fmt", "-");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("x = [1, 2]\n");
    }

    @Test
    void everyCommandHasHelpWithExamplesAndTheShellCompletesThem() throws Exception {
        for (String command : List.of("run", "build", "check", "fmt", "import", "init", "schemas", "doc", "lsp",
                "completion", "version")) {
            Run help = skiff(dir, command, "--help");
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: skiff " + command).contains("Examples:");
        }
        Run completion = skiff(dir, "completion");
        assertThat(completion.exit()).isZero();
        Path script = write("skiff-completion.bash", completion.out());
        // what bash offers after `skiff i<TAB>` and `skiff build --k<TAB>`
        Run words = shRun(dir, System.getenv("PATH"), "bash -c 'source " + script + " && COMP_WORDS=(skiff i) COMP_CWORD=1 "
                + "COMP_LINE=\"skiff i\" COMP_POINT=7 && _complete_skiff && echo \"${COMPREPLY[@]}\" && "
                + "COMP_WORDS=(skiff build --k) COMP_CWORD=2 COMP_LINE=\"skiff build --k\" COMP_POINT=15 && "
                + "_complete_skiff && echo \"${COMPREPLY[@]}\"'");
        assertThat(words.exit()).as(words.err()).isZero();
        assertThat(words.out()).contains("import").contains("init").contains("--k8s-version");
    }

    private static String which(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        return null;
    }

    private static void sh(Path cwd, String script) throws Exception {
        Run r = shRun(cwd, System.getenv("PATH"), script);
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static Run shRun(Path cwd, String path, String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).directory(cwd.toFile());
        pb.environment().put("PATH", path);
        pb.environment().put("PRE_COMMIT_HOME", cwd.resolve(".pre-commit-home").toString());
        Process p = pb.start();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        p.waitFor(120, TimeUnit.SECONDS);
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
