package dev.skiff.lsp;

import static dev.skiff.lsp.LspTestClient.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quick fixes through the protocol: each is applied to the text, and the result is checked by the server. */
class LspCodeActionTest {
    private static final String DEPLOYMENT = """
            import k8s.api.apps.v1 as apps

            schema Team:
                name: str
                lead?: str
                size: int = 3
                tags: [str]

            platform = Team {name = "platform", tags = []}
            deployment = apps.Deployment {
                metadata.name = platform.name
                spec = {
                    replicas = 3
                    selector.matchLabels = {app = "web"}
                    template = {
                        metadata.labels = {app = "web"}
                        spec.containers = [{
                            name = "web"
                            image = "nginx:1.27"
                            imagePullPolicy = "Always"
                        }]
                    }
                }
            }
            """;

    @TempDir
    Path dir;
    private LspTestClient client;

    @BeforeEach
    void start() throws Exception {
        client = new LspTestClient(dir);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private List<CodeAction> actions(String uri, List<Diagnostic> diagnostics) throws Exception {
        Range r = diagnostics.get(0).getRange();
        List<Either<org.eclipse.lsp4j.Command, CodeAction>> out = client.server.getTextDocumentService().codeAction(
                new CodeActionParams(new TextDocumentIdentifier(uri), r, new CodeActionContext(diagnostics)))
                .get(10, TimeUnit.SECONDS);
        return out.stream().map(Either::getRight).toList();
    }

    /** Opens the text, expects one diagnostic with {@code code}, applies its only quick fix, returns the new text. */
    private String fix(String text, String code) throws Exception {
        String uri = client.open(dir.resolve("main.k"), text);
        List<Diagnostic> d = client.diagnostics(uri);
        assertThat(d).as(d.toString()).hasSize(1);
        assertThat(d.get(0).getCode().getLeft()).as(d.get(0).getMessage()).isEqualTo(code);
        List<CodeAction> actions = actions(uri, d);
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0).getKind()).isEqualTo("quickfix");
        String fixed = LspTestClient.apply(text, actions.get(0).getEdit().getChanges().get(uri));
        client.replace(uri, fixed);
        return fixed;
    }

    private void assertCompilesCleanly(String text) throws Exception {
        String uri = client.open(dir.resolve("fixed.k"), text);
        assertThat(client.diagnostics(uri)).isEmpty();
    }

    @Test
    void unknownKubernetesFieldIsRenamedToTheSuggestion() throws Exception {
        String fixed = fix(DEPLOYMENT.replace("replicas = 3", "replicaz = 3"), "E0302");
        assertThat(fixed).isEqualTo(DEPLOYMENT);
    }

    @Test
    void enumValueIsReplacedInsideItsString() throws Exception {
        String fixed = fix(DEPLOYMENT.replace("\"Always\"", "\"Allways\""), "E0301");
        assertThat(fixed).isEqualTo(DEPLOYMENT);
    }

    @Test
    void undefinedNameIsReplaced() throws Exception {
        String fixed = fix(DEPLOYMENT.replace("= platform.name", "= platfrom.name"), "E0201");
        assertThat(fixed).isEqualTo(DEPLOYMENT);
    }

    @Test
    void undefinedNameInACheckBlockIsFoundBeforeEvaluationAndReplaced() throws Exception {
        String withCheck = DEPLOYMENT.replace("    tags: [str]\n", "    tags: [str]\n\n    check:\n        size <= 10 if lead\n");
        String fixed = fix(withCheck.replace("if lead", "if leed"), "E0201");
        assertThat(fixed).isEqualTo(withCheck);
    }

    @Test
    void unknownStdlibAttributeInABranchThatDoesNotRunIsReplaced() throws Exception {
        String text = """
                import skiff.app

                web = app.App {
                    name = "web"
                    image = "nginx:1.27"
                    if False:
                        replicas = 2
                }
                """;
        String fixed = fix(text.replace("replicas = 2", "replicaz = 2"), "E0302");
        assertThat(fixed).isEqualTo(text);
    }

    @Test
    void unknownSchemaAttributeIsReplaced() throws Exception {
        String fixed = fix(DEPLOYMENT.replace("tags = []", "tagz = []"), "E0302");
        assertThat(fixed).isEqualTo(DEPLOYMENT);
    }

    @Test
    void missingSchemaAttributesAreAddedWithPlaceholders() throws Exception {
        String fixed = fix(DEPLOYMENT.replace("Team {name = \"platform\", tags = []}", "Team {size = 4}"), "E0303");
        assertThat(fixed).contains("Team {size = 4, name = \"\", tags = []}");
        assertCompilesCleanly(fixed);
    }

    @Test
    void missingSchemaAttributesInAMultiLineLiteralGetTheirOwnLines() throws Exception {
        String text = DEPLOYMENT.replace("Team {name = \"platform\", tags = []}", "Team {\n    size = 4\n}");
        String fixed = fix(text, "E0303");
        assertThat(fixed).contains("Team {\n    size = 4\n    name = \"\"\n    tags = []\n}");
        assertCompilesCleanly(fixed);
    }

    @Test
    void missingRequiredKubernetesFieldIsAddedWithTheEntriesIndentation() throws Exception {
        String fixed = fix(DEPLOYMENT.replace("                name = \"web\"\n", ""), "E0303");
        assertThat(fixed).contains("                image = \"nginx:1.27\"\n                imagePullPolicy = \"Always\"\n"
                + "                name = \"\"\n            }]");
    }

    @Test
    void diagnosticsWithoutASuggestionGetNoAction() throws Exception {
        String text = DEPLOYMENT.replace("replicas = 3", "replicas = \"three\"");
        String uri = client.open(dir.resolve("main.k"), text);
        List<Diagnostic> d = client.diagnostics(uri);
        assertThat(d).hasSize(1);
        assertThat(actions(uri, d)).isEmpty();
    }
}
