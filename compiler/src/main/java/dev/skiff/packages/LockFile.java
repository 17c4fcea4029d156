package dev.skiff.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kcl.mod.lock} in KCL's format: one table per package under {@code [dependencies]}, sorted by name, with
 * the keys KCL writes in KCL's order ({@code name}, {@code full_name}, {@code version}, {@code sum}, then the git
 * source {@code url}, {@code branch}, {@code commit}, {@code git_tag}, then the OCI source {@code reg},
 * {@code repo}, {@code oci_tag}), empty ones left out. Every package the program uses is listed, those of
 * dependencies too.
 */
public record LockFile(Map<String, Entry> entries) {
    public static final String NAME = "kcl.mod.lock";

    public LockFile {
        entries = java.util.Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /** One locked package. Absent values are empty strings. */
    public record Entry(String name, String fullName, String version, String sum, String url, String branch,
                        String commit, String gitTag, String reg, String repo, String ociTag) {
        public Entry withSum(String s) {
            return new Entry(name, fullName, version, s, url, branch, commit, gitTag, reg, repo, ociTag);
        }

        /** Whether this entry locks the same source and ref as {@code other} (their checksums aside). */
        public boolean sameSource(Entry other) {
            return withSum("").equals(other.withSum(""));
        }
    }

    public static LockFile empty() {
        return new LockFile(Map.of());
    }

    /** Reads {@code root/kcl.mod.lock}; a missing file is an empty lock. */
    public static Result<LockFile> read(Path root) {
        Path file = root.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Result.ok(empty());
        }
        try {
            return Result.ok(parse(Files.readString(file)));
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return Result.of(empty(), List.of(Diagnostic.error(Code.E0206, null, "cannot read `" + file + "`: " + why)
                    .withHint("delete it and run `skiff mod update` to write it again")));
        }
    }

    public static LockFile parse(String text) throws IOException {
        JsonNode doc = new TomlMapper().readTree(text);
        Map<String, Entry> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("dependencies").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            out.put(e.getKey(), new Entry(s(n, "name"), s(n, "full_name"), s(n, "version"), s(n, "sum"), s(n, "url"),
                    s(n, "branch"), s(n, "commit"), s(n, "git_tag"), s(n, "reg"), s(n, "repo"), s(n, "oci_tag")));
        }
        return new LockFile(out);
    }

    /** The text KCL writes for these entries, byte for byte. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        if (entries.isEmpty()) {
            return "";
        }
        sb.append("[dependencies]\n");
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry x = e.getValue();
            sb.append("  [dependencies.").append(key(e.getKey())).append("]\n");
            field(sb, "name", x.name());
            field(sb, "full_name", x.fullName());
            field(sb, "version", x.version());
            field(sb, "sum", x.sum());
            field(sb, "url", x.url());
            field(sb, "branch", x.branch());
            field(sb, "commit", x.commit());
            field(sb, "git_tag", x.gitTag());
            field(sb, "reg", x.reg());
            field(sb, "repo", x.repo());
            field(sb, "oci_tag", x.ociTag());
        }
        return sb.toString();
    }

    private static void field(StringBuilder sb, String key, String value) {
        if (value != null && !value.isEmpty()) {
            sb.append("    ").append(key).append(" = ").append(quote(value)).append('\n');
        }
    }

    private static String key(String k) {
        return k.matches("[A-Za-z0-9_-]+") ? k : quote(k);
    }

    private static String quote(String v) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String s(JsonNode n, String key) {
        return n.path(key).isValueNode() ? n.path(key).asText() : "";
    }
}
