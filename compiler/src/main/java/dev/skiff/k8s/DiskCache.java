package dev.skiff.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Schema data that is slow to compute and depends only on its inputs, kept between runs in files named by a
 * hash of those inputs: a changed input is a new name, so an entry is never stale, only unused. The directory
 * is the {@code skiff.cache.dir} property, else {@code $SKIFF_CACHE_DIR}, else {@code $XDG_CACHE_HOME/skiff},
 * else {@code ~/.cache/skiff}; {@code off} turns the cache off. Every failure (an unwritable directory, a
 * damaged file) only means computing the data again.
 */
final class DiskCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DiskCache() {
    }

    /** The cache directory, or null when caching is off or no directory is known. */
    static Path dir() {
        String configured = System.getProperty("skiff.cache.dir");
        if (configured == null) {
            configured = System.getenv("SKIFF_CACHE_DIR");
        }
        if (configured != null) {
            return configured.isBlank() || configured.equals("off") ? null : Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "skiff");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "skiff");
    }

    /** A name for data computed from {@code inputs}: the kind, then a hash of every input in order. */
    static String key(String kind, byte[]... inputs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] in : inputs) {
                sha.update(Integer.toString(in.length).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                sha.update((byte) 0);
                sha.update(in);
            }
            return kind + "-" + HexFormat.of().formatHex(sha.digest(), 0, 16) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static Optional<JsonNode> read(String name) {
        Path dir = dir();
        if (dir == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        try {
            return Files.isRegularFile(file) ? Optional.of(JSON.readTree(file.toFile())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file); // damaged: computed again, and written again
            } catch (IOException ignored) {
                // the next run tries again
            }
            return Optional.empty();
        }
    }

    static void write(String name, JsonNode data) {
        Path dir = dir();
        if (dir == null) {
            return;
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, name, ".tmp");
            JSON.writeValue(tmp.toFile(), data);
            try {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // not cached this time
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file in the cache directory does no harm
                }
            }
        }
    }
}
