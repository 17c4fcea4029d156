package dev.skiff.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock's {@code sum} is KCL's: SHA-256 over file contents in KCL's walk order, clone metadata and archives left out. */
class ChecksumTest {
    @TempDir
    Path dir;

    @Test
    void hashesContentsInTheOrderOfADepthFirstWalkSortedByNameWithinEachDirectory() throws Exception {
        write("a.k", "A");
        write("a/b.k", "B");
        write("m/n.k", "N");
        write(".git/config", "G");
        write("pkg.tar", "T");
        write("sub/.gitignore", "I");
        // within the root: ".git" < "a" < "a.k" < "m" < "pkg.tar" < "sub", so a/b.k comes before a.k
        // (sorting whole paths would put "a.k" first); anything with .git or .tar in its path is left out
        assertThat(Checksum.of(dir)).isEqualTo(sha("BAN"));
    }

    @Test
    void namesAndEmptyDirectoriesDoNotCountOnlyContents() throws Exception {
        write("x.k", "same");
        String before = Checksum.of(dir);
        Files.createDirectories(dir.resolve("empty"));
        assertThat(Checksum.of(dir)).isEqualTo(before);
        Files.move(dir.resolve("x.k"), dir.resolve("y.k"));
        assertThat(Checksum.of(dir)).isEqualTo(before).isEqualTo(sha("same"));
        write("y.k", "changed");
        assertThat(Checksum.of(dir)).isNotEqualTo(before);
    }

    private void write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static String sha(String s) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
