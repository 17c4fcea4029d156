package dev.skiff.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.shared.invoker.DefaultInvocationRequest;
import org.apache.maven.shared.invoker.DefaultInvoker;
import org.apache.maven.shared.invoker.InvocationRequest;
import org.apache.maven.shared.invoker.InvocationResult;
import org.apache.maven.shared.invoker.Invoker;
import org.junit.jupiter.api.Test;

/**
 * The plugin in the sample projects under {@code src/it}, each built by the Maven Invoker as a user builds it:
 * a separate Maven on Java 21+ (this test's), a local repository of its own (target/it-repo, where the build
 * installed the plugin and the Skiff artifacts), {@code mvn verify}.
 */
class MavenPluginIT {
    record Build(int exit, String log, Path dir) {
    }

    private static Build build(String sample) throws Exception {
        Path work = Path.of(System.getProperty("skiff.it.work")).resolve(sample);
        copy(Path.of(System.getProperty("skiff.it.projects")).resolve(sample), work);
        Path pom = work.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("@skiff.version@", System.getProperty("skiff.version")));
        StringBuilder log = new StringBuilder();
        InvocationRequest request = new DefaultInvocationRequest()
                .setBaseDirectory(work.toFile())
                .setPomFile(pom.toFile())
                .addArgs(List.of("verify"))
                .setBatchMode(true)
                .setNoTransferProgress(true)
                .setJavaHome(new File(System.getProperty("java.home")))
                .setLocalRepositoryDirectory(new File(System.getProperty("skiff.it.repo")))
                .setOutputHandler(line -> log.append(line).append('\n'))
                .setErrorHandler(line -> log.append(line).append('\n'));
        request.setTimeoutInSeconds(300);
        Invoker invoker = new DefaultInvoker().setMavenHome(new File(System.getProperty("maven.home")));
        InvocationResult result = invoker.execute(request);
        Files.writeString(work.resolve("build.log"), log, StandardCharsets.UTF_8);
        return new Build(result.getExitCode(), log.toString(), work);
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> s = Files.walk(to)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void buildWritesTheValidatedObjectsAndCheckPasses() throws Exception {
        Build b = build("build-and-check");
        assertThat(b.exit()).as(b.log()).isZero();
        assertThat(b.log()).contains("skiff-maven-plugin").contains(":build (default)").contains(":check (default)")
                .contains("Skiff wrote 1 object to target/skiff")
                .contains("Skiff checked 1 program: no errors");
        assertThat(Files.readString(b.dir().resolve("target/skiff/deployment-shop-prod.yaml")))
                .startsWith("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop-prod\n")
                .contains("replicas: 3");
    }

    @Test
    void anErrorFailsTheBuildWithTheDiagnosticAndWritesNothing() throws Exception {
        Build b = build("invalid");
        assertThat(b.exit()).isNotZero();
        assertThat(b.log()).contains("[ERROR] src/main/skiff/broken.k:5:")
                .contains("error[E0302]").contains("replicaz")
                .contains("Skiff found 2 errors in [src/main/skiff]");
        assertThat(b.dir().resolve("target/skiff")).doesNotExist();
    }
}
