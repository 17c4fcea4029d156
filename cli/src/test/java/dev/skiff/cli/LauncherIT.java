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
        Path repo = Path.of(System.getProperty("skiff.repo", "..")).toAbsolutePath().normalize();
        Path log = dir.resolve("classes.log");
        ProcessBuilder pb = new ProcessBuilder(repo.resolve("skiff").toString(), "version").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        // the first run may create the cache (a training run): time for that, then a run that uses it
        assertThat(run(pb)).isZero();
        pb.environment().put("SKIFF_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        assertThat(run(pb)).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).startsWith("skiff ");
        List<String> loaded = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (String cls : List.of("dev.skiff.cli.Main", "dev.skiff.cli.SkiffCommand", "picocli.CommandLine",
                "picocli.CommandLine$Model$CommandSpec")) {
            assertThat(loaded).as("%s comes from the class cache", cls)
                    .anyMatch(l -> l.contains(" " + cls + " source: shared objects file"));
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
