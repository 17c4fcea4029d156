package dev.skiff.packages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test fixtures: KCL packages as OCI artifacts, in an OCI image layout on disk (made with the real {@code tar}),
 * and a registry that serves such a layout over the distribution API with token authentication.
 */
final class OciFixtures {
    static final ObjectMapper JSON = new ObjectMapper();

    private OciFixtures() {
    }

    /** Packs {@code pkg} (gzipped or not) into the layout at {@code layout}, tagged {@code tag}. */
    static void addToLayout(Path layout, Path pkg, String tag, boolean gzip) throws Exception {
        Path archive = Files.createTempFile("pkg", gzip ? ".tgz" : ".tar");
        Process p = new ProcessBuilder("tar", gzip ? "-czf" : "-cf", archive.toString(), "-C", pkg.toString(), ".")
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("tar failed");
        }
        byte[] layer = Files.readAllBytes(archive);
        Files.delete(archive);
        byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
        ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
                .put("mediaType", "application/vnd.oci.image.manifest.v1+json")
                .put("artifactType", "application/vnd.oci.image.layer.v1.tar");
        manifest.set("config", descriptor("application/vnd.oci.empty.v1+json", config));
        ArrayNode layers = manifest.putArray("layers");
        layers.add(descriptor(gzip ? "application/vnd.oci.image.layer.v1.tar+gzip" : "application/vnd.oci.image.layer.v1.tar", layer));
        manifest.putObject("annotations").put("org.kcllang.package.name", pkg.getFileName().toString());
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        Files.createDirectories(layout.resolve("blobs/sha256"));
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        for (byte[] blob : List.of(layer, config, manifestBytes)) {
            Files.write(layout.resolve("blobs/sha256").resolve(hex(blob)), blob);
        }
        Path indexFile = layout.resolve("index.json");
        ObjectNode index = Files.exists(indexFile) ? (ObjectNode) JSON.readTree(indexFile.toFile())
                : JSON.createObjectNode().put("schemaVersion", 2);
        ObjectNode entry = descriptor("application/vnd.oci.image.manifest.v1+json", manifestBytes);
        entry.putObject("annotations").put(LayoutSource.REF_NAME, tag);
        (index.has("manifests") ? (ArrayNode) index.get("manifests") : index.putArray("manifests")).add(entry);
        Files.write(indexFile, JSON.writeValueAsBytes(index));
    }

    static ObjectNode descriptor(String mediaType, byte[] bytes) {
        return JSON.createObjectNode().put("mediaType", mediaType).put("digest", "sha256:" + hex(bytes)).put("size", bytes.length);
    }

    static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A registry for {@code repository}, serving the layout's tags and blobs: every {@code /v2/} request without
     * the token is answered 401 with a Bearer challenge whose realm hands out the token anonymously (as ghcr.io
     * does), and blobs are redirected to a second path that, like a CDN, refuses requests carrying the token.
     */
    static final class Registry implements AutoCloseable {
        final HttpServer server;
        final List<String> requests = new CopyOnWriteArrayList<>();
        private static final String TOKEN = "anonymous-pull-token";

        Registry(Path layout, String repository) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", ex -> {
                try (ex) {
                    handle(ex, layout, repository);
                }
            });
            server.start();
        }

        String host() {
            return "127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange ex, Path layout, String repository) throws IOException {
            String path = ex.getRequestURI().getPath();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + (auth == null ? "" : " [auth]"));
            if (path.equals("/token")) {
                String query = ex.getRequestURI().getQuery();
                if (query == null || !query.contains("scope=repository:" + repository + ":pull")) {
                    send(ex, 400, "bad scope");
                } else {
                    send(ex, 200, "{\"token\":\"" + TOKEN + "\"}");
                }
                return;
            }
            if (path.startsWith("/cdn/")) {
                if (auth != null) {
                    send(ex, 400, "a signed URL takes no Authorization header");
                } else {
                    sendFile(ex, layout.resolve("blobs/sha256").resolve(path.substring("/cdn/sha256:".length())));
                }
                return;
            }
            if (!("Bearer " + TOKEN).equals(auth)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + host()
                        + "/token\",service=\"test-registry\",scope=\"repository:" + repository + ":pull\"");
                send(ex, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
                return;
            }
            String prefix = "/v2/" + repository + "/";
            if (path.startsWith(prefix + "manifests/")) {
                String ref = path.substring((prefix + "manifests/").length());
                String digest = ref.startsWith("sha256:") ? ref : null;
                for (var m : JSON.readTree(layout.resolve("index.json").toFile()).path("manifests")) {
                    if (m.path("annotations").path(LayoutSource.REF_NAME).asText().equals(ref)) {
                        digest = m.path("digest").asText();
                    }
                }
                if (digest == null) {
                    send(ex, 404, "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}");
                    return;
                }
                ex.getResponseHeaders().add("Content-Type", "application/vnd.oci.image.manifest.v1+json");
                sendFile(ex, layout.resolve("blobs/sha256").resolve(digest.substring(7)));
            } else if (path.startsWith(prefix + "blobs/")) {
                ex.getResponseHeaders().add("Location", "/cdn/" + path.substring((prefix + "blobs/").length()));
                send(ex, 307, "");
            } else {
                send(ex, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\"}]}");
            }
        }

        private static void sendFile(HttpExchange ex, Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                send(ex, 404, "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\"}]}");
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }

        private static void send(HttpExchange ex, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
