package dev.skiff.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Result;
import dev.skiff.diag.TextRenderer;
import dev.skiff.imports.ManifestImporter;
import dev.skiff.imports.SameObjects;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.modules.Project;
import dev.skiff.source.SourceFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code skiff import} on what every example builds: the imported program, typed by the example's own
 * project (its CRDs), builds back exactly the example's objects.
 */
class ImportExamplesTest {
    @TestFactory
    Stream<DynamicTest> importingAnExamplesOutputBuildsTheSameObjects() throws IOException {
        return Examples.cases().stream().filter(c -> !Examples.build(c).objects().isEmpty())
                .map(example -> DynamicTest.dynamicTest(example.name(), example.dir().toUri(), () -> check(example)));
    }

    private static void check(Examples.Case example) throws IOException {
        Path dir = example.dir();
        Path yaml = example.expected();
        Project project = Project.discover(dir.resolve("main.k")).value();
        Path at = dir.resolve("imported.k");
        CompileRequest request = new CompileRequest(List.of(at), Map.of(), Examples.root(),
                new PrintStream(OutputStream.nullOutputStream()));
        SchemaRegistry registry = SchemaRegistry.with(null, Skiff.crds(request, project)).value();
        Result<ManifestImporter.Imported> imported = ManifestImporter.importYaml(List.of(
                SourceFile.of(yaml, "expected.yaml", Files.readString(yaml, StandardCharsets.UTF_8))), registry);
        assertThat(imported.diagnostics()).as(TextRenderer.renderPlain(imported.diagnostics())).isEmpty();
        String program = imported.value().program();
        assertThat(program).as("every object is typed").doesNotContainPattern("(?m)^\\w+ = \\{");
        Compilation c = Skiff.compile(request.withOverlay(Map.of(at, program)).withValidation(true));
        assertThat(c.diagnostics()).as(TextRenderer.renderPlain(c.diagnostics()) + "\n" + program).isEmpty();
        List<Map<String, Object>> built = new ArrayList<>();
        c.manifests().forEach(m -> built.add(m.data()));
        assertThat(SameObjects.differences(imported.value().objects(), built)).as(program).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> original = (List<Map<String, Object>>) (List<?>) dev.skiff.emit.DataReader
                .readYamlStream(Files.readString(yaml, StandardCharsets.UTF_8));
        assertThat(SameObjects.differences(original, built)).as("nothing of the example is lost").isEmpty();
    }
}
