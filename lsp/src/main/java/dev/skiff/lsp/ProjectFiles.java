package dev.skiff.lsp;

import dev.skiff.modules.Project;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The workspace's folders and the {@code .k} files a change or a reference may concern: the project of the
 * nearest {@code kcl.mod} (and its local dependencies), or the workspace folder holding the file.
 */
final class ProjectFiles {
    private static final int MAX_FILES = 5000;

    private final List<Path> folders = new CopyOnWriteArrayList<>();

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

    /** Every {@code .k} file of the project {@code file} belongs to, the open documents that are files included. */
    List<Path> files(Path file, Set<String> openUris) {
        Set<Path> roots = new LinkedHashSet<>();
        Project p = Project.discover(file).value();
        if (p != null && p.hasModFile()) {
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
            Path f = Uris.pathOf(u);
            if (f != null && f.getFileName().toString().endsWith(".k")) {
                out.add(f);
            }
        }
        return new ArrayList<>(out);
    }

    private static void walk(Path root, Set<Path> out) {
        if (root == null || !Files.isDirectory(root)) {
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
