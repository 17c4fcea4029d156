package dev.skiff.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.diag.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stdlib's CRDs, read from YAML, are kept between runs in the cache directory, named by their contents:
 * the cached form is exactly what reading them gives, a damaged entry is read again from the YAML (and
 * replaced), and with the cache off nothing is written.
 */
class BuiltInCrdCacheTest {
    @TempDir
    Path cache;
    private String before;

    @BeforeEach
    void useTemporaryCache() {
        before = System.getProperty("skiff.cache.dir");
        System.setProperty("skiff.cache.dir", cache.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("skiff.cache.dir");
        } else {
            System.setProperty("skiff.cache.dir", before);
        }
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> s = Files.list(cache)) {
            return s.toList();
        }
    }

    @Test
    void theCachedFormIsWhatReadingTheYamlGives() throws Exception {
        Result<JsonNode> read = CrdLoader.loadBuiltIn();
        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.value().path("definitions").size()).isPositive();
        assertThat(entries()).hasSize(1);
        Result<JsonNode> cached = CrdLoader.loadBuiltIn();
        assertThat(cached.value()).isEqualTo(read.value());
        assertThat(cached.value().toString()).isEqualTo(read.value().toString());
    }

    @Test
    void aDamagedEntryIsReadAgainFromTheYaml() throws Exception {
        JsonNode fresh = CrdLoader.loadBuiltIn().value();
        Path entry = entries().get(0);
        Files.writeString(entry, "{\"definitions\": {");
        assertThat(CrdLoader.loadBuiltIn().value()).isEqualTo(fresh);
        assertThat(CrdLoader.loadBuiltIn().value()).isEqualTo(fresh);
        assertThat(Files.readString(entry)).isNotEqualTo("{\"definitions\": {");
    }

    @Test
    void offWritesNothing() throws Exception {
        System.setProperty("skiff.cache.dir", "off");
        assertThat(CrdLoader.loadBuiltIn().value().path("definitions").size()).isPositive();
        assertThat(entries()).isEmpty();
    }
}
