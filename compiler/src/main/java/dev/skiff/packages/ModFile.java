package dev.skiff.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the package manager reads of a {@code kcl.mod}: the package's name and version and its dependencies, in
 * the order written. (The compiler's view of the same file, with {@code [profile]} and {@code [skiff]}, is
 * {@code modules.Project}.)
 *
 * @param root the directory holding the {@code kcl.mod}
 */
public record ModFile(Path root, String name, String version, List<Dependency> dependencies) {
    public static final String NAME = "kcl.mod";

    public ModFile {
        dependencies = List.copyOf(dependencies);
    }

    /** Whether {@code dir} holds a {@code kcl.mod}. */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(NAME));
    }

    /** Reads {@code root/kcl.mod}; entries that are none of KCL's forms are reported and left out. */
    public static Result<ModFile> read(Path root) {
        Path file = root.resolve(NAME);
        String fallback = root.getFileName() == null ? "main" : root.getFileName().toString();
        try {
            JsonNode doc = new TomlMapper().readTree(Files.readString(file));
            return Result.of(of(root, doc, fallback), problems(root, doc));
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return Result.of(new ModFile(root, fallback, "", List.of()),
                    List.of(Diagnostic.error(Code.E0206, null, "cannot read `" + file + "`: " + why)));
        }
    }

    /** The dependencies of an already parsed {@code kcl.mod} document. */
    public static ModFile of(Path root, JsonNode doc, String fallbackName) {
        JsonNode pkg = doc.path("package");
        String name = pkg.path("name").isTextual() ? pkg.path("name").asText() : fallbackName;
        String version = pkg.path("version").isTextual() ? pkg.path("version").asText() : "";
        List<Dependency> deps = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("dependencies").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Dependency d = Dependency.parse(e.getKey(), e.getValue(), root, new String[1]);
            if (d != null) {
                deps.add(d);
            }
        }
        return new ModFile(root.toAbsolutePath().normalize(), name, version, deps);
    }

    /** The entries of {@code [dependencies]} that are none of KCL's forms, each with the reason. */
    public static List<Diagnostic> problems(Path root, JsonNode doc) {
        List<Diagnostic> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("dependencies").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] why = new String[1];
            if (Dependency.parse(e.getKey(), e.getValue(), root, why) == null) {
                out.add(Diagnostic.error(Code.E0206, null, "`" + NAME + "`: dependency `" + e.getKey() + "`: " + why[0])
                        .withHint("write `name = \"1.0.0\"`, `name = { oci = \"oci://ghcr.io/org/name\", tag = \"1.0.0\" }`, "
                                + "`name = { git = \"https://…\", tag = \"v1\" }` or `name = { path = \"../name\" }`"));
            }
        }
        return out;
    }

    public Dependency dependency(String name) {
        return dependencies.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    /** The line {@code kcl.mod} holds for {@code d}, in the form {@code kcl mod add} writes. */
    public static String line(Dependency d, Path root) {
        return switch (d) {
            case Dependency.Registry r -> r.name() + " = \"" + r.version() + "\"";
            case Dependency.Oci o -> o.name() + " = { oci = \"" + (o.isLayout() ? Dependency.Oci.LAYOUT + "://"
                    + relative(root, Path.of(o.repository())) : o.url()) + "\", tag = \"" + o.tag() + "\" }";
            case Dependency.Git g -> g.name() + " = { git = \"" + g.url() + "\", "
                    + (g.tag() != null ? "tag" : g.commit() != null ? "commit" : "branch") + " = \"" + g.ref() + "\" }";
            case Dependency.Local l -> l.name() + " = { path = \"" + relative(root, l.path()) + "\" }";
        };
    }

    private static String relative(Path root, Path p) {
        try {
            return root.toAbsolutePath().normalize().relativize(p).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }

    private static final Pattern TABLE = Pattern.compile("(?m)^\\s*\\[([^\\]]+)]\\s*(#.*)?$");

    /**
     * The text of a {@code kcl.mod} with {@code d} added to {@code [dependencies]}, or its line there replaced.
     * The rest of the file (comments, order, other tables) is kept as written.
     */
    public static String withDependency(String text, Dependency d, Path root) {
        String line = line(d, root);
        String body = text.endsWith("\n") || text.isEmpty() ? text : text + "\n";
        Matcher m = TABLE.matcher(body);
        int start = -1;
        int end = body.length();
        while (m.find()) {
            if (start >= 0) {
                end = m.start();
                break;
            }
            if (m.group(1).strip().equals("dependencies")) {
                start = m.end();
            }
        }
        if (start < 0) {
            return body + (body.isEmpty() ? "" : "\n") + "[dependencies]\n" + line + "\n";
        }
        String section = body.substring(start, end);
        Matcher existing = Pattern.compile("(?m)^\\s*\"?" + Pattern.quote(d.name()) + "\"?\\s*=.*$").matcher(section);
        if (existing.find()) {
            section = section.substring(0, existing.start()) + line + section.substring(existing.end());
        } else {
            String trimmed = section.replaceFirst("\\s+$", "");
            String trailing = section.substring(trimmed.length());
            section = trimmed + "\n" + line + (trailing.contains("\n") ? trailing.substring(trailing.indexOf('\n')) : "\n");
        }
        return body.substring(0, start) + section + body.substring(end);
    }
}
