package dev.skiff.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.diag.TextRenderer;
import dev.skiff.emit.YamlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example a user may copy builds without a diagnostic, and to exactly the output checked in beside it
 * ({@code examples/NAME/expected.yaml}: what {@code skiff build examples/NAME} prints, or for an example
 * without Kubernetes objects what {@code skiff run} prints; for an example whose kcl.mod declares
 * environments, {@code expected/ENV.yaml}, what {@code -D env=ENV} builds). {@code SKIFF_UPDATE=1} rewrites them.
 */
class ExamplesTest {
    @Test
    void theExamplesAUserNeedsAreThere() throws IOException {
        List<String> names = Examples.all().stream().map(p -> p.getFileName().toString()).toList();
        assertThat(names).contains("webapp", "database", "cronjob", "operator-rbac", "overlays", "custom-resource",
                "app-environments", "wasm-app", "keda-scale-to-zero");
    }

    @TestFactory
    Stream<DynamicTest> examplesBuildToTheirExpectedOutput() throws IOException {
        return Examples.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), c.dir().toUri(), () -> check(c)));
    }

    private static void check(Examples.Case c) throws IOException {
        Examples.Built b = Examples.build(c);
        assertThat(b.compilation().diagnostics()).as(TextRenderer.renderPlain(b.compilation().diagnostics())).isEmpty();
        String text;
        if (b.objects().isEmpty()) {
            text = b.compilation().yaml();
        } else {
            List<Object> docs = new ArrayList<>();
            b.objects().forEach(m -> docs.add(m.data()));
            text = YamlWriter.writeStream(docs);
        }
        Path expected = c.expected();
        boolean missing = !Files.exists(expected);
        if ("1".equals(System.getenv("SKIFF_UPDATE")) || missing) {
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, text, StandardCharsets.UTF_8);
            assertThat(missing).as(expected + " was missing; it has been written: review it and run again").isFalse();
        }
        assertThat(text).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
