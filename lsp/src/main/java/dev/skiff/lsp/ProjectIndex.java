package dev.skiff.lsp;

import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.modules.Project;
import dev.skiff.modules.ProjectResolver;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The project's files as the editor features see them: open buffers over disk contents, each analysed once
 * per text, and imports resolved to files the way the compiler resolves them (relative imports, local
 * dependencies of {@code kcl.mod}, the project root, the stdlib).
 */
final class ProjectIndex implements ModuleLinks {
    private static final int MAX_FILES = 5000;

    /** A top-level declaration and the analysis of its file. */
    record Global(Analysis analysis, Analysis.Decl decl) {
    }

    private final Function<String, String> openText;
    private final Supplier<SchemaRegistry> registry;
    private final List<Path> folders = new CopyOnWriteArrayList<>();
    private final Map<Path, Analysis> cache = new ConcurrentHashMap<>();

    ProjectIndex(Function<String, String> openText, Supplier<SchemaRegistry> registry) {
        this.openText = openText;
        this.registry = registry;
    }

    void setFolders(List<Path> roots) {
        folders.clear();
        roots.forEach(r -> folders.add(r.toAbsolutePath().normalize()));
    }

    void addFolder(Path root) {
        folders.add(root.toAbsolutePath().normalize());
    }

    void removeFolder(Path root) {
        folders.remove(root.toAbsolutePath().normalize());
    }

    /** Forgets what was read from disk (files changed outside the editor). */
    void invalidate(Path file) {
        cache.remove(file.toAbsolutePath().normalize());
    }

    void invalidateAll() {
        cache.clear();
    }

    static Path pathOf(String uri) {
        try {
            return uri.startsWith("file:") ? Path.of(URI.create(uri)).toAbsolutePath().normalize() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String uriOf(Path file) {
        return file.toUri().toString();
    }

    /** The analysis of a file: its open buffer, else its text on disk; null when it cannot be read. */
    Analysis analysis(Path file) {
        Path f = file.toAbsolutePath().normalize();
        String uri = uriOf(f);
        String text = openText.apply(uri);
        Analysis cached = cache.get(f);
        if (text == null) {
            if (cached != null && !cached.open) {
                return cached;
            }
            try {
                text = Files.readString(f);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        if (cached != null && cached.file.text().equals(text)) {
            return cached;
        }
        Analysis a = Analysis.of(uri, 0, text, registry, this);
        a.open = openText.apply(uri) != null;
        cache.put(f, a);
        return a;
    }

    /** The files of the module an import names, as written in {@code from}; empty for Kubernetes and system modules. */
    List<Path> moduleFiles(Analysis from, String importPath) {
        if (importPath.startsWith("skiff.")) {
            Path f = StdlibSources.file(importPath);
            return f == null ? List.of() : List.of(f);
        }
        if (importPath.startsWith("k8s.") || importPath.startsWith("crds.")
                || ProjectResolver.SYSTEM_MODULES.contains(importPath)) {
            return List.of();
        }
        Path self = pathOf(from.uri);
        if (self == null) {
            return List.of();
        }
        Path target;
        if (importPath.startsWith(".")) {
            int dots = 0;
            while (dots < importPath.length() && importPath.charAt(dots) == '.') {
                dots++;
            }
            Path base = self.getParent();
            for (int i = 1; i < dots && base != null; i++) {
                base = base.getParent();
            }
            if (base == null) {
                return List.of();
            }
            String rest = importPath.substring(dots);
            target = rest.isEmpty() ? base : base.resolve(rest.replace('.', '/'));
        } else {
            Project project = project(self);
            String first = importPath.contains(".") ? importPath.substring(0, importPath.indexOf('.')) : importPath;
            Path dep = project.dependencies().get(first);
            if (dep != null) {
                String rest = importPath.length() > first.length() ? importPath.substring(first.length() + 1) : "";
                target = rest.isEmpty() ? dep : dep.resolve(rest.replace('.', '/'));
            } else {
                target = project.root().resolve(importPath.replace('.', '/'));
            }
        }
        target = target.toAbsolutePath().normalize();
        try {
            if (Files.isDirectory(target)) {
                return ProjectResolver.moduleFiles(target);
            }
        } catch (IOException e) {
            return List.of();
        }
        Path asFile = target.resolveSibling(target.getFileName() + ".k");
        return Files.isRegularFile(asFile) ? List.of(asFile) : List.of();
    }

    /** The top-level declaration {@code member} of an imported module. */
    Optional<Global> global(Analysis from, String importPath, String member) {
        for (Path f : moduleFiles(from, importPath)) {
            Analysis a = analysis(f);
            if (a != null && a.globals.containsKey(member)) {
                return Optional.of(new Global(a, a.globals.get(member)));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<SchemaInfo> schema(Analysis from, String importPath, String member) {
        return global(from, importPath, member).flatMap(g -> g.analysis().schemaOf(g.decl().node()
                instanceof dev.skiff.syntax.Stmt.SchemaDecl s ? s.name() : null));
    }

    private static Project project(Path file) {
        try {
            Project p = Project.discover(file).value();
            if (p != null) {
                return p;
            }
        } catch (RuntimeException e) {
            // fall through
        }
        return new Project(file.getParent(), "main", Map.of(), Map.of(), false);
    }

    /**
     * Every {@code .k} file a change to {@code file} may concern: the project of {@code kcl.mod} (or, without
     * one, the workspace folder holding the file, or its directory), its local dependencies, and the open
     * documents.
     */
    List<Path> projectFiles(Path file, Set<String> openUris) {
        Set<Path> roots = new LinkedHashSet<>();
        Project p = project(file);
        if (p.hasModFile()) {
            roots.add(p.root());
            roots.addAll(p.dependencies().values());
        } else {
            Path folder = null;
            for (Path w : folders) {
                if (file.startsWith(w) && (folder == null || w.getNameCount() > folder.getNameCount())) {
                    folder = w;
                }
            }
            roots.add(folder != null ? folder : file.getParent());
        }
        Set<Path> out = new LinkedHashSet<>();
        out.add(file);
        for (Path root : roots) {
            walk(root, out);
        }
        for (String u : openUris) {
            Path f = pathOf(u);
            if (f != null && f.getFileName().toString().endsWith(".k")) {
                out.add(f);
            }
        }
        return new ArrayList<>(out);
    }

    private static void walk(Path root, Set<Path> out) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(root) && (name.startsWith(".") || name.equals("node_modules") || name.equals("target"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (f.getFileName().toString().endsWith(".k")) {
                        out.add(f.toAbsolutePath().normalize());
                    }
                    return out.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // what was found so far is still useful
        }
    }
}
