package dev.skiff.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs the fuzzing harness found to break language-server features, each driven through the protocol as
 * an editor would send it: every request answers, with the items it should, and the server logs no failure
 * (the server turns a failure into an empty answer, so the log is where a crash shows).
 */
class LspRobustnessTest {
    @TempDir
    Path dir;

    private final ConcurrentLinkedQueue<LogRecord> failures = new ConcurrentLinkedQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getThrown() != null) {
                failures.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private LspTestClient client;

    @BeforeEach
    void start() throws Exception {
        Logger.getLogger("dev.skiff.lsp").addHandler(capture);
        client = new LspTestClient(dir);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        Logger.getLogger("dev.skiff.lsp").removeHandler(capture);
    }

    private List<String> complete(String uri, Position p) throws Exception {
        return client.server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), p))
                .get(30, TimeUnit.SECONDS).getLeft().stream().map(CompletionItem::getLabel).toList();
    }

    private void noFailuresLogged() {
        assertThat(failures).extracting(r -> r.getMessage() + ": " + r.getThrown()).isEmpty();
    }

    @Test
    void completionAtTheStartOfADocumentThatStartsWithALineBreak() throws Exception {
        String uri = client.open(dir.resolve("main.k"), "\n");
        client.diagnostics(uri);
        assertThat(complete(uri, new Position(0, 0))).contains("schema", "import", "len");
        noFailuresLogged();
    }

    @Test
    void cyclicSchemaInheritanceIsReportedAndFeaturesStillAnswer() throws Exception {
        String text = """
                schema Base(Derived):
                    name: str
                schema Derived(Base):
                    extra: str
                d = Derived {name = "x", extra = "y"}
                e = Derived {}
                """;
        String uri = client.open(dir.resolve("main.k"), text);
        assertThat(client.diagnostics(uri)).extracting(d -> d.getMessage()).contains("schema `Derived` inherits from itself");
        Position inside = LspTestClient.at(text, "Derived {}", 9);
        // both schemas' own attributes, each once, though each inherits from the other
        assertThat(complete(uri, inside)).contains("name", "extra").doesNotHaveDuplicates();
        // the cycle is cut where it is found (Derived's parent is left out), so hover shows its own attribute
        Hover hover = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                LspTestClient.at(text, "extra = ", 1))).get(30, TimeUnit.SECONDS);
        assertThat(hover).isNotNull();
        var tokens = client.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(
                new TextDocumentIdentifier(uri))).get(30, TimeUnit.SECONDS);
        assertThat(tokens.getData()).isNotEmpty();
        noFailuresLogged();
    }

    @Test
    void aChainOfFiveThousandInheritingSchemasIsRefusedAndFeaturesStillAnswer() throws Exception {
        // found by the fuzzing harness: the server did not publish diagnostics for minutes
        String text = "schema S0:\n    a0: int = 0\n" + java.util.stream.IntStream.range(1, 5000)
                .mapToObj(i -> "schema S" + i + "(S" + (i - 1) + "):\n    a" + i + ": int = " + i + "\n")
                .collect(java.util.stream.Collectors.joining()) + "s = S4999 {}\n";
        String uri = client.open(dir.resolve("main.k"), text);
        assertThat(client.diagnostics(uri)).singleElement().extracting(d -> d.getMessage()).asString()
                .startsWith("schema `S101` inherits through more than 100 schemas");
        // the chain is cut at S101: past it a schema offers its own attribute
        assertThat(complete(uri, LspTestClient.at(text, "S4999 {}", 7))).contains("a4999").doesNotContain("a0");
        Hover hover = client.server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri),
                LspTestClient.at(text, "S4999 {}", 1))).get(30, TimeUnit.SECONDS);
        assertThat(hover).isNotNull();
        noFailuresLogged();
    }
}
