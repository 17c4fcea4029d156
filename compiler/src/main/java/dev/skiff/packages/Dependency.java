package dev.skiff.packages;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * One entry of {@code kcl.mod}'s {@code [dependencies]}, in the four forms KCL accepts: a bare version (a package
 * of KCL's default registry, {@code ghcr.io/kcl-lang/<name>}), an OCI reference with a tag, a git remote with a
 * tag, commit or branch, and a local path.
 */
public sealed interface Dependency {
    /** KCL's default registry and the repository namespace of a bare {@code name = "version"}. */
    String DEFAULT_REGISTRY = "ghcr.io";
    String DEFAULT_NAMESPACE = "kcl-lang";

    /** The key in {@code kcl.mod}: the name the package is imported by. */
    String name();

    /**
     * The tag, commit, branch or version that picks one state of the package; what KCL appends to the name in
     * {@code full_name} and in the directory the package is stored in.
     */
    String ref();

    /** {@code <name>_<ref>}: the directory under the cache and under {@code vendor/}, and the lock's {@code full_name}. */
    default String storeName() {
        return name() + "_" + ref();
    }

    /**
     * Whether this is KCL's package of Kubernetes schemas, which Skiff carries built in: it is never fetched,
     * and its version chooses the built-in schemas.
     */
    default boolean isBuiltinKubernetes() {
        return name().equals("k8s") && (this instanceof Registry
                || this instanceof Oci o && o.registry().equals(DEFAULT_REGISTRY) && o.repository().equals(DEFAULT_NAMESPACE + "/k8s"));
    }

    /** {@code name = "1.2.3"}: a package of the default registry. */
    record Registry(String name, String version) implements Dependency {
        @Override
        public String ref() {
            return version;
        }

        public Oci asOci() {
            return new Oci(name, DEFAULT_REGISTRY, DEFAULT_NAMESPACE + "/" + name, version);
        }
    }

    /**
     * {@code name = { oci = "oci://host/repo", tag = "…" }}. {@code registry} is the host (with a port), or
     * {@code oci-layout} for an OCI image layout on disk, whose directory is then {@code repository}.
     */
    record Oci(String name, String registry, String repository, String tag) implements Dependency {
        public static final String LAYOUT = "oci-layout";

        @Override
        public String ref() {
            return tag;
        }

        public boolean isLayout() {
            return registry.equals(LAYOUT);
        }

        /** The reference as written in {@code kcl.mod}. */
        public String url() {
            return isLayout() ? LAYOUT + "://" + repository : "oci://" + registry + "/" + repository;
        }
    }

    /** {@code name = { git = "url", tag | commit | branch = "…" }}. Exactly one of the three is set. */
    record Git(String name, String url, String tag, String commit, String branch) implements Dependency {
        @Override
        public String ref() {
            return tag != null ? tag : commit != null ? commit : branch;
        }
    }

    /** {@code name = { path = "../lib" }}, as an absolute path. */
    record Local(String name, Path path) implements Dependency {
        @Override
        public String ref() {
            return "";
        }
    }

    /**
     * Reads one {@code [dependencies]} entry of the {@code kcl.mod} in {@code root}. Returns null with a reason
     * in {@code why[0]} when the entry is none of the forms.
     */
    static Dependency parse(String name, JsonNode value, Path root, String[] why) {
        if (value.isTextual()) {
            return new Registry(name, value.asText());
        }
        if (!value.isObject()) {
            why[0] = "expected a version string or a table such as `{ oci = \"oci://…\", tag = \"…\" }`";
            return null;
        }
        if (value.path("path").isTextual()) {
            return new Local(name, root.resolve(value.path("path").asText()).toAbsolutePath().normalize());
        }
        if (value.path("oci").isTextual()) {
            String tag = text(value, "tag");
            String url = value.path("oci").asText();
            if (tag == null) {
                why[0] = "an `oci` dependency needs a `tag`";
                return null;
            }
            return oci(name, url, tag, root, why);
        }
        if (value.path("git").isTextual()) {
            String tag = text(value, "tag");
            String commit = text(value, "commit");
            String branch = text(value, "branch");
            int given = (tag != null ? 1 : 0) + (commit != null ? 1 : 0) + (branch != null ? 1 : 0);
            if (given != 1) {
                why[0] = "a `git` dependency needs exactly one of `tag`, `commit` and `branch`";
                return null;
            }
            return new Git(name, value.path("git").asText(), tag, commit, branch);
        }
        if (value.path("version").isTextual()) {
            return new Registry(name, value.path("version").asText());
        }
        why[0] = "expected one of `path`, `oci`, `git` or `version`";
        return null;
    }

    /** An {@code oci://host/repo} (or {@code oci-layout://dir}) reference with its tag. */
    static Dependency oci(String name, String url, String tag, Path root, String[] why) {
        if (url.startsWith(Oci.LAYOUT + "://")) {
            Path dir = root.resolve(url.substring(Oci.LAYOUT.length() + 3)).toAbsolutePath().normalize();
            return new Oci(name, Oci.LAYOUT, dir.toString(), tag);
        }
        String rest = url.replaceFirst("^(oci|https?)://", "");
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            why[0] = "`" + url + "` is not an OCI reference of the form `oci://registry/repository`";
            return null;
        }
        return new Oci(name, rest.substring(0, slash), rest.substring(slash + 1).replaceAll("/+$", ""), tag);
    }

    private static String text(JsonNode n, String key) {
        return n.path(key).isTextual() ? n.path(key).asText() : null;
    }
}
