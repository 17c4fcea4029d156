package dev.skiff.lsp;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.Diagnostic;
import dev.skiff.k8s.SchemaRegistry;
import dev.skiff.modules.Project;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * The Skiff language server. Documents are re-analysed on one background thread, debounced after each
 * change; requests read the last finished {@link Analysis} and never wait for a new one. Parse diagnostics
 * follow every change; the full compiler's diagnostics (types, checks, Kubernetes schemas) follow open and
 * save, for documents that are files. No request lets an exception escape: it is logged and answered empty.
 */
public final class SkiffLanguageServer implements LanguageServer, LanguageClientAware, TextDocumentService,
        WorkspaceService {
    private static final Logger LOG = Logger.getLogger(SkiffLanguageServer.class.getName());
    private static final long DEBOUNCE_MS = 150;

    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final Map<String, Analysis> analyses = new ConcurrentHashMap<>();
    private final Map<String, List<Diagnostic>> compiled = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(null, r, "skiff-analysis", 64L << 20); // the parser limits nesting; this long-lived thread keeps what it touches
        t.setDaemon(true);
        return t;
    });
    private volatile LanguageClient client;
    private volatile SchemaRegistry registry;
    /** The schemas each directory's files see: their project's kcl.mod version and CRDs (keyed by directory). */
    private final Map<java.nio.file.Path, SchemaRegistry> projectRegistries = new java.util.concurrent.ConcurrentHashMap<>();
    private final ProjectIndex index = new ProjectIndex(texts::get, this::registry);
    private volatile boolean watchFiles;

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
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
        caps.setCodeActionProvider(new org.eclipse.lsp4j.CodeActionOptions(List.of(org.eclipse.lsp4j.CodeActionKind.QuickFix)));
        Workspace.configure(caps, params, index);
        watchFiles = Workspace.canWatch(params);
        caps.setSemanticTokensProvider(new org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions(
                SemanticTokens.legend(), true, true));
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

    private Runnable onExit = () -> { };

    /** What to do on the client's {@code exit} notification (the CLI ends the process). */
    public void onExit(Runnable action) {
        this.onExit = action;
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
        texts.put(uri, params.getTextDocument().getText());
        versions.put(uri, params.getTextDocument().getVersion());
        schedule(uri, 0, true);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        String text = texts.getOrDefault(uri, "");
        for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
            text = change.getRange() == null ? change.getText() : Positions.apply(text, change.getRange(), change.getText());
        }
        texts.put(uri, text);
        versions.put(uri, params.getTextDocument().getVersion());
        schedule(uri, DEBOUNCE_MS, false);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        texts.remove(uri);
        analyses.remove(uri);
        compiled.remove(uri);
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        schedule(params.getTextDocument().getUri(), 0, true);
    }

    private void schedule(String uri, long delay, boolean compile) {
        ScheduledFuture<?> old = pending.remove(uri);
        if (old != null) {
            old.cancel(false);
        }
        int version = versions.getOrDefault(uri, 0);
        pending.put(uri, worker.schedule(() -> analyse(uri, version, compile), delay, TimeUnit.MILLISECONDS));
    }

    private void analyse(String uri, int version, boolean compile) {
        try {
            String text = texts.get(uri);
            if (text == null || versions.getOrDefault(uri, 0) != version) {
                return; // closed, or a newer change is on its way
            }
            Analysis a = Analysis.of(uri, version, text, () -> registry(uri), index);
            if (versions.getOrDefault(uri, 0) != version) {
                return; // stale: a newer change came in meanwhile
            }
            analyses.put(uri, a);
            if (a.diagnostics.isEmpty()) {
                List<Diagnostic> full = compileFile(uri, a.file);
                if (versions.getOrDefault(uri, 0) != version || !texts.containsKey(uri)) {
                    return; // stale: the compile took longer than the next keystroke
                }
                compiled.put(uri, full);
            } else {
                compiled.remove(uri);
            }
            publish(a);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.WARNING, "analysis of " + uri + " failed", e);
        }
    }

    private void publish(Analysis a) {
        LanguageClient c = client;
        if (c == null || worker.isShutdown()) {
            return; // after shutdown the client expects nothing more
        }
        List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : a.diagnostics) {
            out.add(Features.diagnostic(d, a.uri));
        }
        if (a.diagnostics.isEmpty()) {
            for (Diagnostic d : compiled.getOrDefault(a.uri, List.of())) {
                out.add(Features.diagnostic(d, a.uri));
            }
        }
        c.publishDiagnostics(new PublishDiagnosticsParams(a.uri, out, a.version));
    }

    /**
     * The full compiler's diagnostics for the file on disk that concern this file (or have no place). An
     * error in a package it imports is shown on the import that leads there, pointing at where it is.
     */
    private List<Diagnostic> compileFile(String uri, dev.skiff.source.SourceFile doc) {
        if (!uri.startsWith("file:")) {
            return List.of();
        }
        Path file = Path.of(URI.create(uri));
        if (!Files.isRegularFile(file) && !texts.containsKey(uri)) {
            return List.of();
        }
        Map<Path, String> overlay = new java.util.HashMap<>();
        texts.forEach((u, t) -> {
            if (u.startsWith("file:")) {
                overlay.put(Path.of(URI.create(u)).toAbsolutePath().normalize(), t);
            }
        });
        Compilation c = Skiff.compile(new CompileRequest(List.of(file), Map.of(), file.getParent(),
                new PrintStream(OutputStream.nullOutputStream())).withOverlay(overlay));
        List<Diagnostic> out = new ArrayList<>();
        List<Diagnostic> all = new ArrayList<>(c.diagnostics());
        if (!c.hasErrors()) {
            all.addAll(dev.skiff.Manifests.of(c, null).diagnostics());
        }
        for (Diagnostic d : all) {
            if (d.span() == null || file.toUri().equals(d.span().file().uri())) {
                out.add(d);
            } else if (d.severity() == dev.skiff.diag.Severity.ERROR) {
                out.add(onImport(d, doc));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern IMPORT = java.util.regex.Pattern.compile(
            "(?m)^[ \\t]*import[ \\t]+(\\.*)([A-Za-z_][\\w.]*)");

    /**
     * An error located in another file, moved onto the import of this document whose package holds that
     * file (or onto the start of the document), with a label at the error's own place.
     */
    static Diagnostic onImport(Diagnostic d, dev.skiff.source.SourceFile doc) {
        dev.skiff.source.Span at = dev.skiff.source.Span.of(doc, 0, 0);
        String where = d.span().file().uri().getPath() == null ? d.span().file().name()
                : d.span().file().uri().getPath();
        where = where.replace('\\', '/');
        java.util.regex.Matcher m = IMPORT.matcher(doc.text());
        while (m.find()) {
            String dir = m.group(2).replace('.', '/');
            if (where.contains("/" + dir + "/") || where.endsWith("/" + dir + ".k") || where.startsWith(dir + "/")
                    || d.span().file().name().contains(dir + "/") || d.span().file().name().endsWith(dir + ".k")) {
                at = dev.skiff.source.Span.of(doc, m.start(2), m.end(2));
                break;
            }
        }
        Diagnostic moved = Diagnostic.error(d.code(), at, "in `" + d.span().file().name() + ":" + d.span().line() + ":"
                        + d.span().column() + "`: " + d.message())
                .withLabel(d.span(), d.message());
        for (String hint : d.hints()) {
            moved = moved.withHint(hint);
        }
        return moved;
    }

    /**
     * The schemas a document sees: those of its project's kcl.mod ({@code [skiff] k8s} and {@code crds}),
     * else the newest Kubernetes version with the stdlib's CRDs.
     */
    private SchemaRegistry registry(String uri) {
        // asked on every analysis (every keystroke): kcl.mod is found and read once per directory, and again
        // only after a watched file changes
        try {
            java.nio.file.Path file = java.nio.file.Path.of(java.net.URI.create(uri));
            java.nio.file.Path dir = file.getParent();
            SchemaRegistry known = dir == null ? null : projectRegistries.get(dir);
            if (known != null) {
                return known;
            }
            SchemaRegistry r = projectRegistry(file);
            if (r != null && dir != null) {
                projectRegistries.put(dir, r);
            }
            return r;
        } catch (RuntimeException e) {
            return registry(); // not a file URI, or an unreadable kcl.mod (the compile reports it)
        }
    }

    /** The schemas of the project a file belongs to: its kcl.mod's version and CRDs, else the defaults. */
    private SchemaRegistry projectRegistry(java.nio.file.Path file) {
        dev.skiff.modules.Project project = dev.skiff.modules.Project.discover(file).value();
        if (project == null || !java.nio.file.Files.exists(project.root().resolve(dev.skiff.modules.Project.MOD_FILE))) {
            return registry();
        }
        Object k8s = project.skiff().get("k8s");
        if (k8s == null && !(project.skiff().get("crds") instanceof List<?>)) {
            return registry();
        }
        var r = SchemaRegistry.with(k8s == null ? null : k8s.toString(),
                dev.skiff.Skiff.crds(dev.skiff.CompileRequest.of(file).withWorkDir(project.root()), project));
        return r.value() != null ? r.value() : registry();
    }

    private SchemaRegistry registry() {
        SchemaRegistry r = registry;
        if (r == null) {
            try {
                r = SchemaRegistry.with(null, List.of()).value();
                registry = r;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Kubernetes schemas unavailable", e);
            }
        }
        return r;
    }

    // ---------------------------------------------------------------- requests

    private <T> CompletableFuture<T> read(String uri, T empty, Function<Analysis, T> f) {
        return CompletableFuture.supplyAsync(() -> {
            Analysis a = analyses.get(uri);
            String text = texts.get(uri);
            if (a == null || text != null && !text.equals(a.file.text())) {
                // requests must see the text the editor shows: analyse it now if the last analysis is stale
                if (text == null) {
                    return empty;
                }
                a = Analysis.of(uri, versions.getOrDefault(uri, 0), text, () -> registry(uri), index);
            }
            try {
                T result = f.apply(a);
                return result == null ? empty : result;
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(Level.WARNING, "request on " + uri + " failed", e);
                return empty;
            }
        });
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        String uri = params.getTextDocument().getUri();
        return read(uri, Either.forLeft(List.of()), a -> Either.forLeft(
                Features.completion(a, Positions.offset(a.file, params.getPosition()))));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        String uri = params.getTextDocument().getUri();
        return read(uri, null, a -> Features.hover(a, Positions.offset(a.file, params.getPosition())));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        String uri = params.getTextDocument().getUri();
        return cancellable(uri, Either.forLeft(List.of()), (a, cancel) -> {
            int offset = Positions.offset(a.file, params.getPosition());
            List<Location> cross = crossFile().definition(a, offset);
            return Either.forLeft(cross != null ? cross : Features.definition(a, offset));
        });
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        String uri = params.getTextDocument().getUri();
        boolean declaration = params.getContext() == null || params.getContext().isIncludeDeclaration();
        return cancellable(uri, List.of(), (a, cancel) -> {
            int offset = Positions.offset(a.file, params.getPosition());
            CrossFile cf = crossFile();
            List<Location> cross = Workspace.locations(cf.references(a, offset, cancel),
                    declaration ? null : cf.declaration(cf.at(a, offset)));
            return cross != null ? cross : Features.references(a, offset, declaration);
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        String uri = params.getTextDocument().getUri();
        return cancellable(uri, new WorkspaceEdit(Map.of()), (a, cancel) -> {
            int offset = Positions.offset(a.file, params.getPosition());
            CrossFile cf = crossFile();
            Workspace.refuse(cf.refusal(cf.at(a, offset), params.getNewName()));
            Map<String, List<org.eclipse.lsp4j.TextEdit>> cross = cf.rename(a, offset, params.getNewName(), cancel);
            return new WorkspaceEdit(cross != null ? cross
                    : Map.of(uri, Features.rename(a, offset, params.getNewName())));
        });
    }

    @Override
    public CompletableFuture<Either3<org.eclipse.lsp4j.Range, org.eclipse.lsp4j.PrepareRenameResult,
            org.eclipse.lsp4j.PrepareRenameDefaultBehavior>> prepareRename(org.eclipse.lsp4j.PrepareRenameParams params) {
        String uri = params.getTextDocument().getUri();
        return cancellable(uri, null, (a, cancel) -> {
            CrossFile cf = crossFile();
            CrossFile.Named n = cf.at(a, Positions.offset(a.file, params.getPosition()));
            Workspace.refuse(cf.refusal(n, null));
            if (n.span() == null) {
                Workspace.refuse("there is no name here to rename");
            }
            return Either3.forSecond(new org.eclipse.lsp4j.PrepareRenameResult(Positions.range(n.span()), n.span().text()));
        });
    }

    private CrossFile crossFile() {
        return new CrossFile(index, texts.keySet());
    }

    /**
     * Like {@link #read}, for requests that may read many files: LSP4J cancels them through the checker, and a
     * {@link org.eclipse.lsp4j.jsonrpc.ResponseErrorException} reaches the client as the request's error.
     */
    private <T> CompletableFuture<T> cancellable(String uri, T empty,
            java.util.function.BiFunction<Analysis, org.eclipse.lsp4j.jsonrpc.CancelChecker, T> f) {
        return org.eclipse.lsp4j.jsonrpc.CompletableFutures.computeAsync(cancel -> {
            Analysis a = analyses.get(uri);
            String text = texts.get(uri);
            if (a == null || text != null && !text.equals(a.file.text())) {
                if (text == null) {
                    return empty;
                }
                a = Analysis.of(uri, versions.getOrDefault(uri, 0), text, () -> registry(uri), index);
            }
            try {
                T result = f.apply(a, cancel);
                return result == null ? empty : result;
            } catch (org.eclipse.lsp4j.jsonrpc.ResponseErrorException | java.util.concurrent.CancellationException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(Level.WARNING, "request on " + uri + " failed", e);
                return empty;
            }
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        String uri = params.getTextDocument().getUri();
        return read(uri, List.of(), a -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            Features.symbols(a).forEach(s -> out.add(Either.forRight(s)));
            return out;
        });
    }

    @Override
    public CompletableFuture<List<? extends org.eclipse.lsp4j.TextEdit>> formatting(
            org.eclipse.lsp4j.DocumentFormattingParams params) {
        String uri = params.getTextDocument().getUri();
        return read(uri, List.of(), a -> {
            if (!a.diagnostics.isEmpty()) {
                return List.of(); // never reformat what does not parse
            }
            var checked = dev.skiff.syntax.FormatCheck.format(a.file);
            if (checked.hasErrors() || checked.value().equals(a.file.text())) {
                return List.of(); // nothing to change, or no layout that provably keeps the meaning
            }
            String formatted = checked.value();
            org.eclipse.lsp4j.Range all = new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(0, 0),
                    Positions.position(a.file, a.file.length()));
            return List.of(new org.eclipse.lsp4j.TextEdit(all, formatted));
        });
    }

    @Override
    public CompletableFuture<List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>>> codeAction(
            org.eclipse.lsp4j.CodeActionParams params) {
        String uri = params.getTextDocument().getUri();
        return read(uri, List.of(), a -> {
            List<Either<org.eclipse.lsp4j.Command, org.eclipse.lsp4j.CodeAction>> out = new ArrayList<>();
            List<org.eclipse.lsp4j.Diagnostic> ds = params.getContext() == null || params.getContext().getDiagnostics() == null
                    ? List.of() : params.getContext().getDiagnostics();
            CodeActions.actions(a, ds).forEach(x -> out.add(Either.forRight(x)));
            return out;
        });
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.SemanticTokens> semanticTokensFull(
            org.eclipse.lsp4j.SemanticTokensParams params) {
        return read(params.getTextDocument().getUri(), new org.eclipse.lsp4j.SemanticTokens(List.of()),
                a -> new org.eclipse.lsp4j.SemanticTokens(SemanticTokens.encode(a, 0, Integer.MAX_VALUE)));
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.SemanticTokens> semanticTokensRange(
            org.eclipse.lsp4j.SemanticTokensRangeParams params) {
        return read(params.getTextDocument().getUri(), new org.eclipse.lsp4j.SemanticTokens(List.of()),
                a -> new org.eclipse.lsp4j.SemanticTokens(SemanticTokens.encode(a,
                        Positions.offset(a.file, params.getRange().getStart()),
                        Positions.offset(a.file, params.getRange().getEnd()))));
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.SignatureHelp> signatureHelp(org.eclipse.lsp4j.SignatureHelpParams params) {
        return read(params.getTextDocument().getUri(), null,
                a -> SignatureHelps.help(a, Positions.offset(a.file, params.getPosition())));
    }

    // ---------------------------------------------------------------- workspace

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // files changed on disk: forget their analyses; kcl.mod or CRDs: drop the cached schemas. Then
        // re-check what is open, since any of it may import what changed
        if (Workspace.forget(params, index)) {
            registry = null;
            projectRegistries.clear();
        }
        for (String uri : texts.keySet()) {
            schedule(uri, DEBOUNCE_MS, true);
        }
    }

    @Override
    public void didChangeWorkspaceFolders(org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams params) {
        Workspace.foldersChanged(params, index);
        for (String uri : texts.keySet()) {
            schedule(uri, DEBOUNCE_MS, true);
        }
    }

    static Project projectOf(Path file) {
        return Project.discover(file).value();
    }
}
