package dev.skiff.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An OCI image layout tarball read as a container runtime reads it: {@code index.json} names the manifest, the
 * manifest names the config and the layers, each a blob under {@code blobs/sha256}. Blobs are read straight out
 * of the tarball; {@link #unpack} lays the layers out as the container's file system.
 */
record OciImage(Path tarball, JsonNode index, JsonNode manifest, JsonNode config) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static OciImage read(Path tarball) throws IOException, InterruptedException {
        JsonNode index = JSON.readTree(entry(tarball, "index.json"));
        String manifestDigest = index.path("manifests").path(0).path("digest").asText();
        JsonNode manifest = JSON.readTree(blob(tarball, manifestDigest));
        JsonNode config = JSON.readTree(blob(tarball, manifest.path("config").path("digest").asText()));
        return new OciImage(tarball, index, manifest, config);
    }

    static byte[] blob(Path tarball, String digest) throws IOException, InterruptedException {
        return entry(tarball, "blobs/sha256/" + digest.substring("sha256:".length()));
    }

    /** One member of the tarball, by name. */
    static byte[] entry(Path tarball, String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tar", "-xOf", tarball.toString(), name).start();
        byte[] bytes;
        try (InputStream in = p.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String err = new String(p.getErrorStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("cannot read " + name + " from " + tarball + ": " + err);
        }
        return bytes;
    }

    List<String> layerDigests() {
        List<String> out = new ArrayList<>();
        manifest.path("layers").forEach(l -> out.add(l.path("digest").asText()));
        return out;
    }

    /** The names in every layer, with their modes ({@code path -> "-rwxr-xr-x 0/0"}). */
    Map<String, String> files() throws IOException, InterruptedException {
        Map<String, String> out = new HashMap<>();
        for (String digest : layerDigests()) {
            Path layer = Files.createTempFile("layer", ".tar.gz");
            try {
                Files.write(layer, blob(tarball, digest));
                Process p = new ProcessBuilder("tar", "-tzvf", layer.toString(), "--warning=no-unknown-keyword").start();
                String listing = new String(p.getInputStream().readAllBytes());
                p.waitFor(60, TimeUnit.SECONDS);
                for (String line : listing.lines().toList()) {
                    String[] f = line.split("\\s+");
                    String name = f[f.length - 1].replaceAll("/$", "");
                    out.put("/" + name, f[0] + " " + f[1]);
                }
            } finally {
                Files.deleteIfExists(layer);
            }
        }
        return out;
    }

    /** Extracts the layers in order into {@code root}, with their owners and modes (as root). */
    void unpack(Path root) throws IOException, InterruptedException {
        Files.createDirectories(root);
        for (String digest : layerDigests()) {
            Path layer = Files.createTempFile("layer", ".tar.gz");
            try {
                Files.write(layer, blob(tarball, digest));
                Process p = new ProcessBuilder("tar", "-xzpf", layer.toString(), "-C", root.toString(),
                        "--warning=no-unknown-keyword", "--same-owner").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IOException("cannot unpack layer " + digest + ": " + out);
                }
            } finally {
                Files.deleteIfExists(layer);
            }
        }
    }

    List<String> strings(String field) {
        List<String> out = new ArrayList<>();
        config.path("config").path(field).forEach(n -> out.add(n.asText()));
        return out;
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        for (String e : strings("Env")) {
            int eq = e.indexOf('=');
            env.put(e.substring(0, eq), e.substring(eq + 1));
        }
        return env;
    }
}
