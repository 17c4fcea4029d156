package dev.skiff.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.TextRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example a user may copy builds, and builds to exactly the output checked in beside it
 * ({@code examples/NAME/main.k} and {@code examples/NAME/expected.yaml}). {@code SKIFF_UPDATE=1} rewrites
 * the expected files.
 */
class ExamplesTest {
    static Path examples() {
        return Path.of(System.getProperty("skiff.repo", "..")).resolve("examples").toAbsolutePath().normalize();
    }

    @TestFactory
    Stream<DynamicTest> examplesBuildToTheirExpectedOutput() throws IOException {
        List<Path> mains;
        try (Stream<Path> s = Files.list(examples())) {
            mains = s.map(d -> d.resolve("main.k")).filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(mains).as("examples").isNotEmpty();
        return mains.stream().map(main -> DynamicTest.dynamicTest(main.getParent().getFileName().toString(),
                main.toUri(), () -> check(main)));
    }

    private static void check(Path main) throws IOException {
        Compilation c = Skiff.compile(CompileRequest.of(main).withWorkDir(examples()));
        assertThat(c.hasErrors()).as(TextRenderer.renderPlain(c.diagnostics())).isFalse();
        Path expected = main.resolveSibling("expected.yaml");
        boolean missing = !Files.exists(expected);
        if ("1".equals(System.getenv("SKIFF_UPDATE")) || missing) {
            Files.writeString(expected, c.yaml(), StandardCharsets.UTF_8);
            assertThat(missing).as(expected + " was missing; it has been written: review it and run again").isFalse();
        }
        assertThat(c.yaml()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
