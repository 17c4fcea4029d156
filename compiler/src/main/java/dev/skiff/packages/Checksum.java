package dev.skiff.packages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checksum {@code kcl.mod.lock} records for a package ({@code sum = "…"}), computed as KCL's package manager
 * computes it, so that one lock file serves both tools: SHA-256 over the contents of every regular file of the
 * package directory, concatenated in the order of a depth-first walk that visits each directory's entries sorted
 * by their names' bytes, then Base64 (standard alphabet, padded). Paths containing {@code .git} or {@code .tar}
 * anywhere (a clone's metadata, a downloaded archive) are left out, as KCL leaves them out; file names, modes and
 * directories themselves do not count.
 */
public final class Checksum {
    private Checksum() {
    }

    public static String of(Path dir) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        walk(dir, dir.toString(), sha);
        return Base64.getEncoder().encodeToString(sha.digest());
    }

    /** {@code shown} is the path as KCL's walk spells it, which is what the ignore rule looks at. */
    private static void walk(Path p, String shown, MessageDigest sha) throws IOException {
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> children;
            try (Stream<Path> s = Files.list(p)) {
                children = new ArrayList<>(s.toList());
            }
            children.sort((a, b) -> Arrays.compare(bytes(a), bytes(b)));
            for (Path c : children) {
                walk(c, shown + "/" + c.getFileName(), sha);
            }
            return;
        }
        if (shown.contains(".git") || shown.contains(".tar")) {
            return;
        }
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
    }

    private static byte[] bytes(Path p) {
        return p.getFileName().toString().getBytes(StandardCharsets.UTF_8);
    }
}
