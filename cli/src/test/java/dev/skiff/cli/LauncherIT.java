package dev.skiff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code skiff} launcher starts the JVM from its class cache (the AOT cache on JDK 24+, an application
 * class-data archive before), and the cache holds the CLI and picocli: picocli's published classes are too old
 * for it, which is why the build compiles picocli from its sources.
 */
class LauncherIT {
    @TempDir
    Path dir;

    @Test
    void startsFromTheClassCacheWithPicocliInIt() throws Exception {
        // the launcher, the jar and the example its training run builds, as an installation lays them out (a
        // copy, so that the launcher never rebuilds the jar from sources edited meanwhile)
        Path repo = Path.of(System.getProperty("skiff.repo", "..")).toAbsolutePath().normalize();
        Path home = dir.resolve("install");
        Files.createDirectories(home.resolve("cli/target"));
        Files.copy(repo.resolve("skiff"), home.resolve("skiff"));
        home.resolve("skiff").toFile().setExecutable(true);
        Files.copy(Path.of(System.getProperty("skiff.jar")), home.resolve("cli/target/skiff.jar"));
        Path example = repo.resolve("examples/app-environments");
        try (var files = Files.walk(example)) {
            for (Path f : files.toList()) {
                Path to = home.resolve("examples/app-environments").resolve(example.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path log = dir.resolve("classes.log");
        ProcessBuilder pb = new ProcessBuilder(home.resolve("skiff").toString(), "version").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        // the first run creates the cache (a training run): time for that, then a run that uses it
        assertThat(run(pb)).as(() -> read(dir.resolve("out.txt"))).isZero();
        pb.environment().put("SKIFF_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        assertThat(run(pb)).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).startsWith("skiff ");
        if (launcherJavaFeature(home) >= 24) {
            assertThat(home.resolve("cli/target/skiff.aot")).as("the AOT cache (JDK 24+) was made").exists();
        }
        List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (String cls : List.of("dev.skiff.cli.Main", "dev.skiff.cli.SkiffCommand", "picocli.CommandLine",
                "picocli.CommandLine$Model$CommandSpec")) {
            assertThat(loaded).as("%s comes from the class cache", cls)
                    .anyMatch(l -> l.contains(" " + cls + " source: shared objects file"));
        }
    }

    /** The feature release of the JDK the launcher runs on (from its {@code release} file), or 0. */
    private static int launcherJavaFeature(Path home) throws Exception {
        Process p = new ProcessBuilder(home.resolve("skiff").toString(), "--print-java-home").start();
        String javaHome = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(60, TimeUnit.SECONDS);
        Path release = Path.of(javaHome, "release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        var m = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static int run(ProcessBuilder pb) throws Exception {
        Process p = pb.start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not finish in 600 s");
        }
        return p.exitValue();
    }
}
