package dev.skiff.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image the build writes (an OCI image layout tarball), read as a runtime reads it: its index,
 * manifest and config (entry point, user, labels), its layers; and, for the runnable image ({@code -Pimage}),
 * run: on an example, as a KRM function, from its AOT cache, as the users that run it.
 */
class ImageIT {
    static OciImage image;
    static boolean full;

    @TempDir
    static Path temp;
    /** The image's file system (not the temporary directory itself, which only its owner may enter). */
    static Path unpacked;

    @BeforeAll
    static void read() throws Exception {
        image = OciImage.read(Path.of(System.getProperty("skiff.image.tar")));
        full = System.getProperty("skiff.image.mode").equals("full");
        unpacked = temp.resolve("rootfs");
    }

    @Test
    void theTarballIsAnOciImageLayoutWithOneManifestNamedForItsVersion() throws Exception {
        assertThat(new String(OciImage.entry(image.tarball(), "oci-layout"), StandardCharsets.UTF_8))
                .contains("\"imageLayoutVersion\"");
        assertThat(image.index().path("mediaType").asText()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(image.index().path("manifests")).hasSize(1);
        assertThat(image.index().path("manifests").path(0).path("annotations").path("org.opencontainers.image.ref.name")
                .asText()).isEqualTo("ghcr.io/skiff-lang/skiff:" + System.getProperty("skiff.version"));
        assertThat(image.manifest().path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(image.config().path("os").asText()).isEqualTo("linux");
    }

    @Test
    void skiffIsTheEntryPointAndWithoutArgumentsTheImageIsAKrmFunction() {
        assertThat(image.strings("Entrypoint")).containsExactly("/opt/skiff/bin/skiff");
        assertThat(image.strings("Cmd")).containsExactly("krm");
        assertThat(image.environment()).containsEntry("JAVA_HOME", "/opt/java")
                .containsEntry("PATH", "/opt/skiff/bin:/opt/java/bin:/bin");
    }

    @Test
    void itRunsAsAnUnprivilegedUser() throws Exception {
        assertThat(image.config().path("config").path("User").asText()).isEqualTo("65532:65532");
        image.unpack(unpacked);
        String passwd = Files.readString(unpacked.resolve("etc/passwd"));
        assertThat(passwd).contains("skiff:x:65532:65532:")
                // kustomize and kpt run functions with `--user nobody`, which the runtime looks up here
                .contains("nobody:x:65534:65534:");
        assertThat(image.files().get("/tmp")).startsWith("drwxrwxrwx");
    }

    @Test
    void versionAndRevisionFollowTheOciAnnotationKeys() {
        var labels = image.config().path("config").path("Labels");
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(System.getProperty("skiff.version"));
        String revision = labels.path("org.opencontainers.image.revision").asText();
        assertThat(revision).isEqualTo(System.getProperty("skiff.git.revision"));
        assertThat(revision).matches("[0-9a-f]{40}|unknown");
        assertThat(labels.path("org.opencontainers.image.source").asText()).startsWith("https://");
    }

    @Test
    void theLayersHoldTheDistributionAndForTheRunnableImageItsRuntimeAndAotCache() throws Exception {
        Map<String, String> files = image.files();
        assertThat(files.get("/opt/skiff/bin/skiff")).startsWith("-rwxr-xr-x 0/0");
        assertThat(files).containsKeys("/opt/skiff/lib/skiff.jar", "/opt/skiff/examples/webapp/main.k", "/etc/group");
        if (full) {
            assertThat(files.get("/opt/java/bin/java")).startsWith("-rwxr-xr-x");
            assertThat(files.get("/bin/sh")).startsWith("-rwxr-xr-x");
            assertThat(files).containsKeys("/opt/skiff/lib/skiff.aot", "/lib64/ld-linux-x86-64.so.2",
                    "/lib/x86_64-linux-gnu/libc.so.6");
            // nothing else of the build machine: no package manager, no coreutils
            assertThat(files).doesNotContainKeys("/usr/bin/apt-get", "/bin/ls", "/usr/bin/env");
        } else {
            assertThat(files).doesNotContainKey("/opt/java/bin/java");
        }
    }

    // --- the runnable image, run ----------------------------------------------------------------------------

    private Container container(String user, Map<String, String> more) throws Exception {
        Assumptions.assumeTrue(full, "the runnable image is built with -Pimage");
        Assumptions.assumeTrue(Container.available(), "running the image needs root and unshare (no container engine here)");
        if (!Files.exists(unpacked.resolve("opt/skiff/bin/skiff"))) {
            image.unpack(unpacked);
        }
        Map<String, String> env = new HashMap<>(image.environment());
        env.putAll(more);
        return new Container(unpacked, user, env, image.config().path("config").path("WorkingDir").asText());
    }

    private static List<String> entrypoint(String... args) {
        List<String> cmd = new ArrayList<>(image.strings("Entrypoint"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void itBuildsAnExampleAsItsOwnUserFromItsAotCache() throws Exception {
        // AOTMode=on: the JVM refuses to start unless it can use the cache baked in at build time
        Container c = container(image.config().path("config").path("User").asText(),
                Map.of("SKIFF_JAVA_OPTS", "-XX:AOTMode=on"));
        Container.Run r = c.run(null, entrypoint("build", "/opt/skiff/examples/webapp"));
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        Path expected = Path.of(System.getProperty("skiff.repo"), "examples/webapp/expected.yaml");
        assertThat(r.out()).isEqualTo(Files.readString(expected));
    }

    @Test
    void withoutArgumentsItIsAKrmFunctionRunAsNobody() throws Exception {
        Container c = container("65534:65534", Map.of());
        List<String> cmd = new ArrayList<>(image.strings("Entrypoint"));
        cmd.addAll(image.strings("Cmd"));
        Container.Run r = c.run("""
                apiVersion: config.kubernetes.io/v1
                kind: ResourceList
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: settings}
                  data: {a: b}
                functionConfig:
                  apiVersion: fn.skiff.dev/v1alpha1
                  kind: SkiffRun
                  metadata: {name: f}
                  spec:
                    source: |
                      items = [r | {data.c = "d"} for r in option("items")]
                """, cmd);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("kind: ResourceList").contains("c: d").doesNotContain("results:");
    }

    @Test
    void errorsAreDiagnosticsOnStandardErrorAndTheExitCode() throws Exception {
        Container c = container("999:999", Map.of());
        Container.Run r = c.run(null, entrypoint("build", "/opt/skiff/examples/nope"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("error[E0206]").doesNotContain("Exception");
    }
}
