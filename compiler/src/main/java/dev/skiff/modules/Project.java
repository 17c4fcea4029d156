package dev.skiff.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.packages.InstalledPackages;
import dev.skiff.packages.ModFile;
import dev.skiff.packages.PackageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Skiff (KCL) project: the directory holding {@code kcl.mod}, or, without one, the directory of the main
 * file. Imports resolve against its root. {@code kcl.mod} is TOML; Skiff reads {@code [package] name},
 * {@code [dependencies]} (local paths, and OCI and git packages where {@code dev.skiff.packages} installed them)
 * and its own {@code [skiff]} table.
 *
 * @param root          absolute, normalized project root
 * @param name          the package name, or the root directory's name
 * @param dependencies  local dependencies by import name, as absolute paths
 * @param skiff         the {@code [skiff]} settings as raw strings ({@code k8s = "1.35"}), in order
 * @param hasModFile    whether a {@code kcl.mod} was found
 * @param entries       {@code [profile] entries}: the files that make the project's program when it is
 *                      compiled as a whole (a directory argument, or no argument), as absolute paths; empty
 *                      when not given
 */
public record Project(Path root, String name, Map<String, Path> dependencies, Map<String, Object> skiff,
                      boolean hasModFile, List<Path> entries) {
    public static final String MOD_FILE = "kcl.mod";

    public Project {
        dependencies = Map.copyOf(dependencies);
        skiff = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skiff));
        entries = List.copyOf(entries);
    }

    public Project(Path root, String name, Map<String, Path> dependencies, Map<String, Object> skiff,
                   boolean hasModFile) {
        this(root, name, dependencies, skiff, hasModFile, List.of());
    }

    /** The project owning {@code start} (a file or directory): the nearest ancestor with a {@code kcl.mod}. */
    public static Result<Project> discover(Path start) {
        Path abs = start.toAbsolutePath().normalize();
        Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(MOD_FILE))) {
                return read(d);
            }
        }
        return Result.ok(new Project(dir, dir.getFileName() == null ? "main" : dir.getFileName().toString(),
                Map.of(), Map.of(), false));
    }

    /** Reads {@code root/kcl.mod}. A malformed file is reported, and the project still works without it. */
    public static Result<Project> read(Path root) {
        Path mod = root.resolve(MOD_FILE);
        String fallbackName = root.getFileName() == null ? "main" : root.getFileName().toString();
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Path> deps = new LinkedHashMap<>();
        Map<String, Object> skiff = new LinkedHashMap<>();
        List<Path> entries = new ArrayList<>();
        String name = fallbackName;
        try {
            JsonNode doc = new TomlMapper().readTree(Files.readString(mod));
            JsonNode pkg = doc.path("package");
            if (pkg.path("name").isTextual()) {
                name = pkg.path("name").asText();
            }
            // path, OCI and git dependencies, and theirs, as installed in vendor/ or the package cache
            problems.addAll(ModFile.problems(root, doc));
            Result<Map<String, Path>> installed = InstalledPackages.locate(ModFile.of(root, doc, name),
                    PackageStore.fromEnvironment());
            deps.putAll(installed.value());
            problems.addAll(installed.diagnostics());
            for (JsonNode entry : doc.path("profile").path("entries")) {
                // as in KCL: relative to the kcl.mod; ${KCL_MOD} names its directory, ${dep:KCL_MOD} a dependency's
                String text = withModRoots(entry.asText(), root.toAbsolutePath().normalize(), deps);
                if (text.contains("KCL_MOD}")) {
                    problems.add(Diagnostic.error(Code.E0206, null, "the entry `" + entry.asText() + "` of `" + mod
                            + "` names a package that is not a path dependency of this kcl.mod")
                            .withHint("`${name:KCL_MOD}` is the root of the dependency `name = { path = \"…\" }`"));
                    continue;
                }
                entries.add(root.toAbsolutePath().resolve(text).normalize());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("skiff").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                skiff.put(e.getKey(), toPlain(e.getValue()));
            }
            JsonNode k8s = doc.path("dependencies").path("k8s");
            String pinned = k8s.isTextual() ? k8s.asText() : k8s.path("version").isTextual() ? k8s.path("version").asText() : null;
            if (pinned != null && !skiff.containsKey("k8s")) {
                KubernetesPin.choose(pinned, skiff, problems);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(tomlError(mod, e));
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            problems.add(Diagnostic.error(Code.E0206, null, "cannot read `" + mod + "` as TOML: " + msg));
        }
        return Result.of(new Project(root.toAbsolutePath().normalize(), name, deps, skiff, true, entries), problems);
    }

    private static final java.util.regex.Pattern MOD_ROOT = java.util.regex.Pattern.compile("\\$\\{(?:([\\w-]+):)?KCL_MOD}");

    /** {@code ${KCL_MOD}} is {@code root}, {@code ${name:KCL_MOD}} the root of the path dependency {@code name}. */
    static String withModRoots(String text, Path root, Map<String, Path> deps) {
        return MOD_ROOT.matcher(text).replaceAll(m -> {
            Path p = m.group(1) == null ? root : deps.get(m.group(1));
            return java.util.regex.Matcher.quoteReplacement(p == null ? m.group() : p.toString());
        });
    }

    /** A TOML syntax error at its line and column of {@code kcl.mod}, with the line and a caret. */
    private static Diagnostic tomlError(Path mod, com.fasterxml.jackson.core.JsonProcessingException e) {
        String why = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage().lines().findFirst().orElse("").strip();
        dev.skiff.source.Span at = null;
        try {
            var loc = e.getLocation();
            String text = Files.readString(mod);
            if (loc != null && loc.getLineNr() > 0) {
                dev.skiff.source.SourceFile file = dev.skiff.source.SourceFile.of(mod, mod.toString(), text);
                at = dev.skiff.source.Span.at(file, file.offset(loc.getLineNr() - 1, Math.max(0, loc.getColumnNr() - 1)));
            }
        } catch (IOException | RuntimeException ignored) {
            // the message alone, then
        }
        return Diagnostic.error(Code.E0206, at, "`" + Project.MOD_FILE + "` is not valid TOML: " + why);
    }

    private static Object toPlain(JsonNode n) {
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            n.forEach(x -> out.add(toPlain(x)));
            return List.copyOf(out);
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }
}
