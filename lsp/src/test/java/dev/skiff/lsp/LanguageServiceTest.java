package dev.skiff.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The features called directly, as an editor's request reaches them: a document with a cursor marker
 * ({@code ‸}), and the exact answer. Dotted keys at any depth, qualified names, attributes through function
 * results and comprehension variables, and half-typed code.
 */
class LanguageServiceTest {
    @TempDir
    Path dir;

    private final LanguageService service = new LanguageService();

    /** Opens {@code text} (the marker removed) as {@code main.k}; returns the URI and the marker's position. */
    private record Opened(String uri, Position at, String text) {
    }

    private Opened open(String marked) throws IOException {
        int offset = marked.indexOf('‸');
        String text = marked.replace("‸", "");
        Path file = dir.resolve("main.k");
        Files.writeString(file, text);
        String uri = file.toUri().toString();
        service.docs.put(uri, 1, text);
        String before = text.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        return new Opened(uri, new Position(line, offset - before.lastIndexOf('\n') - 1), text);
    }

    private String hover(String marked) throws IOException {
        Opened o = open(marked);
        Hover h = service.hover(o.uri(), o.at());
        return h == null ? null : h.getContents().getRight().getValue();
    }

    private List<String> complete(String marked) throws IOException {
        Opened o = open(marked);
        return service.completion(o.uri(), o.at()).stream().map(CompletionItem::getLabel).toList();
    }

    private static final String DEPLOYMENT = """
            import k8s.api.apps.v1 as apps

            d = apps.Deployment {
                metadata.name = "web"
                spec = {
                    selector.matchLabels = {app = "web"}
                    template.spec.containers = [{name = "web", image = "nginx"}]
                }
            }
            """;

    @Test
    void hoverOnEachPartOfADottedKey() throws IOException {
        assertThat(hover(DEPLOYMENT.replace("metadata.name", "meta‸data.name")))
                .startsWith("```\nmetadata?: ObjectMeta\n```").contains("attribute of `Deployment`")
                .contains("ObjectMeta is metadata that all persisted resources must have");
        assertThat(hover(DEPLOYMENT.replace("metadata.name", "metadata.na‸me")))
                .startsWith("```\nname?: str\n```").contains("attribute of `ObjectMeta`");
        assertThat(hover(DEPLOYMENT.replace("selector.matchLabels", "sel‸ector.matchLabels")))
                .startsWith("```\nselector: LabelSelector  (required)\n```");
        assertThat(hover(DEPLOYMENT.replace("selector.matchLabels", "selector.match‸Labels")))
                .startsWith("```\nmatchLabels?: {str:str}\n```");
        assertThat(hover(DEPLOYMENT.replace("template.spec.containers", "template.spec.contain‸ers")))
                .startsWith("```\ncontainers: [Container]  (required)\n```");
    }

    @Test
    void hoverOnAQualifiedSchemaName() throws IOException {
        assertThat(hover(DEPLOYMENT.replace("apps.Deployment", "apps.Deploy‸ment")))
                .startsWith("```\nschema Deployment  (apps/v1)\n```").contains("- `spec: DeploymentSpec`");
    }

    @Test
    void hoverOnAVariableShowsItsInferredType() throws IOException {
        assertThat(hover("""
                schema Person:
                    name: str

                make = lambda n: str { Person {name = n} }
                who = make("a")
                label = wh‸o.name
                """)).isEqualTo("```\nwho: Person\n```");
    }

    @Test
    void completionAfterADotInAKeyAsTheLastEntry() throws IOException {
        // the text does not parse (`metadata.` has no value yet): the context comes from a repaired copy
        List<String> labels = complete("""
                import k8s.api.apps.v1 as apps

                d = apps.Deployment {
                    spec.replicas = 1
                    metadata.‸
                }
                """);
        assertThat(labels).contains("name", "namespace", "labels", "annotations").doesNotContain("replicas", "spec");
    }

    @Test
    void completionAfterADotInANestedDottedKey() throws IOException {
        List<String> labels = complete("""
                import k8s.api.apps.v1 as apps

                d = apps.Deployment {
                    spec.template.spec.‸
                }
                """);
        assertThat(labels).contains("containers", "volumes", "nodeSelector");
    }

    @Test
    void completionThroughFunctionResultsAndComprehensionVariables() throws IOException {
        String program = """
                schema Person:
                    name: str
                    age?: int

                make = lambda n: str { Person {name = n} }
                people: [Person] = [make("a")]
                """;
        assertThat(complete(program + "x = make(\"b\").‸\n")).containsExactlyInAnyOrder("name", "age");
        assertThat(complete(program + "names = [p.‸ for p in people]\n")).containsExactlyInAnyOrder("name", "age");
    }

    @Test
    void completionOfKeysLeavesOutWhatIsSetAndOffersRequiredFirst() throws IOException {
        Opened o = open("""
                schema Team:
                    name: str
                    lead?: str
                    size: int = 3

                t = Team {
                    size = 2
                    ‸
                }
                """);
        List<CompletionItem> items = service.completion(o.uri(), o.at());
        assertThat(items).extracting(CompletionItem::getLabel).containsExactly("name", "lead");
        assertThat(items.get(0).getDetail()).isEqualTo("str (required)");
        assertThat(items.get(0).getInsertText()).isEqualTo("name = ");
    }

    @Test
    void completionOfTheValuesALiteralTypeAllows() throws IOException {
        List<String> labels = complete("""
                import k8s.api.core.v1 as core

                s = core.Service {spec.type = ‸}
                """);
        assertThat(labels).containsExactly("\"ClusterIP\"", "\"ExternalName\"", "\"LoadBalancer\"", "\"NodePort\"");
    }

    @Test
    void definitionAndReferencesOfAnAttributeThroughDottedKeys() throws IOException {
        String marked = """
                schema Labels:
                    ap‸p: str

                schema Meta:
                    labels: Labels

                m = Meta {labels.app = "x"}
                n = Meta {labels = {app = "y"}}
                value = m.labels.app
                """;
        Opened o = open(marked);
        List<Location> refs = service.references(o.uri(), o.at(), true, null);
        assertThat(refs).extracting(l -> l.getRange().getStart().getLine()).containsExactlyInAnyOrder(1, 6, 7, 8);
        Map<String, List<TextEdit>> edits = service.rename(o.uri(), o.at(), "application", null);
        String renamed = LspTestClient.apply(o.text(), edits.get(o.uri()));
        assertThat(renamed).contains("application: str", "labels.application = \"x\"", "{application = \"y\"}",
                "m.labels.application");
        Opened use = open(marked.replace("ap‸p: str", "app: str").replace("labels.app = \"x\"", "labels.a‸pp = \"x\""));
        assertThat(service.definition(use.uri(), use.at())).singleElement()
                .satisfies(l -> assertThat(l.getRange().getStart()).isEqualTo(new Position(1, 4)));
    }

    @Test
    void aMissingRequiredAttributeIsAddedFromTheDiagnosticsData() throws IOException {
        Opened o = open("""
                schema Team:
                    name: str
                    size: int

                t = Team {‸}
                """);
        DocumentAnalysis a = service.current(o.uri());
        var diagnostics = service.diagnostics(a, () -> false);
        assertThat(diagnostics).singleElement().satisfies(d -> assertThat(d.getCode().getLeft()).isEqualTo("E0303"));
        var actions = service.codeActions(o.uri(), diagnostics);
        assertThat(actions).singleElement().satisfies(x -> assertThat(x.getTitle()).isEqualTo("Add the missing required fields"));
        String fixed = LspTestClient.apply(o.text(), actions.get(0).getEdit().getChanges().get(o.uri()));
        assertThat(fixed).contains("t = Team {name = \"\", size = 0}");
    }
}
