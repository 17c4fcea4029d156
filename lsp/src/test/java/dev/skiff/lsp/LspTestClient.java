package dev.skiff.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/** An editor's side of the protocol for tests: opens documents, collects diagnostics, applies edits. */
final class LspTestClient implements AutoCloseable {
    final LanguageServer server;
    final List<RegistrationParams> registrations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, BlockingQueue<PublishDiagnosticsParams>> diagnostics = new ConcurrentHashMap<>();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final Pipes.Connection connection;

    LspTestClient(Path... folders) throws Exception {
        connection = Pipes.connect(new Client());
        server = connection.server();
        InitializeParams init = new InitializeParams();
        init.setRootUri(folders[0].toUri().toString());
        List<WorkspaceFolder> wf = new ArrayList<>();
        for (Path f : folders) {
            wf.add(new WorkspaceFolder(f.toUri().toString(), f.getFileName().toString()));
        }
        init.setWorkspaceFolders(wf);
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        caps.setWorkspace(ws);
        init.setCapabilities(caps);
        server.initialize(init).get(30, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }

    /** Writes the file and opens it; returns its URI. */
    String open(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        String uri = file.toUri().toString();
        versions.put(uri, 1);
        texts.put(uri, text);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "skiff", 1, text)));
        return uri;
    }

    /** Replaces the whole text of an open document (not saved). */
    void replace(String uri, String text) {
        int v = versions.merge(uri, 1, Integer::sum);
        texts.put(uri, text);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v),
                List.of(new TextDocumentContentChangeEvent(text))));
    }

    String text(String uri) {
        return texts.get(uri);
    }

    /** The diagnostics published for the newest version of a document. */
    List<org.eclipse.lsp4j.Diagnostic> diagnostics(String uri) throws InterruptedException {
        BlockingQueue<PublishDiagnosticsParams> q = queue(uri);
        while (true) {
            PublishDiagnosticsParams p = q.poll(30, TimeUnit.SECONDS);
            assertThat(p).as("diagnostics published for " + uri).isNotNull();
            if (p.getVersion() == null || p.getVersion().equals(versions.get(uri))) {
                return p.getDiagnostics();
            }
        }
    }

    /** The next diagnostics published for a document, whatever its version. */
    List<org.eclipse.lsp4j.Diagnostic> nextDiagnostics(String uri) throws InterruptedException {
        PublishDiagnosticsParams p = queue(uri).poll(30, TimeUnit.SECONDS);
        assertThat(p).as("diagnostics published for " + uri).isNotNull();
        return p.getDiagnostics();
    }

    private BlockingQueue<PublishDiagnosticsParams> queue(String uri) {
        return diagnostics.computeIfAbsent(uri, u -> new LinkedBlockingQueue<>());
    }

    static Position at(String text, String marker, int delta) {
        int index = text.indexOf(marker);
        assertThat(index).as("marker " + marker).isGreaterThanOrEqualTo(0);
        int offset = index + delta;
        String before = text.substring(0, offset);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        return new Position(line, offset - before.lastIndexOf('\n') - 1);
    }

    /** Applies edits to a text, last first. */
    static String apply(String text, List<? extends TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparing((TextEdit e) -> e.getRange().getStart().getLine())
                .thenComparing(e -> e.getRange().getStart().getCharacter()).reversed());
        String out = text;
        for (TextEdit e : sorted) {
            out = Positions.apply(out, e.getRange(), e.getNewText());
        }
        return out;
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams d) {
            queue(d.getUri()).add(d);
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

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams params) {
            registrations.add(params);
            return CompletableFuture.completedFuture(null);
        }
    }
}
