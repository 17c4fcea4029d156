package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skiff mod} and the compiler over installed packages, as processes on the packaged jar, with real git. */
class ModCommandIT {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    Run skiff(Path cache, Path workDir, String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-jar", System.getProperty("skiff.jar")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("KCL_PKG_PATH", cache.toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("skiff did not finish: " + cmd);
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void addPullRunGraphLockedAndVendorAsAUserWould() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("repos/lib"));
        git(lib, "init", "-q", "-b", "main");
        Files.writeString(lib.resolve("kcl.mod"), "[package]\nname = \"lib\"\nversion = \"0.1.0\"\n");
        Files.createDirectories(lib.resolve("sub"));
        Files.writeString(lib.resolve("sub/greeting.k"), "schema Greeting:\n    text: str = \"hello from lib\"\n");
        git(lib, "add", "-A");
        git(lib, "commit", "-qm", "init");
        git(lib, "tag", "v1");
        git(lib, "tag", "v2");
        Path app = Files.createDirectories(dir.resolve("app"));
        Files.writeString(app.resolve("kcl.mod"), "[package]\nname = \"app\"\nversion = \"0.0.1\"\n");
        Files.writeString(app.resolve("main.k"), "import lib.sub\n\ng = sub.Greeting {}\n");
        Path cache = dir.resolve("cache");

        Run add = skiff(cache, app, "mod", "add", "--git", lib.toString(), "--tag", "v1");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(Files.readString(app.resolve("kcl.mod"))).contains("lib = { git = \"" + lib + "\", tag = \"v1\" }");
        assertThat(Files.readString(app.resolve("kcl.mod.lock"))).contains("  [dependencies.lib]\n    name = \"lib\"\n");

        Run run = skiff(cache, app, "run", "main.k");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("g:\n  text: hello from lib\n");

        Run graph = skiff(cache, app, "mod", "graph");
        assertThat(graph.out()).isEqualTo("app@0.0.1 lib@v1\n");
        assertThat(skiff(cache, app, "mod", "pull", "--locked", "--offline").exit()).isZero();

        String mod = Files.readString(app.resolve("kcl.mod"));
        Files.writeString(app.resolve("kcl.mod"), mod.replace("tag = \"v1\"", "tag = \"v2\""));
        Run locked = skiff(cache, app, "mod", "pull", "--locked");
        assertThat(locked.exit()).isEqualTo(1);
        assertThat(locked.err()).contains("error[E0211]: `kcl.mod.lock` is out of date: `lib` would change from v1 to v2")
                .doesNotContain("Exception");
        Files.writeString(app.resolve("kcl.mod"), mod);

        Run unreachable = skiff(cache, app, "mod", "add", "oci://127.0.0.1:1/kcl-lang/far", "--tag", "1.0.0");
        assertThat(unreachable.exit()).isEqualTo(1);
        assertThat(unreachable.err()).contains("error[E0209]: cannot reach the registry `127.0.0.1:1`")
                .contains("hint:").doesNotContain("\tat ");
        assertThat(app.resolve("kcl.mod")).as("a package that cannot be installed is not added").hasContent(mod.strip());

        assertThat(skiff(cache, app, "mod", "vendor").exit()).isZero();
        assertThat(app.resolve("vendor/lib_v1/sub/greeting.k")).exists();
        Path emptyCache = Files.createDirectories(dir.resolve("empty-cache"));
        Run vendored = skiff(emptyCache, app, "run", "main.k");
        assertThat(vendored.out()).as(vendored.err()).isEqualTo("g:\n  text: hello from lib\n");

        Files.writeString(app.resolve("kcl.mod"), mod.replace("tag = \"v1\"", "tag = \"v2\""));
        Run missing = skiff(emptyCache, app, "run", "main.k");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("error[E0208]: package `lib` (" + lib + " at tag v2) is not installed");
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.email=t@example.com", "-c", "user.name=t",
                "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
        }
    }
}
