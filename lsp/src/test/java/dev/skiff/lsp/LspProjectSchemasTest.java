package dev.skiff.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion and diagnostics follow the project's kcl.mod: its CRDs are typed like built-in kinds. */
class LspProjectSchemasTest {
    @TempDir
    Path dir;

    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              names: {kind: Widget, plural: widgets}
              scope: Namespaced
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      spec:
                        type: object
                        required: [size]
                        properties:
                          size: {type: integer, minimum: 1, description: How many widgets.}
                          color: {type: string, enum: [red, blue]}
            """;

    @Test
    void aCrdListedInKclModCompletesAndChecksLikeABuiltInKind() throws Exception {
        Files.writeString(dir.resolve("kcl.mod"), "[package]\nname = \"w\"\n\n[skiff]\ncrds = [\"crds/\"]\n");
        Files.createDirectories(dir.resolve("crds"));
        Files.writeString(dir.resolve("crds/widget.yaml"), CRD);
        String text = """
                import crds.example.com.v1 as ex

                w = ex.Widget {
                    metadata.name = "w"
                    spec = {
                        size = 2
                           \s
                    }
                }
                """;
        try (LspTestClient client = new LspTestClient(dir)) {
            String uri = client.open(dir.resolve("main.k"), text);
            assertThat(client.diagnostics(uri)).isEmpty();
            var at = LspTestClient.at(text, "size = 2\n", "size = 2\n".length() + 8);
            List<CompletionItem> items = client.server.getTextDocumentService()
                    .completion(new CompletionParams(new TextDocumentIdentifier(uri), at)).get(10, TimeUnit.SECONDS).getLeft();
            assertThat(items).extracting(CompletionItem::getLabel).contains("color").doesNotContain("size", "replicas");

            client.replace(uri, text.replace("size = 2", "size = 0"));
            assertThat(client.diagnostics(uri)).anySatisfy(d -> assertThat(d.getMessage()).contains("size"));
        }
    }

    @Test
    void importPathsCompleteSegmentBySegment() throws Exception {
        Files.writeString(dir.resolve("kcl.mod"), "[package]\nname = \"w\"\n");
        Files.createDirectories(dir.resolve("lib/teams"));
        Files.writeString(dir.resolve("lib/teams/teams.k"), "default_size = 3\n");
        try (LspTestClient client = new LspTestClient(dir)) {
            String text = "import k8s.api.a\n";
            String uri = client.open(dir.resolve("main.k"), text);
            List<CompletionItem> groups = complete(client, uri, LspTestClient.at(text, "api.a", 5));
            assertThat(groups).extracting(CompletionItem::getLabel).contains("apps", "autoscaling", "admissionregistration")
                    .doesNotContain("core");
            client.replace(uri, "import k8s.api.apps.\n");
            assertThat(complete(client, uri, LspTestClient.at("import k8s.api.apps.\n", "apps.", 5)))
                    .extracting(CompletionItem::getLabel).containsExactly("v1");
            client.replace(uri, "import li\n");
            assertThat(complete(client, uri, LspTestClient.at("import li\n", "li", 2)))
                    .extracting(CompletionItem::getLabel).containsExactly("lib");
            client.replace(uri, "import sk\n");
            assertThat(complete(client, uri, LspTestClient.at("import sk\n", "sk", 2)))
                    .extracting(CompletionItem::getLabel).containsExactly("skiff");
        }
    }

    private static List<CompletionItem> complete(LspTestClient client, String uri, org.eclipse.lsp4j.Position at)
            throws Exception {
        return client.server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), at))
                .get(10, TimeUnit.SECONDS).getLeft();
    }
}
