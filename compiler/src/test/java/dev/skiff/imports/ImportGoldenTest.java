package dev.skiff.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Result;
import dev.skiff.diag.TextRenderer;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Formatter;
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
 * {@code skiff import} cases: {@code import/NAME.yaml} beside the program it must become
 * ({@code NAME.k}) and the diagnostics it must report ({@code NAME.err}, warnings included). Every program
 * is also built, and must give back the input's objects. {@code SKIFF_UPDATE=1} rewrites the expected files.
 */
class ImportGoldenTest {
    static Path root() {
        return Path.of("src/test/resources/import").toAbsolutePath();
    }

    private static boolean updating() {
        return "1".equals(System.getenv("SKIFF_UPDATE")) || Boolean.getBoolean("skiff.update");
    }

    @TestFactory
    Stream<DynamicTest> imports() throws IOException {
        List<Path> inputs;
        try (Stream<Path> s = Files.list(root())) {
            inputs = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(inputs).isNotEmpty();
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(), () -> check(p)));
    }

    private static void check(Path input) throws IOException {
        String stem = input.getFileName().toString().replaceFirst("\\.yaml$", "");
        SourceFile file = SourceFile.of(input, input.getFileName().toString(), Files.readString(input, StandardCharsets.UTF_8));
        Result<ManifestImporter.Imported> r = ManifestImporter.importYaml(List.of(file), registry());
        String program = r.value() == null ? null : r.value().program();
        String err = r.diagnostics().isEmpty() ? null : TextRenderer.renderPlain(r.diagnostics());
        compare(input.resolveSibling(stem + ".k"), program);
        compare(input.resolveSibling(stem + ".err"), err);
        if (program != null) {
            assertThat(Formatter.format(program)).as("the program is in the canonical layout").isEqualTo(program);
            List<String> problems = buildAgainst(program, input.resolveSibling(stem + ".k"), r.value().objects());
            if (r.diagnostics().stream().anyMatch(d -> d.code() == dev.skiff.diag.Code.E0410)) {
                // a kind without a schema imports untyped, and the build then asks for its CRD
                assertThat(problems).singleElement().asString().contains("error[E0410]");
            } else {
                assertThat(problems).isEmpty();
            }
        }
    }

    static SchemaRegistry registry() {
        return SchemaRegistry.with(null, List.of()).value();
    }

    /** Builds {@code program} as if saved at {@code at}: problems, and the differences from {@code expected}. */
    static List<String> buildAgainst(String program, Path at, List<Map<String, Object>> expected) {
        CompileRequest request = new CompileRequest(List.of(at), Map.of(), at.getParent(),
                new PrintStream(OutputStream.nullOutputStream())).withOverlay(Map.of(at, program));
        Compilation c = Skiff.compile(request.withValidation(true));
        if (c.hasErrors()) {
            return List.of((c.validation() == null ? "does not compile:\n" : "does not validate:\n")
                    + TextRenderer.renderPlain(c.diagnostics()) + "\n" + program);
        }
        if (expected == null) {
            return List.of();
        }
        List<Map<String, Object>> built = new ArrayList<>();
        c.manifests().forEach(m -> built.add(m.data()));
        List<String> d = SameObjects.differences(expected, built);
        return d.isEmpty() ? d : List.of(String.join("\n", d) + "\n" + program);
    }

    private static void compare(Path expected, String actual) throws IOException {
        if (updating()) {
            if (actual == null) {
                Files.deleteIfExists(expected);
            } else {
                Files.writeString(expected, actual, StandardCharsets.UTF_8);
            }
            return;
        }
        if (actual == null) {
            assertThat(expected).as("nothing was produced, so there must be no " + expected.getFileName()).doesNotExist();
            return;
        }
        if (!Files.exists(expected)) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            fail("no " + expected.getFileName() + "; wrote it — review it and run again");
        }
        assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
