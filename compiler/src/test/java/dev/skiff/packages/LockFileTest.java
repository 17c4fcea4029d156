package dev.skiff.packages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LockFileTest {
    /** The layout KCL writes (two-space tables, four-space keys, KCL's key order, names sorted). */
    private static final String KCL_WRITTEN = """
            [dependencies]
              [dependencies.helloworld]
                name = "helloworld"
                full_name = "helloworld_0.1.0"
                version = "0.1.0"
                sum = "PN0OMEV9M8VGFn1CtA/T3bcktmxtDyvB0MeZ0uFKNZs="
                reg = "ghcr.io"
                repo = "kcl-lang/helloworld"
                oci_tag = "0.1.0"
              [dependencies.konfig]
                name = "konfig"
                full_name = "konfig_v0.4.0"
                version = "v0.4.0"
                sum = "aqpWaxrHqUb7yBE7bPrsEvXpkMDNvxeNaD2S3z54CYE="
                url = "https://github.com/kcl-lang/konfig"
                git_tag = "v0.4.0"
              [dependencies.local]
                name = "local"
                full_name = "local_0.0.1"
                version = "0.0.1"
            """;

    @Test
    void readsAndWritesKclsFormatByteForByte() throws Exception {
        LockFile lock = LockFile.parse(KCL_WRITTEN);
        assertThat(lock.entries()).containsOnlyKeys("helloworld", "konfig", "local");
        assertThat(lock.entries().get("konfig").gitTag()).isEqualTo("v0.4.0");
        assertThat(lock.entries().get("helloworld").repo()).isEqualTo("kcl-lang/helloworld");
        assertThat(lock.render()).isEqualTo(KCL_WRITTEN);
    }

    @Test
    void theEntryOfEachSourceHasKclsFields() throws Exception {
        Path root = Path.of("/p");
        String[] why = new String[1];
        LockFile lock = new LockFile(java.util.Map.of(
                "zz", PackageManager.entry(new Dependency.Git("zz", "https://h/zz.git", null, "abc123", null), "S1"),
                "k8s", PackageManager.entry(new Dependency.Registry("k8s", "1.31.2"), "S2"),
                "h", PackageManager.entry(Dependency.oci("h", "oci://localhost:5000/team/h", "1.0", root, why), "S3")));
        assertThat(lock.render()).isEqualTo("""
                [dependencies]
                  [dependencies.h]
                    name = "h"
                    full_name = "h_1.0"
                    version = "1.0"
                    sum = "S3"
                    reg = "localhost:5000"
                    repo = "team/h"
                    oci_tag = "1.0"
                  [dependencies.k8s]
                    name = "k8s"
                    full_name = "k8s_1.31.2"
                    version = "1.31.2"
                    sum = "S2"
                    reg = "ghcr.io"
                    repo = "kcl-lang/k8s"
                    oci_tag = "1.31.2"
                  [dependencies.zz]
                    name = "zz"
                    full_name = "zz_abc123"
                    version = "abc123"
                    sum = "S1"
                    url = "https://h/zz.git"
                    commit = "abc123"
                """);
    }
}
