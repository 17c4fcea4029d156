package dev.skiff.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.skiff.k8s.JsonSchemaWriter;
import dev.skiff.k8s.SchemaRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * An independent check of every example object: the standalone strict JSON Schemas Skiff generates
 * (draft-04, every {@code $ref} inlined, {@code additionalProperties: false} — kubeconform's layout), run
 * by another validator (networknt). It must agree with Skiff's own validator that the objects are valid.
 */
class ExampleSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyExampleObjectPassesTheStrictJsonSchema() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Examples.Case c : Examples.cases()) {
            Path dir = c.dir();
            Examples.Built b = Examples.build(c);
            List<Path> crds = Files.isDirectory(dir.resolve("crds")) ? List.of(dir.resolve("crds")) : List.of();
            SchemaRegistry registry = SchemaRegistry.with(null, crds).value();
            JsonSchemaWriter writer = new JsonSchemaWriter(registry);
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
            for (dev.skiff.validate.Manifest m : b.objects()) {
                String name = c.name() + ": " + m.kind() + " " + m.name();
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    JsonSchema schema = factory.getSchema(writer.schemaOf(new SchemaRegistry.Gvk(m.apiVersion(), m.kind())));
                    JsonNode object = JSON.valueToTree(m.data());
                    Set<ValidationMessage> errors = schema.validate(object);
                    assertThat(errors).as(name).isEmpty();
                }));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(12);
        return tests.stream();
    }
}
