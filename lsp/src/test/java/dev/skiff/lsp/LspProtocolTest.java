package dev.skiff.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server driven as an editor drives it: JSON-RPC over a pair of streams, with LSP4J's client side. */
class LspProtocolTest {
    private static final String DEPLOYMENT = """
            import k8s.api.apps.v1 as apps

            schema Team:
                \"\"\"A team that owns services.\"\"\"
                name: str
                lead?: str
                size: int = 3

            platform = Team {name = "platform"}
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
                        }]
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    private LanguageServer server;
    private String uri;
    private int version = 1;
    private Pipes.Connection connection;

    @BeforeEach
    void start() throws Exception {
        connection = Pipes.connect(new Client());
        server = connection.server();
        InitializeParams init = new InitializeParams();
        init.setRootUri(dir.toUri().toString());
        InitializeResult result = server.initialize(init).get(30, TimeUnit.SECONDS);
        assertThat(result.getCapabilities().getCompletionProvider()).isNotNull();
        server.initialized(new org.eclipse.lsp4j.InitializedParams());
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
    }

    private void open(String text) throws IOException {
        Path file = dir.resolve("main.k");
        Files.writeString(file, text);
        uri = file.toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "skiff", version, text)));
    }

    private void change(Range range, String text) {
        version++;
        TextDocumentContentChangeEvent e = new TextDocumentContentChangeEvent(range, text);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(e)));
    }

    private PublishDiagnosticsParams nextDiagnostics() throws InterruptedException {
        PublishDiagnosticsParams p = diagnostics.poll(30, TimeUnit.SECONDS);
        assertThat(p).as("diagnostics published").isNotNull();
        return p;
    }

    /** The diagnostics published for the newest version. */
    private PublishDiagnosticsParams diagnosticsForCurrentVersion() throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = nextDiagnostics();
            if (p.getVersion() == null || p.getVersion() == version) {
                return p;
            }
        }
    }

    private static Position at(String text, String marker, int delta) {
        int offset = text.indexOf(marker) + delta;
        String before = text.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        return new Position(line, offset - before.lastIndexOf('\n') - 1);
    }

    private List<String> complete(Position p) throws Exception {
        var r = server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), p))
                .get(10, TimeUnit.SECONDS);
        return r.getLeft().stream().map(CompletionItem::getLabel).toList();
    }

    @Test
    void cleanFileHasNoDiagnostics() throws Exception {
        open(DEPLOYMENT);
        assertThat(diagnosticsForCurrentVersion().getDiagnostics()).isEmpty();
    }

    @Test
    void aSyntaxErrorIsPublishedAndClearedWhenFixed() throws Exception {
        open(DEPLOYMENT);
        diagnosticsForCurrentVersion();
        Position p = at(DEPLOYMENT, "platform = Team", 0);
        change(new Range(p, p), "broken = (\n");
        var broken = diagnosticsForCurrentVersion().getDiagnostics();
        assertThat(broken).isNotEmpty();
        assertThat(broken.get(0).getCode().getLeft()).startsWith("E01");
        change(new Range(p, new Position(p.getLine() + 1, 0)), "");
        assertThat(diagnosticsForCurrentVersion().getDiagnostics()).isEmpty();
    }

    @Test
    void typeAndSchemaErrorsComeFromTheFullCompilerOnUnsavedText() throws Exception {
        open(DEPLOYMENT);
        diagnosticsForCurrentVersion();
        Position start = at(DEPLOYMENT, "replicas = 3", 0);
        change(new Range(start, new Position(start.getLine(), start.getCharacter() + "replicas = 3".length())),
                "replicas = \"three\"");
        var d = diagnosticsForCurrentVersion().getDiagnostics();
        assertThat(d).hasSize(1);
        assertThat(d.get(0).getCode().getLeft()).isEqualTo("E0301");
        assertThat(d.get(0).getRange().getStart().getLine()).isEqualTo(start.getLine());
    }

    @Test
    void unknownFieldGetsADidYouMean() throws Exception {
        String text = DEPLOYMENT.replace("replicas = 3", "replicaz = 3");
        open(text);
        var d = diagnosticsForCurrentVersion().getDiagnostics();
        assertThat(d).hasSize(1);
        assertThat(d.get(0).getMessage()).contains("replicaz").contains("did you mean `replicas`?");
    }

    @Test
    void completionOffersContainerFieldsInsideTheContainerLiteral() throws Exception {
        open(DEPLOYMENT);
        List<String> labels = complete(at(DEPLOYMENT, "image = \"nginx:1.27\"", "image = \"nginx:1.27\"".length()));
        assertThat(labels).contains("ports", "resources", "env", "imagePullPolicy").doesNotContain("name", "image",
                "replicas");
    }

    @Test
    void completionOffersDeploymentSpecFieldsWithRequiredFirst() throws Exception {
        open(DEPLOYMENT);
        var items = server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri),
                at(DEPLOYMENT, "replicas = 3", "replicas = 3".length()))).get(10, TimeUnit.SECONDS).getLeft();
        List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
        assertThat(labels).contains("strategy", "minReadySeconds").doesNotContain("replicas", "selector", "template");
        assertThat(items.get(0).getDetail()).doesNotContain("required"); // every required one is already set
    }

    @Test
    void completionOfUserSchemaAttributes() throws Exception {
        open(DEPLOYMENT);
        List<String> labels = complete(at(DEPLOYMENT, "{name = \"platform\"}", "{name = \"platform\"".length()));
        assertThat(labels).contains("lead", "size").doesNotContain("name");
    }

    @Test
    void completionOfModuleMembersAndValuePaths() throws Exception {
        String text = DEPLOYMENT + "x = apps.\ny = deployment.spec.template.spec.containers[0].\n";
        open(text);
        assertThat(complete(at(text, "x = apps.", "x = apps.".length()))).contains("Deployment", "StatefulSet", "DaemonSet");
        assertThat(complete(at(text, "containers[0].", "containers[0].".length()))).contains("image", "ports", "env");
    }

    @Test
    void hoverShowsOpenApiDocsForKubernetesFieldsAndDocstringsForSchemas() throws Exception {
        open(DEPLOYMENT);
        Hover h = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                at(DEPLOYMENT, "replicas = 3", 2))).get(10, TimeUnit.SECONDS);
        assertThat(h.getContents().getRight().getValue()).contains("replicas").contains("desired pods");
        Hover team = server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                at(DEPLOYMENT, "Team {name", 1))).get(10, TimeUnit.SECONDS);
        assertThat(team.getContents().getRight().getValue()).contains("schema Team").contains("A team that owns services")
                .contains("name: str");
    }

    @Test
    void definitionOfAVariableAndOfASchemaAttributeKey() throws Exception {
        open(DEPLOYMENT);
        List<? extends Location> def = server.getTextDocumentService().definition(new DefinitionParams(
                new TextDocumentIdentifier(uri), at(DEPLOYMENT, "platform.name", 2))).get(10, TimeUnit.SECONDS).getLeft();
        assertThat(def).hasSize(1);
        assertThat(def.get(0).getRange().getStart()).isEqualTo(at(DEPLOYMENT, "platform = Team", 0));
        List<? extends Location> attr = server.getTextDocumentService().definition(new DefinitionParams(
                new TextDocumentIdentifier(uri), at(DEPLOYMENT, "{name = \"platform\"", 2))).get(10, TimeUnit.SECONDS).getLeft();
        assertThat(attr.get(0).getRange().getStart()).isEqualTo(at(DEPLOYMENT, "name: str", 0));
    }

    @Test
    void referencesAndRenameCoverEveryUse() throws Exception {
        open(DEPLOYMENT);
        Position p = at(DEPLOYMENT, "platform = Team", 1);
        List<? extends Location> refs = server.getTextDocumentService().references(new ReferenceParams(
                new TextDocumentIdentifier(uri), p, new ReferenceContext(true))).get(10, TimeUnit.SECONDS);
        assertThat(refs).hasSize(2);
        WorkspaceEdit edit = server.getTextDocumentService().rename(new RenameParams(new TextDocumentIdentifier(uri), p,
                "infra")).get(10, TimeUnit.SECONDS);
        List<TextEdit> edits = edit.getChanges().get(uri);
        assertThat(edits).hasSize(2).allMatch(e -> e.getNewText().equals("infra"));
    }

    @Test
    void outlineListsSchemasWithAttributesAndTopLevelNames() throws Exception {
        open(DEPLOYMENT);
        var symbols = server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(
                new TextDocumentIdentifier(uri))).get(10, TimeUnit.SECONDS);
        List<String> names = symbols.stream().map(e -> e.getRight().getName()).toList();
        assertThat(names).containsExactly("Team", "platform", "deployment");
        DocumentSymbol team = symbols.get(0).getRight();
        assertThat(team.getChildren()).extracting(DocumentSymbol::getName).containsExactly("name", "lead", "size");
    }

    @Test
    void halfTypedCodeNeverBreaksARequest() throws Exception {
        String text = "import k8s.api.apps.v1 as apps\n\nd = apps.Deployment {\n    spec = {\n        rep\n";
        open(text);
        assertThat(diagnosticsForCurrentVersion().getDiagnostics()).isNotEmpty();
        Position end = at(text, "rep", 3);
        assertThat(complete(end)).isNotNull();
        server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), end)).get(10, TimeUnit.SECONDS);
        server.getTextDocumentService().definition(new DefinitionParams(new TextDocumentIdentifier(uri), end))
                .get(10, TimeUnit.SECONDS);
        for (int i = 0; i < text.length(); i += 7) {
            Position p = at(text, text.substring(i), 0);
            complete(p);
        }
    }

    @Test
    void fastTypingOnlyPublishesForTheNewestVersion() throws Exception {
        open("a = 1\n");
        diagnosticsForCurrentVersion();
        for (int i = 0; i < 10; i++) {
            change(new Range(new Position(1, 0), new Position(1, 0)), i % 2 == 0 ? "b = (" : "");
        }
        PublishDiagnosticsParams last = diagnosticsForCurrentVersion();
        assertThat(last.getVersion()).isEqualTo(version);
    }

    /** A client that collects published diagnostics and accepts everything else. */
    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams d) {
            diagnostics.add(d);
        }

        @Override
        public void showMessage(MessageParams messageParams) {
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }

}
