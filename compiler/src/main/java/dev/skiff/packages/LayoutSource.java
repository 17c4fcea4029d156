package dev.skiff.packages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An OCI image layout on disk ({@code oci-layout}, {@code index.json}, {@code blobs/<alg>/<hex>}), as
 * {@code oras copy --to-oci-layout} or {@code skopeo} write it: a tag is the {@code org.opencontainers.image.ref.name}
 * annotation of a manifest the index lists.
 */
record LayoutSource(Path dir) implements OciSource {
    static final String REF_NAME = "org.opencontainers.image.ref.name";

    @Override
    public byte[] manifest(String tag) throws PackageException {
        JsonNode index;
        try {
            index = JSON.readTree(Files.readAllBytes(dir.resolve("index.json")));
        } catch (IOException e) {
            throw new PackageException(Diagnostic.error(Code.E0209, null, "`" + dir + "` is not an OCI image layout: "
                    + "cannot read its `index.json`").withHint("an OCI layout holds `oci-layout`, `index.json` and `blobs/`"));
        }
        for (JsonNode m : index.path("manifests")) {
            String ref = m.path("annotations").path(REF_NAME).asText("");
            if (ref.equals(tag) || ref.endsWith(":" + tag)) {
                return blob(m.path("digest").asText());
            }
        }
        throw new PackageException(Diagnostic.error(Code.E0209, null, "the OCI layout `" + dir + "` has no tag `" + tag + "`"));
    }

    @Override
    public byte[] blob(String digest) throws PackageException {
        int colon = digest.indexOf(':');
        if (colon <= 0 || !digest.substring(colon + 1).matches("[0-9a-f]+")) {
            throw new PackageException(Diagnostic.error(Code.E0209, null, "the OCI layout `" + dir
                    + "` names a malformed digest `" + digest + "`"));
        }
        Path blob = dir.resolve("blobs").resolve(digest.substring(0, colon)).resolve(digest.substring(colon + 1));
        try {
            byte[] bytes = Files.readAllBytes(blob);
            OciSource.verify(bytes, digest, "the OCI layout `" + dir + "`");
            return bytes;
        } catch (IOException e) {
            throw new PackageException(Diagnostic.error(Code.E0209, null, "the OCI layout `" + dir + "` lacks the blob `"
                    + digest + "`"));
        }
    }

    @Override
    public String describe() {
        return dir.toString();
    }
}
