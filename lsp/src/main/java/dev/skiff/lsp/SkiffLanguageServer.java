package dev.skiff.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SemanticTokensRangeParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The protocol adapter: LSP4J requests and notifications translated to the {@link LanguageService}, and
 * diagnostics published. After each change (debounced) a document is analysed (parse, resolve, types, checks:
 * the compiler's front end) and, when that finds no error, its program runs (and its objects are validated) as a
 * job that a newer change cancels; one set of diagnostics is published per version. Documents that import a
 * changed one are analysed again too. No request lets an exception escape: it is logged and answered empty.
 */
public final class SkiffLanguageServer implements LanguageServer, LanguageClientAware, TextDocumentService,
        WorkspaceService {
    private static final Logger LOG = Logger.getLogger(SkiffLanguageServer.class.getName());
    private static final long DEBOUNCE_MS = 100;

    private final LanguageService service = new LanguageService();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(null, r, "skiff-analysis", 16L << 20);
        t.setDaemon(true);
        return t;
    });
    private volatile LanguageClient client;
    private volatile boolean watchFiles;
    private Runnable onExit = () -> { };

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    /** What to do on the client's {@code exit} notification (the CLI ends the process). */
    public void onExit(Runnable action) {
        this.onExit = action;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        caps.setCompletionProvider(new CompletionOptions(false, List.of(".", "{", " ")));
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setRenameProvider(new org.eclipse.lsp4j.RenameOptions(true));
        caps.setDocumentSymbolProvider(true);
        caps.setDocumentFormattingProvider(true);
        caps.setCodeActionProvider(new org.eclipse.lsp4j.CodeActionOptions(
                List.of(org.eclipse.lsp4j.CodeActionKind.QuickFix)));
        Workspace.configure(caps, params, service.project);
        watchFiles = Workspace.canWatch(params);
        caps.setSemanticTokensProvider(new org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions(
                dev.skiff.lsp.SemanticTokens.legend(), true, true));
        caps.setSignatureHelpProvider(new org.eclipse.lsp4j.SignatureHelpOptions(List.of("(", ","), List.of(")")));
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("skiff", "0.1.0")));
    }

    @Override
    public void initialized(org.eclipse.lsp4j.InitializedParams params) {
        LanguageClient c = client;
        if (c != null && watchFiles) {
            Workspace.registerWatchers(c);
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        worker.shutdownNow();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        worker.shutdownNow();
        onExit.run();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return this;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return this;
    }

    // ---------------------------------------------------------------- documents

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        service.docs.put(uri, params.getTextDocument().getVersion(), params.getTextDocument().getText());
        service.analyzer.changed();
        schedule(uri, 0);
        service.dependents(uri).forEach(u -> schedule(u, DEBOUNCE_MS));
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        OpenDocuments.Doc doc = service.docs.get(uri);
        String text = doc == null ? "" : doc.text();
        for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
            text = change.getRange() == null ? change.getText() : Positions.apply(text, change.getRange(), change.getText());
        }
        service.docs.put(uri, params.getTextDocument().getVersion(), text);
        service.analyzer.changed();
        schedule(uri, DEBOUNCE_MS);
        service.dependents(uri).forEach(u -> schedule(u, 3 * DEBOUNCE_MS));
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        service.closed(uri);
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        schedule(params.getTextDocument().getUri(), 0);
    }

    private void schedule(String uri, long delay) {
        if (worker.isShutdown()) {
            return;
        }
        ScheduledFuture<?> old = pending.remove(uri);
        if (old != null) {
            old.cancel(false);
        }
        OpenDocuments.Doc doc = service.docs.get(uri);
        if (doc == null) {
            return;
        }
        int version = doc.version();
        String text = doc.text();
        pending.put(uri, worker.schedule(() -> check(uri, version, text), delay, TimeUnit.MILLISECONDS));
    }

    /** Analyses a version of a document, runs its program, and publishes the diagnostics (unless stale). */
    private void check(String uri, int version, String text) {
        try {
            if (stale(uri, version, text)) {
                return; // closed, or a newer change is on its way
            }
            DocumentAnalysis a = service.analyze(uri);
            if (a == null || stale(uri, version, text)) {
                return;
            }
            List<org.eclipse.lsp4j.Diagnostic> found = service.diagnostics(a, () -> stale(uri, version, text));
            if (found == null || stale(uri, version, text)) {
                return; // a newer change came in meanwhile: its own check publishes
            }
            LanguageClient c = client;
            if (c != null && !worker.isShutdown()) {
                c.publishDiagnostics(new PublishDiagnosticsParams(uri, found, version));
            }
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.WARNING, "analysis of " + uri + " failed", e);
        }
    }

    private boolean stale(String uri, int version, String text) {
        OpenDocuments.Doc doc = service.docs.get(uri);
        return doc == null || doc.version() != version || !doc.text().equals(text);
    }

    // ---------------------------------------------------------------- requests

    private <T> CompletableFuture<T> answer(String what, T empty, Supplier<T> f) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                T result = f.get();
                return result == null ? empty : result;
            } catch (ResponseErrorException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(Level.WARNING, what + " failed", e);
                return empty;
            }
        });
    }

    /** Like {@link #answer}, for requests that may read many files: LSP4J cancels them through the checker. */
    private <T> CompletableFuture<T> cancellable(String what, T empty, java.util.function.Function<CancelChecker, T> f) {
        return CompletableFutures.computeAsync(cancel -> {
            try {
                T result = f.apply(cancel);
                return result == null ? empty : result;
            } catch (ResponseErrorException | java.util.concurrent.CancellationException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(Level.WARNING, what + " failed", e);
                return empty;
            }
        });
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        String uri = params.getTextDocument().getUri();
        return answer("completion", Either.forLeft(List.of()),
                () -> Either.forLeft(service.completion(uri, params.getPosition())));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return answer("hover", null, () -> service.hover(params.getTextDocument().getUri(), params.getPosition()));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return answer("definition", Either.forLeft(List.of()), () -> Either.forLeft(
                service.definition(params.getTextDocument().getUri(), params.getPosition())));
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean declaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
        return cancellable("references", List.of(), cancel -> service.references(params.getTextDocument().getUri(),
                params.getPosition(), declaration, cancel));
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        String uri = params.getTextDocument().getUri();
        return cancellable("rename", new WorkspaceEdit(Map.of()), cancel -> {
            Workspace.refuse(service.renameRefusal(uri, params.getPosition(), params.getNewName()));
            return new WorkspaceEdit(service.rename(uri, params.getPosition(), params.getNewName(), cancel));
        });
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams params) {
        String uri = params.getTextDocument().getUri();
        return answer("prepareRename", null, () -> {
            Workspace.refuse(service.renameRefusal(uri, params.getPosition(), null));
            Range range = service.renameRange(uri, params.getPosition());
            if (range == null) {
                Workspace.refuse("there is no name here to rename");
            }
            return Either3.forSecond(new PrepareRenameResult(range, service.renamePlaceholder(uri, params.getPosition())));
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return answer("documentSymbol", List.of(), () -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            service.symbols(params.getTextDocument().getUri()).forEach(s -> out.add(Either.forRight(s)));
            return out;
        });
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return answer("formatting", List.of(), () -> service.formatting(params.getTextDocument().getUri()));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return answer("codeAction", List.of(), () -> {
            List<org.eclipse.lsp4j.Diagnostic> ds = params.getContext() == null
                    || params.getContext().getDiagnostics() == null ? List.of() : params.getContext().getDiagnostics();
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            service.codeActions(params.getTextDocument().getUri(), ds).forEach(x -> out.add(Either.forRight(x)));
            return out;
        });
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return answer("semanticTokens", new SemanticTokens(List.of()),
                () -> new SemanticTokens(service.semanticTokens(params.getTextDocument().getUri(), null)));
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensRange(SemanticTokensRangeParams params) {
        return answer("semanticTokens", new SemanticTokens(List.of()),
                () -> new SemanticTokens(service.semanticTokens(params.getTextDocument().getUri(), params.getRange())));
    }

    @Override
    public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
        return answer("signatureHelp", null,
                () -> service.signatureHelp(params.getTextDocument().getUri(), params.getPosition()));
    }

    // ---------------------------------------------------------------- workspace

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // files changed on disk: forget what was read from them (the schemas too, when kcl.mod or CRDs changed),
        // then check what is open again, since any of it may import what changed
        service.reset();
        for (String uri : service.docs.uris()) {
            schedule(uri, DEBOUNCE_MS);
        }
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        Workspace.foldersChanged(params, service.project);
        for (String uri : service.docs.uris()) {
            schedule(uri, DEBOUNCE_MS);
        }
    }
}
