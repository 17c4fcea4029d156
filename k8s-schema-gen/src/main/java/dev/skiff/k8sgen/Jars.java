package dev.skiff.k8sgen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** Jar files in a directory, and an isolated class loader over some of them. */
final class Jars {
    private Jars() {
    }

    static List<Path> in(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** A loader whose parent is the platform loader, so neither the generator nor another version leaks in. */
    static URLClassLoader loader(Path first, Collection<Path> rest) {
        List<URL> urls = new ArrayList<>();
        try {
            if (first != null) {
                urls.add(first.toUri().toURL());
            }
            for (Path p : rest) {
                urls.add(p.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
