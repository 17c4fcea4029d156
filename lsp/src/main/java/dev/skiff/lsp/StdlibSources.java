package dev.skiff.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stdlib's sources ({@code skiff.app}, …) live in a jar; editors open files, so each module is copied
 * once into a cache directory under the system temp directory (named by a hash of its text, so a newer
 * Skiff never shows an older copy) and made read-only.
 */
final class StdlibSources {
    private static final Map<String, Path> EXTRACTED = new ConcurrentHashMap<>();

    private StdlibSources() {
    }

    /** The directory all extracted stdlib files live under. */
    static Path root() {
        return Path.of(System.getProperty("java.io.tmpdir"), "skiff-lsp-stdlib").toAbsolutePath().normalize();
    }

    static boolean contains(Path file) {
        return file.toAbsolutePath().normalize().startsWith(root());
    }

    /** The file holding stdlib module {@code skiff.x}, or null when there is none. */
    static Path file(String module) {
        if (!module.startsWith("skiff.")) {
            return null;
        }
        return EXTRACTED.computeIfAbsent(module, StdlibSources::extract);
    }

    private static Path extract(String module) {
        String resource = module.replace('.', '/') + ".k";
        try (InputStream in = StdlibSources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Path dir = root().resolve(Integer.toHexString(text.hashCode()));
            Path file = dir.resolve(resource);
            if (!Files.isRegularFile(file) || !Files.readString(file).equals(text)) {
                Files.createDirectories(file.getParent());
                Path tmp = Files.createTempFile(file.getParent(), "stdlib", ".tmp");
                Files.writeString(tmp, text);
                tmp.toFile().setReadOnly();
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return file;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
