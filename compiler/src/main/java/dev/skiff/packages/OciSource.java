package dev.skiff.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where OCI artifacts come from: a registry speaking the distribution API ({@link RegistryClient}) or an OCI
 * image layout on disk ({@link LayoutSource}). A KCL package is an image manifest whose (first) layer is the
 * package directory as a tar, gzipped or not.
 */
interface OciSource {
    /** The manifest (or index) the tag names, as JSON. */
    byte[] manifest(String tag) throws PackageException;

    /** A blob by digest, its digest checked. */
    byte[] blob(String digest) throws PackageException;

    /** A name for messages: {@code ghcr.io/kcl-lang/k8s}. */
    String describe();

    ObjectMapper JSON = new ObjectMapper();

    /** Fetches the package {@code tag} names and unpacks it into {@code into}. */
    default void pull(String tag, Path into) throws PackageException {
        JsonNode manifest = json(manifest(tag), tag);
        if (manifest.path("manifests").isArray()) { // an index: KCL packages have one manifest, for any platform
            JsonNode first = manifest.path("manifests").path(0);
            if (first.isMissingNode()) {
                throw invalid(tag, "its index lists no manifest");
            }
            manifest = json(blobOrManifest(first.path("digest").asText()), tag);
        }
        JsonNode layer = manifest.path("layers").path(0);
        if (layer.isMissingNode() || !layer.path("digest").isTextual()) {
            throw invalid(tag, "its manifest has no layer");
        }
        byte[] archive = blob(layer.path("digest").asText());
        try {
            TarArchive.extract(archive, into);
        } catch (IOException | RuntimeException e) {
            throw invalid(tag, "its layer is not a package archive: " + e.getMessage());
        }
    }

    /** An index entry is a manifest, which registries serve from the manifests endpoint and layouts as a blob. */
    default byte[] blobOrManifest(String digest) throws PackageException {
        return blob(digest);
    }

    private JsonNode json(byte[] bytes, String tag) throws PackageException {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw invalid(tag, "its manifest is not JSON");
        }
    }

    private PackageException invalid(String tag, String why) {
        return new PackageException(Diagnostic.error(Code.E0209, null, "`" + describe() + ":" + tag
                + "` is not a KCL package: " + why));
    }

    /** Checks that {@code bytes} have the digest ({@code sha256:hex}) they were asked for by. */
    static void verify(byte[] bytes, String digest, String where) throws PackageException {
        if (!digest.startsWith("sha256:")) {
            return; // other algorithms are not used by KCL's packages; the registry's TLS stands for them
        }
        try {
            String actual = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!actual.equals(digest)) {
                throw new PackageException(Diagnostic.error(Code.E0209, null, where + " sent content for `" + digest
                        + "` whose digest is `" + actual + "`"));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
