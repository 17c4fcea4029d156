package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skiff in a real repository, run as a process: directories searched for programs, a file meaning the same
 * to every command, the launcher through a symbolic link, file modes, diffs that {@code git apply} takes,
 * and the flags editors give the language server.
 */
class RepositoryIT {
    @TempDir
    Path dir;

    /** What a process did. */
    record Run(int exit, String out, String err) {
    }

    static String which(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        return null;
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** A {@code skiff} command in {@code dir/bin}: a script running the jar under test. */
    static Path launcher(Path dir) throws IOException {
        Path launcher = dir.resolve("bin/skiff");
        Files.createDirectories(launcher.getParent());
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java() + "' -jar '" + System.getProperty("skiff.jar") + "' \"$@\"\n");
        launcher.toFile().setExecutable(true);
        return launcher;
    }

    /** Runs a shell script in {@code cwd} with the jar's launcher first on PATH. */
    Run sh(Path cwd, String script) throws Exception {
        return sh(cwd, script, null);
    }

    Run sh(Path cwd, String script, String input) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).directory(cwd.toFile());
        pb.environment().put("PATH", launcher(dir).getParent() + ":" + System.getenv("PATH"));
        pb.environment().put("PRE_COMMIT_HOME", dir.resolve(".pre-commit-home").toString());
        pb.environment().remove("NO_COLOR");
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("did not finish in 300 s: " + script);
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static final String DEPLOYMENT = """
            import k8s.api.apps.v1 as apps

            %s = apps.Deployment {
                metadata.name = "%s"
                spec = {
                    selector.matchLabels.app = "%s"
                    template.metadata.labels.app = "%s"
                    template.spec.containers = [{name = "app", image = "nginx:1.27"}]
                }
            }
            """;

    private static String deployment(String name) {
        return DEPLOYMENT.formatted(name, name, name, name);
    }

    @Test
    void checkAndBuildOfADirectoryFindEveryProgramBelowIt() throws Exception {
        Path repo = dir.resolve("repo");
        write("repo/.gitignore", "generated/\n*.tmp.k\n");
        Files.createDirectories(repo.resolve(".git"));
        write("repo/apps/shop/main.k", deployment("shop"));
        write("repo/apps/cart/main.k", deployment("cart"));
        // a project whose kcl.mod names its entries: base + prod overlay, compiled together and only together
        write("repo/envs/prod/kcl.mod", "[package]\nname = \"prod\"\n\n[profile]\nentries = [\"../base/base.k\", \"main.k\"]\n");
        write("repo/envs/base/base.k", deployment("api").replace("\"nginx:1.27\"", "_image"));
        write("repo/envs/prod/main.k", "_image = \"api:2.0\"\n");
        // a project with a library package below it: the library is compiled through its import only
        write("repo/lib-user/kcl.mod", "[package]\nname = \"libuser\"\n");
        write("repo/lib-user/main.k", "import helpers\n\nworker = helpers.make(\"worker\")\n");
        write("repo/lib-user/helpers/helpers.k", deployment("helper").replace("helper = apps", "_helper = apps")
                + "\nmake = lambda n: str {\n    _helper | {metadata.name = n}\n}\n");
        // what the search leaves out: broken files in ignored, hidden and build folders
        for (String skipped : List.of("generated/x.k", ".cache/x.k", "apps/shop/target/x.k", "node_modules/m/x.k",
                "apps/broken.tmp.k")) {
            write("repo/" + skipped, "x = (1 +\n");
        }
        Run check = sh(repo, "skiff check . --color never");
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.err()).contains("checked 4 programs (4 Kubernetes objects): no errors");

        Run build = sh(repo, "skiff build .");
        assertThat(build.exit()).as(build.err()).isZero();
        assertThat(build.out()).contains("name: shop").contains("name: cart").contains("image: api:2.0")
                .contains("name: worker").doesNotContain("name: helper");
        assertThat(build.out().split("\n---\n")).hasSize(4);

        write("repo/apps/cart/main.k", "x = undefinedName\n");
        Run broken = sh(repo, "skiff check . --color never");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).contains("apps/cart/main.k:1:5: error[E0201]").contains("1 error found");

        Run none = sh(dir, "mkdir -p empty && skiff check empty --color never");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no `.k` files in or below directory `empty`");
    }

    @Test
    void aFileMeansTheSameToEveryCommandAndItsDirectoryThePackage() throws Exception {
        write("env/base.k", "import k8s.api.core.v1 as core\n\n_ns = \"shop\"\n");
        write("env/main.k", "ns = core.Namespace {metadata.name = _ns}\n");
        for (String command : List.of("run", "build", "check")) {
            Run file = sh(dir, "skiff " + command + " env/main.k --color never");
            assertThat(file.exit()).as(command + ": " + file.err()).isEqualTo(1);
            assertThat(file.err()).as(command).contains("env/main.k:1:6: error[E0201]: name `core` is not defined")
                    .contains("a file is compiled alone; to compile it with the other `.k` files of its directory, "
                            + "name the directory: `env/`");
            Run pkg = sh(dir, "skiff " + command + " env --color never");
            assertThat(pkg.exit()).as(command + ": " + pkg.err()).isZero();
        }
        assertThat(sh(dir, "skiff build env").out()).contains("kind: Namespace").contains("name: shop");
        assertThat(sh(dir, "skiff run env/base.k env/main.k").out()).contains("name: shop");
    }

    @Test
    void theLauncherWorksThroughSymbolicLinks() throws Exception {
        // a checkout with a built jar, the launcher linked from another directory (and that link linked again)
        Path checkout = dir.resolve("checkout");
        Files.createDirectories(checkout.resolve("cli/target"));
        Path repo = Path.of(System.getProperty("skiff.repo"));
        Files.copy(repo.resolve("skiff"), checkout.resolve("skiff"));
        checkout.resolve("skiff").toFile().setExecutable(true);
        Files.createSymbolicLink(checkout.resolve("cli/target/skiff.jar"), Path.of(System.getProperty("skiff.jar")));
        Files.createDirectories(dir.resolve("home/bin"));
        Files.createSymbolicLink(dir.resolve("home/bin/skiff-real"), checkout.resolve("skiff"));
        Files.createSymbolicLink(dir.resolve("home/bin/skiff"), Path.of("skiff-real"));
        Run r = sh(dir.resolve("home"), "SKIFF_AOT=0 PATH=\"" + dir.resolve("home/bin") + ":$PATH\" JAVA_HOME='"
                + Path.of(java()).getParent().getParent() + "' skiff version");
        assertThat(r.err()).doesNotContain("Maven").doesNotContain("building");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("skiff 0.");
    }

    @Test
    void newFilesFollowTheUmaskAndRewrittenFilesKeepTheirMode() throws Exception {
        write("app/main.k", deployment("web"));
        Run built = sh(dir, "umask 022 && skiff build app -o out.yaml && skiff build app -o objects/ "
                + "&& skiff run app/main.k -o run.yaml && skiff init fresh");
        assertThat(built.exit()).as(built.err()).isZero();
        for (String f : List.of("out.yaml", "objects/deployment-web.yaml", "run.yaml", "fresh/main.k", "fresh/kcl.mod")) {
            assertThat(mode(dir.resolve(f))).as(f).isEqualTo("rw-r--r--");
        }
        Run strict = sh(dir, "umask 027 && skiff build app -o private.yaml");
        assertThat(strict.exit()).isZero();
        assertThat(mode(dir.resolve("private.yaml"))).isEqualTo("rw-r-----");

        Path group = write("fmt/group.k", "a=1\n");
        Files.setPosixFilePermissions(group, PosixFilePermissions.fromString("rw-rw----"));
        Path exec = write("fmt/exec.k", "b=2\n");
        Files.setPosixFilePermissions(exec, PosixFilePermissions.fromString("rwxr-xr-x"));
        Run fmt = sh(dir, "umask 077 && skiff fmt fmt");
        assertThat(fmt.exit()).as(fmt.err()).isZero();
        assertThat(Files.readString(group)).isEqualTo("a = 1\n");
        assertThat(mode(group)).isEqualTo("rw-rw----");
        assertThat(mode(exec)).isEqualTo("rwxr-xr-x");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void fmtCheckPrintsUnifiedDiffsThatGitApplies() throws Exception {
        Path repo = dir.resolve("repo");
        StringBuilder long1 = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            long1.append(i == 3 || i == 25 ? "v" + i + "  =  " + i + "\n" : "v" + i + " = " + i + "\n");
        }
        write("repo/a/long.k", long1.toString());
        write("repo/short.k", "a=1\nb  =  2\nc=3\nd = 4\ne=5\n");
        write("repo/no_newline.k", "x = 1\ny=2");
        write("repo/clean.k", "ok = 1\n");
        Run init = sh(repo, "git init -q && git add -A");
        assertThat(init.exit()).as(init.err()).isZero();
        Run check = sh(repo, "skiff fmt --check . > fmt.diff; echo $? > code");
        assertThat(Files.readString(repo.resolve("code")).strip()).isEqualTo("1");
        String diff = Files.readString(repo.resolve("fmt.diff"));
        assertThat(diff).contains("--- a/a/long.k\n+++ b/a/long.k\n@@ -1,7 +1,7 @@\n v0 = 0\n v1 = 1\n v2 = 2\n-v3  =  3\n+v3 = 3\n")
                .contains("@@ -23,7 +23,7 @@\n").contains("\\ No newline at end of file\n").doesNotContain("clean.k");
        Run apply = sh(repo, "git apply --check fmt.diff && git apply fmt.diff && skiff fmt --check .");
        assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
        assertThat(apply.out()).isEmpty();
        Run patch = sh(repo, "git checkout -q -- . 2>/dev/null; git stash -q 2>/dev/null; skiff fmt --check short.k | patch -p1 --dry-run");
        assertThat(patch.exit()).as(patch.out() + patch.err()).isZero();
    }

    @Test
    void theLanguageServerAcceptsTheFlagsClientsPassAndLeavesWithItsClient() throws Exception {
        Process client = new ProcessBuilder("sleep", "4").start();
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", System.getProperty("skiff.jar"), "lsp", "--stdio",
                "--clientProcessId=" + client.pid()));
        Process server = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
                + "\"rootUri\":null,\"capabilities\":{}}}";
        OutputStream in = server.getOutputStream();
        in.write(("Content-Length: " + init.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + init)
                .getBytes(StandardCharsets.UTF_8));
        in.flush();
        String answer = readMessage(server.getInputStream());
        assertThat(answer).contains("\"id\":1").contains("\"capabilities\"");
        // the editor (here: `sleep`) ends without a word; the server notices and leaves too
        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("the server exited after its client").isTrue();
        assertThat(server.exitValue()).isZero();

        Run wrong = sh(dir, "skiff lsp --node-ipc");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("use --stdio");
    }

    /**
     * The README's pre-commit configuration, with this checkout standing for Skiff's repository: pre-commit
     * clones it and its hooks install themselves (the launcher builds the CLI with Maven on first use), with
     * no {@code skiff} on PATH. A broken file stops the commit, an unformatted one is formatted, a good one
     * passes; and a change in one package is checked with the whole repository.
     */
    @Test
    void preCommitHooksInstallThemselvesAndGuardCommits() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(which("pre-commit") != null && which("mvn") != null,
                "pre-commit (Debian: apt-get install pre-commit) or Maven is not installed");
        Path hooks = dir.resolve("skiff-repo");
        Path repo = Path.of(System.getProperty("skiff.repo"));
        Run copy = sh(repo, "mkdir -p '" + hooks + "' && git ls-files -z | xargs -0 cp --parents -t '" + hooks + "'");
        assertThat(copy.exit()).as(copy.err()).isZero();
        assertThat(sh(hooks, "git init -q && git add -A && git -c user.email=t@example.com -c user.name=t commit -qm skiff")
                .exit()).isZero();
        String rev = sh(hooks, "git rev-parse HEAD").out().strip();

        Path project = dir.resolve("project");
        write("project/.pre-commit-config.yaml", readmePreCommitConfig().replace("https://github.com/skiff-lang/skiff",
                hooks.toString()).replace("rev: main", "rev: " + rev));
        write("project/apps/web/main.k", deployment("web"));
        write("project/apps/lib/kcl.mod", "[package]\nname = \"lib\"\n");
        write("project/apps/lib/main.k", "replicas = 3\n");
        // no skiff on PATH: the hooks must bring their own
        String path = "PATH=/usr/bin:/bin:" + Path.of(which("mvn")).getParent() + ":" + Path.of(which("pre-commit")).getParent();
        Run setup = sh(project, path + " && git init -q && git config user.email t@example.com && git config user.name t"
                + " && pre-commit install && git add -A && pre-commit run --all-files");
        assertThat(setup.exit()).as(setup.out() + setup.err()).isZero();
        assertThat(setup.out()).contains("skiff fmt").contains("skiff check").contains("Passed");
        sh(project, "git commit -qm init");

        write("project/apps/lib/main.k", "replicas = 3\nx = replicaz\n");
        Run bad = sh(project, path + " && git add -A && pre-commit run");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.out()).contains("apps/lib/main.k:2:5: error[E0201]").contains("did you mean `replicas`?");

        write("project/apps/lib/main.k", "replicas=3\nx = replicas\n");
        Run unformatted = sh(project, path + " && git add -A && pre-commit run");
        assertThat(unformatted.exit()).as("skiff fmt rewrote the file, which stops the commit").isNotZero();
        assertThat(Files.readString(project.resolve("apps/lib/main.k"))).isEqualTo("replicas = 3\nx = replicas\n");

        long start = System.nanoTime();
        Run good = sh(project, path + " && git add -A && git commit -m change && echo committed");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(good.exit()).as(good.out() + good.err()).isZero();
        assertThat(good.out() + good.err()).contains("skiff check").contains("Passed");
        assertThat(good.out()).contains("committed");
        System.out.println("pre-commit: a commit with both hooks (installed, as `git commit` runs them) took " + millis + " ms");
    }

    /** The README's {@code .pre-commit-config.yaml} (its first YAML block with {@code repos:}), as a user pastes it. */
    static String readmePreCommitConfig() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("skiff.repo")).resolve("README.md"));
        String fence = "```yaml\nrepos:\n";
        int start = readme.indexOf(fence, readme.indexOf("## In CI and in pre-commit")) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static final String MANIFESTS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    imagePullpolicy: Always
                    resources:
                      limits: {memory: 1Gb}
            ---
            # a List: each item is an object of its own
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: settings}
              data: {mode: fast}
            - apiVersion: v1
              kind: Service
              metadata: {name: web}
              spec:
                ports: [{port: "http"}]
            ---
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata: {name: web}
            """;

    @Test
    void checkValidatesPlainYamlAtItsOwnLinesLikeKubeconform() throws Exception {
        write("deploy/all.yaml", MANIFESTS);
        write("deploy/ok.json", "{\"apiVersion\": \"v1\", \"kind\": \"Namespace\", \"metadata\": {\"name\": \"shop\"}}\n");
        Run r = sh(dir, "skiff check deploy/all.yaml deploy/ok.json --color never");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        // the same codes, messages and carets as for a .k program, at the YAML's own lines and columns
        assertThat(r.err()).contains("""
                deploy/all.yaml:12:9: error[E0302]: schema `Container` has no attribute `imagePullpolicy`
                   |
                12 |         imagePullpolicy: Always
                   |         ^^^^^^^^^^^^^^^
                    = hint: did you mean `imagePullPolicy`?
                """).contains("""
                deploy/all.yaml:14:20: error[E0405]: expected a quantity such as `500m` or `1Gi` for attribute \
                `limits` of `ResourceRequirements`, found `1Gb`
                   |
                14 |           limits: {memory: 1Gb}
                   |                    ^^^^^^
                    = hint: did you mean `1Gi`?
                """).contains("""
                deploy/all.yaml:28:14: error[E0301]: expected `int32` for attribute `port` of `ServicePort`, found `str`
                   |
                28 |     ports: [{port: "http"}]
                   |              ^^^^
                """).contains("deploy/all.yaml:31:1: error[E0410]: Kubernetes ")
                .contains("has no kind `ServiceMonitor` in `monitoring.coreos.com/v1`")
                .contains("--ignore-missing-schemas")
                .endsWith("checked 2 manifest files (5 objects: 2 valid, 3 invalid, 0 skipped): 4 errors found\n");

        Run skipping = sh(dir, "skiff check deploy/all.yaml --skip Deployment,apps/v1/Nothing --ignore-missing-schemas "
                + "--format junit");
        assertThat(skipping.exit()).isEqualTo(1);
        assertThat(skipping.out()).contains("<testsuite name=\"deploy/all.yaml\" tests=\"4\" failures=\"1\" skipped=\"2\">")
                .contains("<testcase classname=\"deploy/all.yaml\" name=\"Service/web (line 24)\">")
                .contains("<failure message=\"expected `int32` for attribute `port` of `ServicePort`, found `str`\" "
                        + "type=\"E0301\">");

        Run stdin = sh(dir, "skiff check - --skip Deployment,Service --ignore-missing-schemas --format github", MANIFESTS);
        assertThat(stdin.exit()).as(stdin.out() + stdin.err()).isZero();
        assertThat(stdin.out()).isEmpty();

        write("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nmetadata: {name: b}\n");
        Run duplicate = sh(dir, "skiff check broken.yaml --format json");
        assertThat(duplicate.exit()).isEqualTo(1);
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(duplicate.out());
        assertThat(json.at("/diagnostics/0/code").asText()).isEqualTo("E0413");
        assertThat(json.at("/diagnostics/0/line").asInt()).isEqualTo(4);
        assertThat(json.at("/diagnostics/0/message").asText()).contains("Duplicate field 'metadata'");
    }

    @Test
    void programsTooCanLeaveOutKindsWithoutSchemasAndReadStandardInput() throws Exception {
        String program = """
                monitor = {
                    apiVersion = "monitoring.coreos.com/v1"
                    kind = "ServiceMonitor"
                    metadata.name = "web"
                }
                """;
        Run strict = sh(dir, "skiff build - --color never", program);
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.err()).contains("<stdin>:3:5: error[E0410]").contains("nothing was written");
        Run lenient = sh(dir, "skiff build - --ignore-missing-schemas", program);
        assertThat(lenient.exit()).as(lenient.err()).isZero();
        assertThat(lenient.out()).contains("kind: ServiceMonitor");
        assertThat(sh(dir, "skiff check - --ignore-missing-schemas", program).exit()).isZero();
        assertThat(sh(dir, "skiff run -", "a = 1 + 1\n").out()).isEqualTo("a: 2\n");

        Run empty = sh(dir, "skiff build -", "a = 1\n");
        assertThat(empty.exit()).isZero();
        assertThat(empty.out()).isEmpty();
        assertThat(empty.err()).contains("warning: the program has no Kubernetes objects");
    }

    @Test
    void helpKeepsExamplesWholeAndCompletionServesZshAndFish() throws Exception {
        Run schemas = sh(dir, "skiff schemas --help");
        assertThat(schemas.out()).contains("\n  kubeconform -strict -schema-location "
                + "'schemas/{{.ResourceKind}}{{.KindSuffix}}.json' out.yaml\n");
        Run build = sh(dir, "skiff build --help");
        assertThat(build.out()).contains("(import crds.example.com.v1)").doesNotContain("kubernetes.crds")
                .contains("3 internal error").contains("--ignore-missing-schemas");
        assertThat(sh(dir, "skiff --help").out()).contains("3 internal error");

        write("x.k", "a=1\n");
        Run w = sh(dir, "skiff fmt -w x.k");
        assertThat(w.exit()).as(w.err()).isZero();
        assertThat(Files.readString(dir.resolve("x.k"))).isEqualTo("a = 1\n");

        Run zsh = sh(dir, "skiff completion zsh");
        assertThat(zsh.out()).startsWith("#compdef skiff\n").contains("bashcompinit").contains("_complete_skiff");
        Run fish = sh(dir, "skiff completion fish");
        assertThat(fish.exit()).isZero();
        assertThat(fish.out()).contains("complete -c skiff -n '__fish_use_subcommand' -a check -d 'Check Skiff programs")
                .contains("complete -c skiff -n '__fish_seen_subcommand_from check' -l format -x -a 'text json sarif github junit'")
                .contains("complete -c skiff -n '__fish_seen_subcommand_from run' -s n -l disable-none -l disable_none -d");
        if (which("fish") != null) {
            Path script = write("skiff.fish", fish.out());
            assertThat(sh(dir, "fish --no-execute " + script).exit()).isZero();
        }
        assertThat(sh(dir, "skiff completion powershell").exit()).isEqualTo(2);
    }

    @Test
    void docCoversKubernetesModulesSystemModulesAndDocstringSections() throws Exception {
        Run apps = sh(dir, "skiff doc k8s.api.apps.v1 --k8s-version 1.35");
        assertThat(apps.exit()).as(apps.err()).isZero();
        assertThat(apps.out()).contains("from the Kubernetes 1.35 OpenAPI schema").contains("## `Deployment`\n")
                .contains("| `spec` | DeploymentSpec |").contains("## `DeploymentSpec`\n")
                .contains("| `selector` | LabelSelector | **required** |");
        Run typo = sh(dir, "skiff doc k8s.api.apps.v9");
        assertThat(typo.exit()).isEqualTo(1);
        assertThat(typo.err()).contains("has no module `k8s.api.apps.v9`; did you mean `k8s.api.apps.v1`?");
        Run math = sh(dir, "skiff doc math");
        assertThat(math.exit()).isZero();
        // each function with its declared signature and doc, as the checker and the editor read them
        assertThat(math.out()).startsWith("# `math`").contains("### `math.sqrt`\n\n```\nmath.sqrt(x: int | float) -> float\n```")
                .contains("square root").contains("### `math.log`");
        write("people/main.k", """
                schema Person:
                    \"\"\"
                    A person of the company.

                    Attributes
                    ----------
                    name : str
                        The full name,
                        as written on the badge.
                    age : int, optional
                        Years.

                    Examples
                    --------
                    p = Person {name = "a"}
                    \"\"\"
                    name: str
                    age?: int
                """);
        Run people = sh(dir, "skiff doc people");
        assertThat(people.exit()).as(people.err()).isZero();
        assertThat(people.out()).contains("""
                A person of the company.

                **Attributes**

                - `name` (str): The full name, as written on the badge.
                - `age` (int, optional): Years.

                **Examples**

                ```
                p = Person {name = "a"}
                ```
                """);
    }

    private static String readMessage(InputStream in) throws IOException {
        StringBuilder header = new StringBuilder();
        while (!header.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new AssertionError("the server closed its output: " + header);
            }
            header.append((char) c);
        }
        int length = Integer.parseInt(header.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
