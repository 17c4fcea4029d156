package dev.skiff.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a user gets it: unpacked far from the source tree (in a path with a space), run
 * through a symlink from another directory, with nothing on PATH but the system's tools, and Java found the ways
 * the launcher documents.
 */
class DistributionIT {
    @TempDir
    Path dir;

    private Path unpack() throws Exception {
        String version = System.getProperty("skiff.version");
        Path archive = Path.of(System.getProperty("skiff.dist")).getParent().getParent()
                .resolve("skiff-" + version + ".tar.gz");
        assertThat(archive).exists();
        Path home = Files.createDirectories(dir.resolve("opt with space"));
        Container.Run r = Processes.run(dir, Map.of("PATH", "/usr/bin:/bin"), null,
                List.of("tar", "-xzf", archive.toString(), "-C", home.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        return home.resolve("skiff-" + version);
    }

    private Map<String, String> env(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "HOME", dir.resolve("home").toString()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void theArchiveHasTheLauncherTheJarTheExamplesAndTheReadme() throws Exception {
        Path home = unpack();
        assertThat(home.resolve("bin/skiff")).isExecutable();
        assertThat(home.resolve("lib/skiff.jar")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(home.resolve("examples/webapp/main.k")).isRegularFile();
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("bin", "lib", "examples", "README.md");
        }
    }

    @Test
    void itRunsThroughASymlinkFromAnotherDirectoryWithJavaFromJavaHome() throws Exception {
        Path home = unpack();
        Path link = Files.createDirectories(dir.resolve("bin")).resolve("skiff");
        Files.createSymbolicLink(link, home.resolve("bin/skiff"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Map<String, String> env = env("JAVA_HOME", Processes.javaHome().toString());
        Container.Run version = Processes.run(work, env, null, List.of(link.toString(), "version"));
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("skiff " + System.getProperty("skiff.version") + "\n");
        Container.Run build = Processes.run(work, env, null,
                List.of(link.toString(), "build", home.resolve("examples/webapp").toString()));
        assertThat(build.exit()).as(build.err()).isZero();
        assertThat(build.out()).isEqualTo(Files.readString(
                Path.of(System.getProperty("skiff.repo"), "examples/webapp/expected.yaml")));
        if (Runtime.version().feature() >= 24) {
            // the first run made the AOT cache for this Java, under the user's cache directory
            try (Stream<Path> cached = Files.walk(dir.resolve("home/.cache/skiff"))) {
                assertThat(cached.filter(p -> p.toString().endsWith(".aot"))).hasSize(1);
            }
        }
        // nothing was written beside the program or into the distribution
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void itFindsJavaOnPathAndRefusesAJavaOlderThan21() throws Exception {
        Path home = unpack();
        Path javaBin = Files.createDirectories(dir.resolve("java-bin"));
        Files.createSymbolicLink(javaBin.resolve("java"), Processes.javaHome().resolve("bin/java"));
        Container.Run onPath = Processes.run(dir, env("PATH", javaBin + ":/usr/bin:/bin"), null,
                List.of(home.resolve("bin/skiff").toString(), "version"));
        assertThat(onPath.exit()).as(onPath.err()).isZero();
        Container.Run none = Processes.run(dir, env(), null, List.of(home.resolve("bin/skiff").toString(), "version"));
        if (!Files.exists(Path.of("/usr/bin/java"))) {
            assertThat(none.exit()).isEqualTo(2);
            assertThat(none.err()).contains("no Java 21 or newer found");
        }
        Path old = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        Assumptions.assumeTrue(Files.isExecutable(old.resolve("bin/java")), "no Java 17 here to refuse");
        Container.Run refused = Processes.run(dir, env("PATH", old.resolve("bin") + ":/usr/bin:/bin"), null,
                List.of(home.resolve("bin/skiff").toString(), "version"));
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("Skiff needs Java 21 or newer");
    }
}
