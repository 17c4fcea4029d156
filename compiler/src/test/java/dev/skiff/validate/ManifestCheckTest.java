package dev.skiff.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.TextRenderer;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.source.SourceFile;
import dev.skiff.types.KubernetesSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain YAML through the validation stage: each problem at the YAML's own line and column, rendered with the
 * YAML line and a caret, and with the code and message the same mistake has in a {@code .k} program.
 */
class ManifestCheckTest {
    private static KubernetesSchemas k8s;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        k8s = KubernetesSchemas.of(SchemaRegistry.load("1.36"));
    }

    private static ManifestCheck.Outcome check(String yaml, ValidationOptions options) {
        return ManifestCheck.check(SourceFile.ofString("in.yaml", yaml), k8s, options);
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels: {app: web}
            spec:
              replica: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    imagePullPolicy: Sometimes
                    ports:
                    - containerPort: "80"
                  - image: sidecar:1
            """;

    @Test
    void problemsAreShownAtTheYamlLinesWithACaret() {
        ManifestCheck.Outcome o = check(DEPLOYMENT, ValidationOptions.STRICT);
        assertThat(o.fileProblems()).isEmpty();
        assertThat(o.objects()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(ManifestCheck.Status.INVALID);
            assertThat(c.title()).isEqualTo("Deployment/web");
            assertThat(c.at().line()).isEqualTo(1);
        });
        assertThat(o.diagnostics()).extracting(Diagnostic::code, d -> d.span().line(), d -> d.span().column())
                .containsExactly(tuple(Code.E0302, 7, 3), tuple(Code.E0301, 15, 9), tuple(Code.E0301, 17, 11),
                        tuple(Code.E0303, 18, 9));
        assertThat(TextRenderer.renderPlain(o.diagnostics())).startsWith("""
                in.yaml:7:3: error[E0302]: schema `DeploymentSpec` has no attribute `replica`
                  |
                7 |   replica: 2
                  |   ^^^^^^^
                   = hint: did you mean `replicas`?
                """).contains("""
                in.yaml:18:9: error[E0303]: attribute `name` of `Container` is required and cannot be None or Undefined
                   |
                18 |       - image: sidecar:1
                   |         ^^^^^^^^^^^^^^^^
                """);
    }

    @Test
    void theSameMistakesInAProgramHaveTheSameCodesAndMessages() throws Exception {
        Path program = dir.resolve("main.k");
        Files.writeString(program, """
                web = {
                    apiVersion = "apps/v1"
                    kind = "Deployment"
                    metadata = {name = "web", labels.app = "web"}
                    spec = {
                        replica = 2
                        selector.matchLabels.app = "web"
                        template.metadata.labels.app = "web"
                        template.spec.containers = [
                            {name = "web", image = "nginx:1.27", imagePullPolicy = "Sometimes", ports = [{containerPort = "80"}]}
                            {image = "sidecar:1"}
                        ]
                    }
                }
                """);
        Compilation c = Skiff.compile(CompileRequest.of(program).withK8sVersion("1.36").withValidation(true));
        List<Diagnostic> yaml = check(DEPLOYMENT, ValidationOptions.STRICT).diagnostics();
        assertThat(c.diagnostics()).extracting(Diagnostic::code, Diagnostic::message, Diagnostic::hints)
                .containsExactlyElementsOf(yaml.stream().map(d -> tuple(d.code(), d.message(), d.hints())).toList());
    }

    @Test
    void listItemsAreObjectsAndOtherDocumentsAreNot() {
        ManifestCheck.Outcome o = check("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: a}
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: b}
                  data: {replicas: 3}
                ---
                - just
                - a list
                ---
                metadata: {name: c}
                """, ValidationOptions.STRICT);
        assertThat(o.objects()).extracting(ManifestCheck.Checked::title, ManifestCheck.Checked::status,
                c -> c.at().line()).containsExactly(
                tuple("ConfigMap/a", ManifestCheck.Status.VALID, 4),
                tuple("ConfigMap/b", ManifestCheck.Status.INVALID, 7),
                tuple("object", ManifestCheck.Status.INVALID, 12),
                tuple("object", ManifestCheck.Status.INVALID, 15));
        assertThat(o.diagnostics()).extracting(Diagnostic::code, d -> d.span().line()).containsExactly(
                tuple(Code.E0301, 10), tuple(Code.E0413, 12), tuple(Code.E0413, 15));
        assertThat(o.diagnostics().get(0).hints()).containsExactly("quote the value: `\"3\"`");
        assertThat(o.diagnostics().get(2).message()).isEqualTo("expected a Kubernetes object (a mapping with "
                + "`apiVersion` and `kind`), found a mapping without string `apiVersion` and `kind`");
    }

    @Test
    void keysStartingWithAnUnderscoreAreFieldsInYaml() {
        ManifestCheck.Outcome o = check("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, _owner: me}
                """, ValidationOptions.STRICT);
        assertThat(o.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Code.E0302);
            assertThat(d.message()).isEqualTo("schema `ObjectMeta` has no attribute `_owner`");
            assertThat(d.span().line()).isEqualTo(3);
            assertThat(d.span().text()).isEqualTo("_owner");
        });
    }

    @Test
    void anObjectTwiceIsAnErrorAtTheSecondLabelledAtTheFirst() {
        ManifestCheck.Outcome o = check("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: shop}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, namespace: cart}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  namespace: shop
                  name: a
                """, ValidationOptions.STRICT);
        assertThat(o.objects()).extracting(ManifestCheck.Checked::status).containsExactly(
                ManifestCheck.Status.VALID, ManifestCheck.Status.VALID, ManifestCheck.Status.INVALID);
        assertThat(TextRenderer.renderPlain(o.diagnostics())).isEqualTo("""
                in.yaml:13:3: error[E0416]: ConfigMap `shop/a` is emitted twice: applied together, one would replace the other
                   |
                13 |   name: a
                   |   ^^^^
                   --> in.yaml:3:12
                   |
                3  | metadata: {name: a, namespace: shop}
                   |            ---- first emitted here
                    = hint: give the objects different names or namespaces, or emit the object once
                """);
    }

    @Test
    void skippedKindsAndKindsWithoutSchemasAreLeftUnchecked() {
        String yaml = """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: web}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {ports: [{port: http}]}
                """;
        ManifestCheck.Outcome strict = check(yaml, ValidationOptions.STRICT);
        assertThat(strict.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E0410, Code.E0301);
        assertThat(strict.diagnostics().get(0).hints()).singleElement().asString()
                .contains("`--crd FILE`").contains("`--skip ServiceMonitor`");

        ManifestCheck.Outcome lenient = check(yaml, new ValidationOptions(Set.of("v1/Service"), true));
        assertThat(lenient.diagnostics()).isEmpty();
        assertThat(lenient.objects()).extracting(ManifestCheck.Checked::status)
                .containsOnly(ManifestCheck.Status.SKIPPED);

        ManifestCheck.Outcome byKind = check(yaml, new ValidationOptions(Set.of("Service"), false));
        assertThat(byKind.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E0410);
    }

    @Test
    void malformedYamlIsAFileProblemAtItsLine() {
        ManifestCheck.Outcome o = check("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a}
                metadata: {name: b}
                """, ValidationOptions.STRICT);
        assertThat(o.objects()).isEmpty();
        assertThat(o.fileProblems()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Code.E0413);
            assertThat(d.span().line()).isEqualTo(4);
            assertThat(d.message()).contains("Duplicate field 'metadata'");
        });
    }

    @Test
    void programsLeaveOutTheSameKindsThroughTheRequest() throws Exception {
        Path program = dir.resolve("main.k");
        Files.writeString(program, """
                monitor = {apiVersion = "monitoring.coreos.com/v1", kind = "ServiceMonitor", metadata.name = "web"}
                svc = {apiVersion = "v1", kind = "Service", metadata.name = "web", spec.ports = [{port = "http"}]}
                again = {apiVersion = "v1", kind = "Service", metadata.name = "web"}
                """);
        CompileRequest request = CompileRequest.of(program).withK8sVersion("1.36");
        assertThat(Skiff.compile(request.withValidation(true)).diagnostics()).extracting(Diagnostic::code)
                .containsExactly(Code.E0416, Code.E0410, Code.E0301);
        Compilation lenient = Skiff.compile(request.withValidation(new ValidationOptions(Set.of("Service"), true)));
        // left unchecked, but still emitted; a duplicate is an error whatever the options
        assertThat(lenient.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E0416);
        assertThat(lenient.manifests()).hasSize(3);
        assertThat(lenient.validation().unchecked()).hasSize(3);
    }

    @Test
    void emptyDocumentsAreNothingAndAliasesAndMergeKeysAreResolved() {
        ManifestCheck.Outcome o = check("""
                ---
                # Source: chart/templates/disabled.yaml
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: &meta
                    name: a
                    labels: &labels {app: shop}
                - apiVersion: v1
                  kind: Service
                  metadata:
                    <<: *meta
                    name: b
                  spec:
                    selector: *labels
                    ports:
                    - &port {port: 80, protocl: TCP}
                    - *port
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, labels: *labels}
                """, ValidationOptions.STRICT);
        assertThat(o.objects()).extracting(ManifestCheck.Checked::title).containsExactly("ConfigMap/a", "Service/b");
        // the merged metadata has the name written beside `<<` (else Service `a` would be valid)
        assertThat(o.objects().get(1).status()).isEqualTo(ManifestCheck.Status.INVALID);
        // the typo, once written, is reported for both ports, each time where it was written
        assertThat(o.diagnostics()).extracting(Diagnostic::code, d -> d.span().line(), d -> d.span().text())
                .containsExactly(tuple(Code.E0413, 25, ""), tuple(Code.E0302, 20, "protocl"),
                        tuple(Code.E0302, 20, "protocl"));
        // an anchor belongs to its document, as in every YAML reader
        assertThat(o.fileProblems()).singleElement().extracting(Diagnostic::message)
                .isEqualTo("not valid YAML: the alias `*labels` names no anchor written before it");
    }

    @Test
    void aliasesThatWouldExpandWithoutBoundAreAnError() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        ManifestCheck.Outcome o = check(yaml.toString(), ValidationOptions.STRICT);
        assertThat(o.objects()).isEmpty();
        assertThat(o.fileProblems()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Code.E0413);
            assertThat(d.message()).contains("aliases expand to more than");
        });
    }
}
