package dev.skiff.fuzz;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import dev.skiff.lsp.SkiffLanguageServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Drives the language server as an editor would, through the LSP4J {@link LanguageServer} interface (so it
 * tests the protocol surface, whatever the server's internals): opens the input as a document, waits for its
 * diagnostics, asks for every feature at random positions (and at the edges: 0:0, past the last line),
 * applies a random edit and asks again, closes it. A request that throws, a failure the server only logs,
 * a result the protocol cannot carry (or with negative positions), and a request that does not answer are
 * findings. One server serves one input at a time, so what it logs belongs to that input.
 */
final class LspDriver implements AutoCloseable {
    private static final Logger SERVER_LOG = Logger.getLogger("dev.skiff.lsp");
    private static final Gson GSON = new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(LanguageServer.class)).getGson();

    private final Path scratch;
    private final long timeoutMs;
    private final ConcurrentLinkedQueue<LogRecord> logged = new ConcurrentLinkedQueue<>();
    private final Map<String, BlockingQueue<PublishDiagnosticsParams>> published = new ConcurrentHashMap<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getThrown() != null || r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                logged.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private SkiffLanguageServer server;
    private int documents;
    private final java.util.concurrent.atomic.LongAdder requests;

    LspDriver(Path scratch, long timeoutMs, java.util.concurrent.atomic.LongAdder requests) {
        this.scratch = scratch;
        this.timeoutMs = timeoutMs;
        this.requests = requests;
        SERVER_LOG.setUseParentHandlers(false); // findings are reported by the harness, not printed by the server
        SERVER_LOG.addHandler(capture);
        start();
    }

    private void start() {
        server = new SkiffLanguageServer();
        server.connect(new Client());
        InitializeParams init = new InitializeParams();
        init.setRootUri(scratch.toUri().toString());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(scratch.toUri().toString(), "scratch")));
        init.setCapabilities(new ClientCapabilities());
        server.initialize(init).join();
        server.initialized(new InitializedParams());
    }

    @Override
    public void close() {
        try {
            server.shutdown().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (Exception ignored) {
            // a server stuck in a request is abandoned; its threads are daemons
        }
        SERVER_LOG.removeHandler(capture);
    }

    /** Runs one document through every feature; returns the findings (empty when all went well). */
    synchronized List<Finding> exercise(String text, Random r) {
        List<Finding> findings = new ArrayList<>();
        logged.clear();
        String uri = scratch.resolve("doc" + documents++ + ".k").toUri().toString();
        TextDocumentService docs = server.getTextDocumentService();
        try {
            docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "skiff", 1, text)));
            List<Diagnostic> diagnostics = awaitDiagnostics(uri, 1, findings);
            requests(uri, text, diagnostics, r, findings);
            String edited = edit(uri, text, r);
            awaitDiagnostics(uri, 2, findings);
            requests(uri, edited, List.of(), r, findings);
            docs.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        } catch (Stuck e) {
            findings.add(new Finding(Stage.LSP, Verdict.HANG, "LSP HANG " + e.getMessage(), e.getMessage()));
            close();
            start(); // the stuck request keeps its thread; go on with a fresh server
            SERVER_LOG.addHandler(capture);
        }
        published.remove(uri);
        for (LogRecord rec : logged) {
            Throwable t = rec.getThrown();
            String sig = t != null ? Signatures.of(Stage.LSP, Verdict.CRASH, t) : "LSP CRASH " + Signatures.words(rec.getMessage());
            findings.add(new Finding(Stage.LSP, Verdict.CRASH, sig, rec.getMessage() + "\n" + (t == null ? "" : Signatures.trace(t))));
        }
        return findings;
    }

    /** Thrown when a request or an analysis does not answer in time. */
    private static final class Stuck extends Exception {
        Stuck(String what) {
            super(what);
        }
    }

    private List<Diagnostic> awaitDiagnostics(String uri, int version, List<Finding> findings) throws Stuck {
        BlockingQueue<PublishDiagnosticsParams> q = published.computeIfAbsent(uri, u -> new LinkedBlockingQueue<>());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            try {
                PublishDiagnosticsParams p = q.poll(50, TimeUnit.MILLISECONDS);
                if (p != null && (p.getVersion() == null || p.getVersion() >= version)) {
                    return p.getDiagnostics();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stuck("interrupted while waiting for diagnostics");
            }
            if (!logged.isEmpty()) {
                return List.of(); // the analysis failed and said so: it will publish nothing
            }
        }
        throw new Stuck("no diagnostics for version " + version + " within " + timeoutMs + " ms");
    }

    private String edit(String uri, String text, Random r) {
        int a = text.isEmpty() ? 0 : r.nextInt(text.length() + 1);
        int b = Math.min(text.length(), a + r.nextInt(8));
        String insert = new String[] {"", "x", ".", " {", "}", "\n", "(", "if ", ":", "\"", "# ", "a = ", "\n    "}[r.nextInt(13)];
        Position from = position(text, a);
        Position to = position(text, b);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
                List.of(new TextDocumentContentChangeEvent(new Range(from, to), insert))));
        return text.substring(0, a) + insert + text.substring(b);
    }

    private void requests(String uri, String text, List<Diagnostic> diagnostics, Random r, List<Finding> findings) throws Stuck {
        TextDocumentService docs = server.getTextDocumentService();
        TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
        List<Position> at = new ArrayList<>(List.of(new Position(0, 0), position(text, text.length()),
                new Position(text.split("\n", -1).length + 2, 5)));
        for (int i = 0; i < 3; i++) {
            at.add(position(text, text.isEmpty() ? 0 : r.nextInt(text.length() + 1)));
        }
        for (Position p : at) {
            ask("completion", () -> docs.completion(new CompletionParams(id, p)), findings);
            ask("hover", () -> docs.hover(new HoverParams(id, p)), findings);
            ask("definition", () -> docs.definition(new DefinitionParams(id, p)), findings);
            ask("signatureHelp", () -> docs.signatureHelp(new SignatureHelpParams(id, p)), findings);
        }
        Position p = at.get(3 + r.nextInt(at.size() - 3));
        ask("references", () -> docs.references(new ReferenceParams(id, p, new ReferenceContext(true))), findings);
        ask("prepareRename", () -> docs.prepareRename(new PrepareRenameParams(id, p)), findings);
        ask("rename", () -> docs.rename(new RenameParams(id, p, r.nextBoolean() ? "renamed" : "9 bad")), findings);
        ask("documentSymbol", () -> docs.documentSymbol(new DocumentSymbolParams(id)), findings);
        ask("formatting", () -> docs.formatting(new DocumentFormattingParams(id, new FormattingOptions(4, true))), findings);
        ask("semanticTokens", () -> docs.semanticTokensFull(new SemanticTokensParams(id)), findings);
        Position q = at.get(3 + r.nextInt(at.size() - 3));
        Range range = p.getLine() < q.getLine() || p.getLine() == q.getLine() && p.getCharacter() <= q.getCharacter()
                ? new Range(p, q) : new Range(q, p);
        ask("semanticTokensRange", () -> docs.semanticTokensRange(new SemanticTokensRangeParams(id, range)), findings);
        ask("codeAction", () -> docs.codeAction(new CodeActionParams(id, range, new CodeActionContext(diagnostics))), findings);
    }

    private void ask(String method, Supplier<CompletableFuture<?>> request, List<Finding> findings) throws Stuck {
        requests.increment();
        Object result;
        try {
            result = request.get().get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Stuck(method + " did not answer within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stuck(method + " interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ResponseErrorException) {
                return; // a refusal the protocol carries to the editor (rename of a keyword, say)
            }
            findings.add(new Finding(Stage.LSP, Verdict.CRASH, Signatures.of(Stage.LSP, Verdict.CRASH, e.getCause())
                    + " in " + method, method + "\n" + Signatures.trace(e.getCause())));
            return;
        } catch (RuntimeException e) {
            findings.add(new Finding(Stage.LSP, Verdict.CRASH, Signatures.of(Stage.LSP, Verdict.CRASH, e) + " in " + method,
                    method + "\n" + Signatures.trace(e)));
            return;
        }
        String malformed = malformed(result);
        if (malformed != null) {
            findings.add(new Finding(Stage.LSP, Verdict.CRASH, "LSP CRASH malformed " + method + " result: " + malformed,
                    method + ": " + malformed + "\n" + GSON.toJson(result)));
        }
    }

    /** Why a result is not something an editor can use (it does not serialize, or has negative positions), or null. */
    private static String malformed(Object result) {
        JsonElement json;
        try {
            json = GSON.toJsonTree(result);
        } catch (RuntimeException e) {
            return "does not serialize: " + e;
        }
        return check(json, 0);
    }

    private static String check(JsonElement e, int depth) {
        if (depth > 64) {
            return null;
        }
        if (e.isJsonObject()) {
            var o = e.getAsJsonObject();
            for (String field : List.of("line", "character")) {
                if (o.has(field) && o.get(field).isJsonPrimitive() && o.get(field).getAsJsonPrimitive().isNumber()
                        && o.get(field).getAsInt() < 0) {
                    return "negative " + field;
                }
            }
            if (o.has("data") && o.get("data").isJsonArray() && o.get("data").getAsJsonArray().size() % 5 != 0) {
                return "semantic tokens not in fives";
            }
            for (var entry : o.entrySet()) {
                String why = check(entry.getValue(), depth + 1);
                if (why != null) {
                    return why;
                }
            }
        } else if (e.isJsonArray()) {
            for (JsonElement x : e.getAsJsonArray()) {
                String why = check(x, depth + 1);
                if (why != null) {
                    return why;
                }
            }
        }
        return null;
    }

    /** The LSP position of an offset (lines end at \n, \r\n or \r, columns in UTF-16 units). */
    static Position position(String text, int offset) {
        int line = 0;
        int start = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                start = i + 1;
            }
        }
        return new Position(line, Math.max(0, Math.min(offset, text.length()) - start));
    }

    private final class Client implements LanguageClient {
        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams d) {
            published.computeIfAbsent(d.getUri(), u -> new LinkedBlockingQueue<>()).add(d);
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
            return CompletableFuture.completedFuture(null);
        }
    }
}
