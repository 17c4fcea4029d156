package dev.skiff.packages;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packages a project's imports can reach, found on disk without fetching anything: its {@code kcl.mod}
 * dependencies and theirs, flattened by name as KCL flattens them (the first declaration of a name, nearest the
 * project, wins). KCL's Kubernetes package is left out: Skiff's built-in schemas stand for it. A package that is
 * not installed is an error that says how to fetch it.
 */
public final class InstalledPackages {
    private InstalledPackages() {
    }

    /** Each import name with the directory it resolves to; a name with {@code -} is importable with {@code _} too. */
    public static Result<Map<String, Path>> locate(ModFile project, PackageStore store) {
        Map<String, Path> out = new LinkedHashMap<>();
        List<Diagnostic> problems = new ArrayList<>();
        Deque<ModFile> pending = new ArrayDeque<>(List.of(project));
        java.util.Set<Path> seen = new java.util.HashSet<>(List.of(project.root()));
        while (!pending.isEmpty()) {
            ModFile mod = pending.removeFirst();
            for (Dependency d : mod.dependencies()) {
                if (d.isBuiltinKubernetes() || out.containsKey(d.name())) {
                    continue;
                }
                Path at = store.locate(project.root(), d);
                if (at == null) {
                    if (mod == project) {
                        problems.add(notInstalled(d, mod.root()));
                    } else {
                        problems.add(notInstalled(d, mod.root()).withHint("it is a dependency of `" + mod.name()
                                + "`; run `skiff mod pull` in the project to fetch it"));
                    }
                    continue;
                }
                out.put(d.name(), at);
                if (d.name().contains("-")) {
                    out.putIfAbsent(d.name().replace('-', '_'), at);
                }
                if (ModFile.exists(at) && seen.add(at)) {
                    pending.add(ModFile.read(at).value());
                }
            }
        }
        return Result.of(out, problems);
    }

    /**
     * The CustomResourceDefinitions that packages carry: KCL's CRD model packages (those of kcl-lang/modules, such
     * as {@code cert-manager}) keep the CRDs their schemas were generated from in {@code crds/}, beside the
     * generated {@code .k} files. Typing the custom resources by those CRDs lets {@code skiff build} accept and
     * validate the package's objects without {@code --crd}. Only YAML files that declare a
     * {@code CustomResourceDefinition} are taken, so other YAML a package keeps there is left alone.
     */
    public static List<Path> crdFiles(java.util.Collection<Path> packageDirs) {
        List<Path> out = new ArrayList<>();
        for (Path dir : new java.util.LinkedHashSet<>(packageDirs)) {
            Path crds = dir.resolve("crds");
            if (!java.nio.file.Files.isDirectory(crds)) {
                continue;
            }
            try (var files = java.nio.file.Files.list(crds)) {
                for (Path f : files.sorted().toList()) {
                    String n = f.getFileName().toString();
                    if ((n.endsWith(".yaml") || n.endsWith(".yml")) && java.nio.file.Files.isRegularFile(f)
                            && java.nio.file.Files.readString(f).contains("CustomResourceDefinition")) {
                        out.add(f);
                    }
                }
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // an unreadable directory contributes nothing; its package's imports report what is wrong
            }
        }
        return out;
    }

    static Diagnostic notInstalled(Dependency d, Path root) {
        return Diagnostic.error(Code.E0208, declaredAt(root, d.name()), "package `" + d.name() + "` (" + describe(d)
                        + ") is not installed: neither the project's `vendor/` directory nor the package cache holds it")
                .withHint("run `skiff mod pull` (or `kcl mod pull`) to fetch it, or `skiff mod vendor` to keep a copy "
                        + "in the project");
    }

    /**
     * Where {@code kcl.mod} in {@code root} declares dependency {@code name}: its key on its line of the
     * {@code [dependencies]} table; null when the file cannot be read or does not name it there.
     */
    static dev.skiff.source.Span declaredAt(Path root, String name) {
        Path file = root.resolve(ModFile.NAME);
        String text;
        try {
            text = java.nio.file.Files.readString(file);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return null;
        }
        java.util.regex.Pattern key = java.util.regex.Pattern.compile(
                "^[ \\t]*(\"?)" + java.util.regex.Pattern.quote(name) + "\\1[ \\t]*=");
        boolean inDependencies = false;
        int offset = 0;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("[")) {
                inDependencies = trimmed.equals("[dependencies]");
            } else if (inDependencies) {
                java.util.regex.Matcher m = key.matcher(line);
                if (m.find()) {
                    int start = offset + line.indexOf(name);
                    dev.skiff.source.SourceFile source = dev.skiff.source.SourceFile.of(file, displayName(file), text);
                    return dev.skiff.source.Span.of(source, start, start + name.length());
                }
            }
            offset += line.length() + 1;
        }
        return null;
    }

    /** A file as messages name it: relative to the working directory when it is below it, else in full. */
    private static String displayName(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    /** A dependency's source as users write it. */
    public static String describe(Dependency d) {
        return switch (d) {
            case Dependency.Registry r -> "version " + r.version() + " from " + Dependency.DEFAULT_REGISTRY + "/"
                    + Dependency.DEFAULT_NAMESPACE;
            case Dependency.Oci o -> o.url() + ":" + o.tag();
            case Dependency.Git g -> g.url() + " at " + (g.tag() != null ? "tag " : g.commit() != null ? "commit "
                    : "branch ") + g.ref();
            case Dependency.Local l -> l.path().toString();
        };
    }
}
