package dev.skiff.k8s;

import static dev.skiff.validate.PlainObjects.container;
import static dev.skiff.validate.PlainObjects.deployment;
import static dev.skiff.validate.PlainObjects.list;
import static dev.skiff.validate.PlainObjects.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standalone strict schemas, checked by an independent draft-04 validator (networknt) on the same objects. */
@SuppressWarnings("unchecked")
class JsonSchemaWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static SchemaRegistry k8s;
    private static JsonSchemaWriter writer;
    private static JsonSchema deploymentSchema;
    private static JsonSchema serviceSchema;

    @BeforeAll
    static void load() {
        k8s = SchemaRegistry.load("1.36");
        writer = new JsonSchemaWriter(k8s);
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        deploymentSchema = factory.getSchema(writer.schemaOf(new SchemaRegistry.Gvk("apps/v1", "Deployment")));
        serviceSchema = factory.getSchema(writer.schemaOf(new SchemaRegistry.Gvk("v1", "Service")));
    }

    private static Set<ValidationMessage> check(JsonSchema schema, Map<String, Object> object) {
        return schema.validate(MAPPER.valueToTree(object));
    }

    @Test
    void fileNamesFollowKubeconform() {
        assertThat(JsonSchemaWriter.fileName("apps/v1", "Deployment")).isEqualTo("deployment-apps-v1.json");
        assertThat(JsonSchemaWriter.fileName("v1", "Service")).isEqualTo("service-v1.json");
        assertThat(JsonSchemaWriter.fileName("networking.k8s.io/v1", "Ingress")).isEqualTo("ingress-networking-v1.json");
    }

    @Test
    void schemaIsStandaloneAndStrict() {
        ObjectNode s = writer.schemaOf(new SchemaRegistry.Gvk("apps/v1", "Deployment"));
        assertThat(s.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-04/schema#");
        assertThat(s.findValues("$ref")).isEmpty();
        assertThat(s.get("additionalProperties").asBoolean(true)).isFalse();
        JsonNode container = s.at("/properties/spec/properties/template/properties/spec/properties/containers/items");
        assertThat(container.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(container.get("required").toString()).isEqualTo("[\"name\"]");
        assertThat(s.at("/properties/kind/enum").toString()).isEqualTo("[\"Deployment\"]");
    }

    @Test
    void intOrStringIsStringOrInteger() {
        JsonNode s = writer.schemaOf(new SchemaRegistry.Gvk("v1", "Service"));
        assertThat(s.at("/properties/spec/properties/ports/items/properties/targetPort/type").toString())
                .isEqualTo("[\"string\",\"integer\"]");
    }

    @Test
    void aValidDeploymentPasses() {
        assertThat(check(deploymentSchema, deployment(container("ports", list(obj("containerPort", 80L)),
                "resources", obj("limits", obj("cpu", "500m", "memory", 1024L)))))).isEmpty();
    }

    @Test
    void networkntRejectsWhatTheValidatorRejects() {
        var validator = new dev.skiff.validate.Validator(dev.skiff.types.KubernetesSchemas.of(k8s));
        List<Map<String, Object>> bad = List.of(
                deployment(container("imagee", "x")),
                deployment(container("imagePullPolicy", "Sometimes")),
                deployment(container("ports", list(obj("containerPort", "80")))),
                deployment(container("resources", obj("limits", obj("memory", "1Gb")))),
                deployment(obj("image", "nginx")),
                withCreationTimestamp(deployment(container()), "yesterday"));
        for (Map<String, Object> d : bad) {
            assertThat(validator.validate(new dev.skiff.validate.Manifest(d, dev.skiff.eval.value.Values.fromJava(d)),
                    null)).as("skiff on %s", d).isNotEmpty();
            assertThat(check(deploymentSchema, d)).as("networknt on %s", d).isNotEmpty();
        }
    }

    private static Map<String, Object> withCreationTimestamp(Map<String, Object> object, String timestamp) {
        ((Map<String, Object>) object.get("metadata")).put("creationTimestamp", timestamp);
        return object;
    }

    @Test
    void formatsAreChecked() {
        assertThat(check(deploymentSchema, withCreationTimestamp(deployment(container()), "2024-01-31T12:00:00Z")))
                .isEmpty();
    }

    @Test
    void serviceTargetPortAcceptsBothFormsAndRejectsBooleans() {
        Map<String, Object> ok = obj("apiVersion", "v1", "kind", "Service", "spec", obj("ports", list(
                obj("port", 80L, "targetPort", "http"), obj("port", 81L, "targetPort", 8081L))));
        assertThat(check(serviceSchema, ok)).isEmpty();
        Map<String, Object> bad = obj("apiVersion", "v1", "kind", "Service", "spec", obj("ports", list(
                obj("port", 80L, "targetPort", true))));
        assertThat(check(serviceSchema, bad)).isNotEmpty();
    }

    @Test
    void writesOneFilePerKind(@TempDir Path dir) throws Exception {
        List<Path> files = writer.writeAll(dir);
        assertThat(files).hasSize(k8s.kinds().size());
        Path deployment = dir.resolve("deployment-apps-v1.json");
        assertThat(files).contains(deployment, dir.resolve("service-v1.json"), dir.resolve("ingress-networking-v1.json"));
        assertThat(MAPPER.readTree(Files.readString(deployment))).isEqualTo(
                writer.schemaOf(new SchemaRegistry.Gvk("apps/v1", "Deployment")));
    }
}
