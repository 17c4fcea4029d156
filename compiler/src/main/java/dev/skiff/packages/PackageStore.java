package dev.skiff.packages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where fetched packages live, shared with KCL: {@code $KCL_PKG_PATH} when set; otherwise KCL's default, the
 * first that exists of {@code $XDG_DATA_HOME/kcl/modules} (KCL 0.12 and later, {@code ~/.local/share/kcl/modules}
 * without XDG) and {@code ~/.kcl/kpm} (earlier KCL), and the former when neither does. Each package is a
 * directory {@code <name>_<ref>} (as KCL names them), and a project's {@code vendor/} directory, when it holds
 * the package, is used first.
 *
 * @param cache the cache directory (it may not exist yet)
 */
public record PackageStore(Path cache) {
    public static final String ENV = "KCL_PKG_PATH";
    public static final String VENDOR = "vendor";

    /** The store the environment chooses ({@code System.getenv()} and the user's home directory, at the edge). */
    public static PackageStore of(Map<String, String> env, Path home) {
        String set = env.get(ENV);
        if (set != null && !set.isBlank()) {
            return new PackageStore(Path.of(set).toAbsolutePath().normalize());
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path modern = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share")).resolve("kcl/modules");
        Path legacy = home.resolve(".kcl/kpm");
        if (!Files.isDirectory(modern) && Files.isDirectory(legacy)) {
            return new PackageStore(legacy);
        }
        return new PackageStore(modern);
    }

    public static PackageStore fromEnvironment() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public Path cached(Dependency d) {
        return cache.resolve(d.storeName());
    }

    public static Path vendored(Path projectRoot, Dependency d) {
        return projectRoot.resolve(VENDOR).resolve(d.storeName());
    }

    /**
     * Where the package is on disk without fetching anything: the path itself for a local dependency, else the
     * project's vendor copy, else the cached one; null when neither holds it.
     */
    public Path locate(Path projectRoot, Dependency d) {
        if (d instanceof Dependency.Local l) {
            return l.path();
        }
        Path vendored = vendored(projectRoot, d);
        if (Files.isDirectory(vendored)) {
            return vendored;
        }
        Path cached = cached(d);
        return Files.isDirectory(cached) ? cached : null;
    }
}
