package dev.skiff.packages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client of the OCI distribution API, for anonymous pulls: {@code GET /v2/<repo>/manifests/<tag>} and
 * {@code /blobs/<digest>}. A registry that answers 401 with a {@code Bearer} challenge (ghcr.io, Docker Hub,
 * {@code registry:2} with token auth) is asked for an anonymous token at the realm it names, and the request is
 * made again with it. Redirects (ghcr.io sends blobs to a CDN) are followed without the token. Hosts named
 * {@code localhost} or a loopback address, and every host when {@code OCI_REG_PLAIN_HTTP=on} (KCL's variable),
 * are spoken to over plain HTTP; others over HTTPS. {@code HttpURLConnection} rather than {@code java.net.http}
 * keeps the CLI's runtime to {@code java.base}.
 */
final class RegistryClient implements OciSource {
    static final String ACCEPT = String.join(", ", "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final int TIMEOUT_MS = 20_000;

    private final String registry;
    private final String repository;
    private final String scheme;
    private String token;

    RegistryClient(String registry, String repository, boolean plainHttp) {
        this.registry = registry;
        this.repository = repository;
        String host = registry.replaceFirst(":\\d+$", "");
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        this.scheme = plainHttp || loopback ? "http" : "https";
    }

    @Override
    public byte[] manifest(String tag) throws PackageException {
        return get("/manifests/" + tag, ACCEPT, tag);
    }

    @Override
    public byte[] blobOrManifest(String digest) throws PackageException {
        byte[] bytes = get("/manifests/" + digest, ACCEPT, digest);
        OciSource.verify(bytes, digest, "the registry `" + registry + "`");
        return bytes;
    }

    @Override
    public byte[] blob(String digest) throws PackageException {
        byte[] bytes = get("/blobs/" + digest, "*/*", null);
        OciSource.verify(bytes, digest, "the registry `" + registry + "`");
        return bytes;
    }

    @Override
    public String describe() {
        return registry + "/" + repository;
    }

    private byte[] get(String path, String accept, String tag) throws PackageException {
        String url = scheme + "://" + registry + "/v2/" + repository + path;
        try {
            for (int attempt = 0; ; attempt++) {
                HttpURLConnection c = open(url, accept, token);
                int status = c.getResponseCode();
                for (int hops = 0; status / 100 == 3 && hops < 5; hops++) {
                    String location = c.getHeaderField("Location");
                    c.disconnect();
                    c = open(URI.create(url).resolve(location).toString(), accept, null);
                    status = c.getResponseCode();
                }
                if (status == 401 && attempt == 0 && authenticate(c.getHeaderField("WWW-Authenticate"))) {
                    c.disconnect();
                    continue;
                }
                if (status == 200) {
                    try (InputStream in = c.getInputStream()) {
                        return in.readAllBytes();
                    }
                }
                c.disconnect();
                throw new PackageException(refused(status, tag));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new PackageException(unreachable(e));
        }
    }

    private static HttpURLConnection open(String url, String accept, String bearer) throws IOException {
        HttpURLConnection c;
        try {
            c = (HttpURLConnection) new URI(url).toURL().openConnection();
        } catch (URISyntaxException e) {
            throw new IOException("malformed URL `" + url + "`");
        }
        c.setInstanceFollowRedirects(false);
        c.setConnectTimeout(TIMEOUT_MS);
        c.setReadTimeout(TIMEOUT_MS);
        c.setRequestProperty("Accept", accept);
        c.setRequestProperty("User-Agent", "skiff");
        if (bearer != null) {
            c.setRequestProperty("Authorization", "Bearer " + bearer);
        }
        return c;
    }

    /** Answers a {@code Bearer realm="…",service="…",scope="…"} challenge with an anonymous token. */
    private boolean authenticate(String challenge) throws IOException {
        if (challenge == null || !challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        String realm = params.remove("realm");
        if (realm == null) {
            return false;
        }
        params.putIfAbsent("scope", "repository:" + repository + ":pull");
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        params.forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        HttpURLConnection c = open(url.substring(0, url.length() - 1), "application/json", null);
        if (c.getResponseCode() != 200) {
            c.disconnect();
            return false;
        }
        try (InputStream in = c.getInputStream()) {
            JsonNode body = JSON.readTree(in);
            String t = body.path("token").asText(body.path("access_token").asText(""));
            token = t.isEmpty() ? null : t;
            return token != null;
        }
    }

    private Diagnostic refused(int status, String tag) {
        String what = "`" + describe() + (tag == null ? "" : ":" + tag) + "`";
        return switch (status) {
            case 404 -> Diagnostic.error(Code.E0209, null, what + " was not found in the registry")
                    .withHint("check the repository and the tag; `oci://` packages are named `oci://registry/namespace/name`");
            case 401, 403 -> Diagnostic.error(Code.E0209, null, "the registry `" + registry + "` refused to let "
                    + what + " be pulled anonymously (HTTP " + status + ")")
                    .withHint("Skiff pulls public packages only; use `kcl mod pull` with credentials, then Skiff reads the cache");
            default -> Diagnostic.error(Code.E0209, null, "the registry `" + registry + "` answered HTTP " + status
                    + " for " + what);
        };
    }

    private Diagnostic unreachable(Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return Diagnostic.error(Code.E0209, null, "cannot reach the registry `" + registry + "` (" + why + ")")
                .withHint("check the network; in CI without one, commit `vendor/` (`skiff mod vendor`) or fill the "
                        + "package cache beforehand, and pass `--offline`");
    }
}
