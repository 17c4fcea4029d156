package dev.skiff.modules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packages of a program by root directory: the main project and every path dependency, reached through the
 * main {@code kcl.mod} and, transitively, through each dependency's own {@code kcl.mod}. A file belongs to the
 * package with the deepest root holding it (a stack inside konfig's checkout is its own project, not konfig), and
 * its absolute imports resolve from that root and against that package's dependencies, as KCL resolves them.
 * Built once per resolver; each dependency's {@code kcl.mod} is read once.
 */
final class PackageRoots {
    /**
     * One package.
     *
     * @param name         its import name (a dependency's key), or null for the main project
     * @param root         its root directory, absolute and normalized
     * @param dependencies its path dependencies by import name
     */
    record Root(String name, Path root, Map<String, Path> dependencies) {
    }

    private final List<Root> roots = new ArrayList<>();

    PackageRoots(Project main) {
        Root top = new Root(null, main.root(), main.dependencies());
        roots.add(top);
        Map<Path, Root> seen = new HashMap<>();
        seen.put(main.root(), top);
        List<Root> pending = new ArrayList<>(List.of(top));
        while (!pending.isEmpty()) {
            Root r = pending.remove(pending.size() - 1);
            for (Map.Entry<String, Path> dep : r.dependencies().entrySet()) {
                Path depRoot = dep.getValue();
                if (seen.containsKey(depRoot)) {
                    continue;
                }
                Map<String, Path> own = java.nio.file.Files.isRegularFile(depRoot.resolve(Project.MOD_FILE))
                        ? Project.read(depRoot).value().dependencies() : Map.of();
                Root added = new Root(dep.getKey(), depRoot, own);
                seen.put(depRoot, added);
                roots.add(added);
                pending.add(added);
            }
        }
    }

    /** The package {@code dir} belongs to: the deepest root holding it; the main project when none does. */
    Root owner(Path dir) {
        Root best = roots.get(0);
        if (dir == null) {
            return best;
        }
        Path abs = dir.toAbsolutePath().normalize();
        int depth = -1;
        for (Root r : roots) {
            if (abs.startsWith(r.root()) && r.root().getNameCount() > depth) {
                best = r;
                depth = r.root().getNameCount();
            }
        }
        return best;
    }
}
