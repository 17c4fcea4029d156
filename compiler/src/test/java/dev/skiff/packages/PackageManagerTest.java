package dev.skiff.packages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing packages from real git repositories, an OCI layout and an HTTP registry, against the lock. */
class PackageManagerTest {
    @TempDir
    Path tmp;
    Path cache;
    Path app;
    List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        cache = tmp.resolve("cache");
        app = Files.createDirectories(tmp.resolve("app"));
    }

    PackageManager manager() {
        return new PackageManager(PackageManager.Options.of(new PackageStore(cache)).log(log::add));
    }

    @Test
    void aGitTagIsClonedIntoTheCacheAndLockedWithKclsChecksum() throws Exception {
        Path repo = gitPackage("lib", "0.1.0", "x = 1\n");
        git(repo, "tag", "v0.1.0");
        mod("lib = { git = \"" + repo + "\", tag = \"v0.1.0\" }\nk8s = \"1.31.2\"");

        Result<PackageManager.Installation> r = manager().install(app);

        assertThat(r.diagnostics()).isEmpty();
        Path installed = cache.resolve("lib_v0.1.0");
        assertThat(installed.resolve("main.k")).hasContent("x = 1");
        assertThat(installed.resolve(".git")).doesNotExist();
        LockFile lock = LockFile.read(app).value();
        assertThat(lock.entries().get("lib")).isEqualTo(new LockFile.Entry("lib", "lib_v0.1.0", "v0.1.0",
                Checksum.of(installed), repo.toString(), "", "", "v0.1.0", "", "", ""));
        assertThat(lock.entries().get("k8s").sum()).as("the built-in k8s is not fetched").isEmpty();
        assertThat(InstalledPackages.locate(ModFile.read(app).value(), new PackageStore(cache)).value())
                .containsExactly(Map.entry("lib", installed));
        assertThat(r.value().edges()).containsExactly("app@0.0.1 lib@v0.1.0", "app@0.0.1 k8s@1.31.2");
    }

    @Test
    void aCommitIsCheckedOutAndABranchFollowedOnUpdate() throws Exception {
        Path repo = gitPackage("lib", "0.1.0", "x = 1\n");
        String first = git(repo, "rev-parse", "HEAD").strip();
        Files.writeString(repo.resolve("main.k"), "x = 2\n");
        git(repo, "commit", "-qam", "two");
        mod("lib = { git = \"" + repo + "\", commit = \"" + first + "\" }\nlib2 = { git = \"" + repo + "\", branch = \"main\" }");

        assertThat(manager().install(app).diagnostics()).isEmpty();
        assertThat(cache.resolve("lib_" + first).resolve("main.k")).hasContent("x = 1");
        assertThat(cache.resolve("lib2_main").resolve("main.k")).hasContent("x = 2");

        Files.writeString(repo.resolve("main.k"), "x = 3\n");
        git(repo, "commit", "-qam", "three");
        assertThat(manager().install(app).diagnostics()).as("a cached branch is used as it is").isEmpty();
        assertThat(cache.resolve("lib2_main").resolve("main.k")).hasContent("x = 2");
        String before = Files.readString(app.resolve(LockFile.NAME));
        var updated = new PackageManager(PackageManager.Options.of(new PackageStore(cache)).update(true)).install(app);
        assertThat(updated.diagnostics()).isEmpty();
        assertThat(cache.resolve("lib2_main").resolve("main.k")).hasContent("x = 3");
        assertThat(Files.readString(app.resolve(LockFile.NAME))).isNotEqualTo(before);
    }

    @Test
    void lockedFailsWithoutWritingWhenTheLockWouldChange() throws Exception {
        Path repo = gitPackage("lib", "0.1.0", "x = 1\n");
        git(repo, "tag", "v1");
        Files.writeString(repo.resolve("main.k"), "x = 2\n");
        git(repo, "commit", "-qam", "two");
        git(repo, "tag", "v2");
        mod("lib = { git = \"" + repo + "\", tag = \"v1\" }");
        assertThat(manager().install(app).diagnostics()).isEmpty();
        String lock = Files.readString(app.resolve(LockFile.NAME));

        PackageManager locked = new PackageManager(PackageManager.Options.of(new PackageStore(cache)).locked(true));
        assertThat(locked.install(app).diagnostics()).as("an unchanged project passes").isEmpty();
        mod("lib = { git = \"" + repo + "\", tag = \"v2\" }");
        List<Diagnostic> problems = locked.install(app).diagnostics();

        assertThat(problems).extracting(Diagnostic::code).containsExactly(Code.E0211);
        assertThat(problems.get(0).message()).isEqualTo("`kcl.mod.lock` is out of date: `lib` would change from v1 to v2");
        assertThat(app.resolve(LockFile.NAME)).hasContent(lock.strip());
    }

    @Test
    void offlineUsesTheCacheAndVendorOnly() throws Exception {
        Path repo = gitPackage("lib", "0.1.0", "x = 1\n");
        git(repo, "tag", "v1");
        mod("lib = { git = \"" + repo + "\", tag = \"v1\" }");
        PackageManager offline = new PackageManager(PackageManager.Options.of(new PackageStore(cache)).offline(true));

        List<Diagnostic> problems = offline.install(app).diagnostics();
        assertThat(problems).extracting(Diagnostic::code).containsExactly(Code.E0208);
        assertThat(problems.get(0).hints()).anyMatch(h -> h.contains("`--offline` was given"));
        assertThat(cache.resolve("lib_v1")).doesNotExist();

        assertThat(manager().vendor(app).diagnostics()).isEmpty();
        assertThat(app.resolve("vendor/lib_v1/main.k")).hasContent("x = 1");
        FileTrees.delete(cache);
        Result<PackageManager.Installation> again = offline.install(app);
        assertThat(again.diagnostics()).isEmpty();
        assertThat(again.value().packages()).containsEntry("lib", app.resolve("vendor/lib_v1"));
    }

    @Test
    void aChangedCopyIsRefusedUntilUpdated() throws Exception {
        Path repo = gitPackage("lib", "0.1.0", "x = 1\n");
        git(repo, "tag", "v1");
        mod("lib = { git = \"" + repo + "\", tag = \"v1\" }");
        assertThat(manager().install(app).diagnostics()).isEmpty();
        Files.writeString(cache.resolve("lib_v1/main.k"), "x = 666\n");

        List<Diagnostic> problems = manager().install(app).diagnostics();
        assertThat(problems).extracting(Diagnostic::code).containsExactly(Code.E0210);
        assertThat(problems.get(0).message()).contains("package `lib`").contains("records");

        var update = new PackageManager(PackageManager.Options.of(new PackageStore(cache)).update(true)).install(app);
        assertThat(update.diagnostics()).isEmpty();
        assertThat(LockFile.read(app).value().entries().get("lib").sum()).isEqualTo(Checksum.of(cache.resolve("lib_v1")));
    }

    @Test
    void unreachableSourcesAreDiagnosedNotThrown() throws Exception {
        mod("gone = { git = \"" + tmp.resolve("no-such-repo") + "\", tag = \"v1\" }\n"
                + "far = { oci = \"oci://127.0.0.1:1/kcl-lang/far\", tag = \"1.0\" }");
        List<Diagnostic> problems = manager().install(app).diagnostics();

        assertThat(problems).extracting(Diagnostic::code).containsExactly(Code.E0209, Code.E0209);
        assertThat(problems.get(0).message()).startsWith("cannot fetch `" + tmp.resolve("no-such-repo") + "` at tag `v1`: ");
        assertThat(problems.get(1).message()).startsWith("cannot reach the registry `127.0.0.1:1` (");
        assertThat(problems.get(1).hints()).anyMatch(h -> h.contains("--offline"));
        assertThat(app.resolve(LockFile.NAME)).doesNotExist();
        try (var s = Files.list(cache)) {
            assertThat(s.toList()).as("a failed fetch leaves nothing in the cache").isEmpty();
        }
    }

    @Test
    void anOciLayoutServesPlainAndGzippedPackages() throws Exception {
        Path layout = tmp.resolve("layout");
        OciFixtures.addToLayout(layout, ociPackage("hello", "0.1.0", "hello = \"plain\"\n"), "0.1.0", false);
        OciFixtures.addToLayout(layout, ociPackage("hello", "0.2.0", "hello = \"gzip\"\n"), "0.2.0", true);
        mod("hello = { oci = \"oci-layout://../layout\", tag = \"0.1.0\" }\nhello2 = { oci = \"oci-layout://../layout\", tag = \"0.2.0\" }");

        assertThat(manager().install(app).diagnostics()).isEmpty();
        assertThat(cache.resolve("hello_0.1.0/main.k")).hasContent("hello = \"plain\"");
        assertThat(cache.resolve("hello2_0.2.0/main.k")).hasContent("hello = \"gzip\"");
        assertThat(cache.resolve("hello_0.1.0/kcl.mod")).exists();

        mod("missing = { oci = \"oci-layout://../layout\", tag = \"9.9\" }");
        assertThat(manager().install(app).diagnostics()).extracting(Diagnostic::message)
                .containsExactly("the OCI layout `" + layout + "` has no tag `9.9`");
    }

    @Test
    void aRegistryIsPulledOverTheDistributionApiWithAnAnonymousToken() throws Exception {
        Path layout = tmp.resolve("layout");
        Path pkg = ociPackage("hello", "0.1.0", "hello = \"from the registry\"\n");
        OciFixtures.addToLayout(layout, pkg, "0.1.0", true);
        try (OciFixtures.Registry registry = new OciFixtures.Registry(layout, "kcl-lang/hello")) {
            mod("hello = { oci = \"oci://" + registry.host() + "/kcl-lang/hello\", tag = \"0.1.0\" }");
            assertThat(manager().install(app).diagnostics()).isEmpty();
            assertThat(cache.resolve("hello_0.1.0/main.k")).hasContent("hello = \"from the registry\"");
            assertThat(registry.requests).anyMatch(r -> r.startsWith("GET /token?"))
                    .anyMatch(r -> r.startsWith("GET /v2/kcl-lang/hello/manifests/0.1.0 [auth]"))
                    .anyMatch(r -> r.matches("GET /cdn/sha256:[0-9a-f]+"));
            LockFile.Entry entry = LockFile.read(app).value().entries().get("hello");
            assertThat(entry.reg()).isEqualTo(registry.host());
            assertThat(entry.repo()).isEqualTo("kcl-lang/hello");
            assertThat(entry.sum()).isEqualTo(Checksum.of(pkg)).as("the sum is of the files, however they travelled");

            mod("nope = { oci = \"oci://" + registry.host() + "/kcl-lang/hello\", tag = \"0.9.0\" }");
            assertThat(manager().install(app).diagnostics()).extracting(Diagnostic::message)
                    .containsExactly("`" + registry.host() + "/kcl-lang/hello:0.9.0` was not found in the registry");
        }
    }

    @Test
    void dependenciesOfDependenciesAreInstalledLockedAndGraphed() throws Exception {
        Path base = gitPackage("base", "1.0.0", "b = 1\n");
        git(base, "tag", "v1");
        Path lib = gitPackage("lib", "0.2.0", "x = 1\n");
        Files.writeString(lib.resolve("kcl.mod"), "[package]\nname = \"lib\"\nversion = \"0.2.0\"\n\n[dependencies]\n"
                + "base = { git = \"" + base + "\", tag = \"v1\" }\nk8s = \"1.31.2\"\n");
        git(lib, "commit", "-qam", "deps");
        git(lib, "tag", "v2");
        Path local = Files.createDirectories(tmp.resolve("local"));
        Files.writeString(local.resolve("kcl.mod"), "[package]\nname = \"local\"\nversion = \"0.0.3\"\n");
        mod("lib = { git = \"" + lib + "\", tag = \"v2\" }\nlocal = { path = \"../local\" }");

        Result<PackageManager.Installation> r = manager().install(app);

        assertThat(r.diagnostics()).isEmpty();
        assertThat(LockFile.read(app).value().entries()).containsOnlyKeys("base", "k8s", "lib", "local");
        assertThat(LockFile.read(app).value().entries().get("local").fullName()).isEqualTo("local_0.0.3");
        assertThat(r.value().edges()).containsExactly("app@0.0.1 lib@v2", "app@0.0.1 local@0.0.3",
                "lib@0.2.0 base@v1", "lib@0.2.0 k8s@1.31.2");
        assertThat(InstalledPackages.locate(ModFile.read(app).value(), new PackageStore(cache)).value())
                .containsOnlyKeys("lib", "local", "base");
    }

    private void mod(String deps) throws Exception {
        Files.writeString(app.resolve("kcl.mod"), "[package]\nname = \"app\"\nversion = \"0.0.1\"\n\n[dependencies]\n" + deps + "\n");
    }

    private Path ociPackage(String name, String version, String main) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("src-" + name + "-" + version).resolve(name));
        Files.writeString(dir.resolve("kcl.mod"), "[package]\nname = \"" + name + "\"\nversion = \"" + version + "\"\n");
        Files.writeString(dir.resolve("main.k"), main);
        return dir;
    }

    private Path gitPackage(String name, String version, String main) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("repos").resolve(name));
        git(dir, "init", "-q", "-b", "main");
        Files.writeString(dir.resolve("kcl.mod"), "[package]\nname = \"" + name + "\"\nversion = \"" + version + "\"\n");
        Files.writeString(dir.resolve("main.k"), main);
        git(dir, "add", "-A");
        git(dir, "commit", "-qm", "init");
        return dir;
    }

    static String git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.email=t@example.com", "-c", "user.name=t",
                "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
        }
        return out;
    }
}
