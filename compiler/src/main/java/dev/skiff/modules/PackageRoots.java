package dev.skiff.modules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The package each file belongs to, as KCL decides it: the nearest directory above the file holding a
 * {@code kcl.mod}, whose root its absolute imports resolve from and whose dependencies they may name; a file with
 * no {@code kcl.mod} above it belongs to the main project. So konfig's own files import {@code models.kube…} from
 * konfig's root, while a stack's {@code base/base.k} imports {@code konfig.models…} through the {@code kcl.mod}
 * of its application directory. A package reached as a dependency is named by its dependency key in canonical
 * module names, so {@code konfig.models.kube.frontend} is one module however it is imported. Each {@code kcl.mod}
 * is read once per resolver.
 */
final class PackageRoots {
    /**
     * One package.
     *
     * @param name         its import name (a dependency's key, else its package name), or null for the main project
     * @param root         its root directory, absolute and normalized
     * @param dependencies its path dependencies by import name
     */
    record Root(String name, Path root, Map<String, Path> dependencies) {
    }

    private final Root main;
    private final Map<Path, String> dependencyNames = new LinkedHashMap<>();
    private final Map<Path, Root> byDir = new HashMap<>();

    PackageRoots(Project project) {
        this.main = new Root(null, project.root(), project.dependencies());
        byDir.put(project.root(), main);
        project.dependencies().forEach((name, root) -> dependencyNames.putIfAbsent(root, name));
    }

    /** The package {@code dir} belongs to: the nearest {@code kcl.mod} above it, else the main project. */
    Root owner(Path dir) {
        if (dir == null) {
            return main;
        }
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Root known = byDir.get(d);
            if (known != null) {
                return known;
            }
            if (Files.isRegularFile(d.resolve(Project.MOD_FILE))) {
                Project p = Project.read(d).value();
                p.dependencies().forEach((name, root) -> dependencyNames.putIfAbsent(root, name));
                Root r = new Root(dependencyNames.getOrDefault(d, p.name()), d, p.dependencies());
                byDir.put(d, r);
                return r;
            }
        }
        return main;
    }
}
