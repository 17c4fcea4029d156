package dev.skiff.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skiff.packages.Checksum;
import dev.skiff.packages.LockFile;
import dev.skiff.packages.PackageManager;
import dev.skiff.packages.PackageStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Skiff pulls a KCL package from a real OCI registry ({@code registry:2}), pushed to it over the distribution API
 * as KCL pushes packages (a manifest whose layer is the package tar). Skipped where no Docker engine runs.
 */
class RegistryContainerTest {
    @TempDir
    Path dir;

    @Test
    void pullsAPackageFromARealRegistry() throws Exception {
        assumeTrue(dockerAvailable(), "no Docker engine");
        try (GenericContainer<?> registry = new GenericContainer<>("registry:2").withExposedPorts(5000)) {
            registry.start();
            String host = "localhost:" + registry.getMappedPort(5000);
            Path pkg = Files.createDirectories(dir.resolve("hello"));
            Files.writeString(pkg.resolve("kcl.mod"), "[package]\nname = \"hello\"\nversion = \"0.1.0\"\n");
            Files.writeString(pkg.resolve("main.k"), "hello = \"from registry:2\"\n");
            Path tar = dir.resolve("hello.tar");
            assertThat(new ProcessBuilder("tar", "-cf", tar.toString(), "-C", pkg.toString(), ".").inheritIO().start().waitFor()).isZero();
            byte[] layer = Files.readAllBytes(tar);
            byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
            HttpClient http = HttpClient.newHttpClient();
            push(http, host, layer);
            push(http, host, config);
            String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"config\":{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"" + digest(config)
                    + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                    + "\"digest\":\"" + digest(layer) + "\",\"size\":" + layer.length + "}]}";
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create("http://" + host + "/v2/kcl-lang/hello/manifests/0.1.0"))
                    .header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
                    .PUT(HttpRequest.BodyPublishers.ofString(manifest)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(201);

            Path app = Files.createDirectories(dir.resolve("app"));
            Files.writeString(app.resolve("kcl.mod"), "[package]\nname = \"app\"\n\n[dependencies]\nhello = { oci = \"oci://"
                    + host + "/kcl-lang/hello\", tag = \"0.1.0\" }\n");
            Path cache = dir.resolve("cache");
            var installed = new PackageManager(PackageManager.Options.of(new PackageStore(cache))).install(app);

            assertThat(installed.diagnostics()).isEmpty();
            assertThat(cache.resolve("hello_0.1.0/main.k")).hasContent("hello = \"from registry:2\"");
            assertThat(LockFile.read(app).value().entries().get("hello").sum()).isEqualTo(Checksum.of(pkg));
        }
    }

    private static void push(HttpClient http, String host, byte[] blob) throws Exception {
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create("http://" + host + "/v2/kcl-lang/hello/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String location = start.headers().firstValue("Location").orElseThrow();
        URI upload = URI.create("http://" + host).resolve(location);
        String sep = upload.getQuery() == null ? "?" : "&";
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create(upload + sep + "digest=" + digest(blob)))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
    }

    private static String digest(byte[] b) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
