package dev.skiff.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.doc.MarkdownDoc;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stdlib reference in docs/ is what `skiff doc` generates from the stdlib's docstrings today. */
class StdlibDocsTest {
    @Test
    void appReferenceIsUpToDate() throws IOException {
        String source;
        try (InputStream in = StdlibDocsTest.class.getClassLoader().getResourceAsStream("skiff/app.k")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var parsed = Parser.parse(SourceFile.ofString("<stdlib>/skiff/app.k", source));
        assertThat(parsed.diagnostics()).isEmpty();
        String generated = MarkdownDoc.render("skiff.app", List.of(parsed.value()));
        Path committed = Path.of(System.getProperty("skiff.repo", "..")).resolve("docs/stdlib/app.md");
        if ("1".equals(System.getenv("SKIFF_UPDATE"))) {
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("docs/stdlib/app.md is stale: run `./skiff doc skiff.app -o docs/stdlib/app.md`")
                .isEqualTo(generated);
    }
}
