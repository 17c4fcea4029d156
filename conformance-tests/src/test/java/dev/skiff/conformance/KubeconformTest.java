package dev.skiff.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skiff.emit.YamlWriter;
import dev.skiff.k8s.JsonSchemaWriter;
import dev.skiff.k8s.SchemaRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The examples' objects through kubeconform {@code -strict}, against the JSON Schemas Skiff writes. Runs in
 * a container when a Docker engine is available, else with a {@code kubeconform} binary named by
 * {@code KUBECONFORM} or found on PATH; with neither, the test reports itself skipped (the always-on
 * in-process check is {@link ExampleSchemasTest}).
 */
class KubeconformTest {
    @TempDir
    Path tmp;

    @Test
    void examplesPassKubeconformStrict() throws Exception {
        Path manifests = tmp.resolve("manifests.yaml");
        Path schemas = tmp.resolve("schemas");
        List<Object> docs = new ArrayList<>();
        for (Examples.Case c : Examples.cases()) {
            if (Files.isDirectory(c.dir().resolve("crds"))) {
                continue; // an example's own custom resources: kubeconform would need their schemas too
            }
            Examples.build(c).objects().forEach(m -> docs.add(m.data()));
        }
        Files.writeString(manifests, YamlWriter.writeStream(docs), StandardCharsets.UTF_8);
        // with the stdlib's CRDs, whose kinds (Knative, Gateway API, SpinKube, KEDA) the App examples emit
        new JsonSchemaWriter(SchemaRegistry.with(null, List.of()).value()).writeAll(schemas);
        if (dockerAvailable()) {
            try (GenericContainer<?> c = new GenericContainer<>("ghcr.io/yannh/kubeconform:v0.6.7")
                    .withCopyFileToContainer(MountableFile.forHostPath(manifests), "/work/manifests.yaml")
                    .withCopyFileToContainer(MountableFile.forHostPath(schemas), "/work/schemas")
                    .withCommand("-strict", "-summary", "-schema-location", "/work/schemas/{{.ResourceKind}}{{.KindSuffix}}.json",
                            "/work/manifests.yaml")) {
                c.start();
                assertThat(c.getLogs()).contains("Invalid: 0").contains("Errors: 0");
            }
            return;
        }
        String binary = kubeconformBinary();
        assumeTrue(binary != null, "no Docker engine and no kubeconform binary (set KUBECONFORM or put it on PATH)");
        Process p = new ProcessBuilder(binary, "-strict", "-summary", "-schema-location",
                schemas + "/{{.ResourceKind}}{{.KindSuffix}}.json", manifests.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String kubeconformBinary() throws IOException {
        String env = System.getenv("KUBECONFORM");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return env;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "kubeconform");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }
}
