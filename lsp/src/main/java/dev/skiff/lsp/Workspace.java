package dev.skiff.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;

/** The workspace side of the server: folders, watched files, and the shapes cross-file answers take. */
final class Workspace {
    /** The files whose changes on disk matter: sources, project files, CRDs. */
    static final List<String> WATCHED = List.of("**/*.k", "**/kcl.mod", "**/*.yaml", "**/*.yml", "**/*.json");

    private Workspace() {
    }

    static void configure(ServerCapabilities caps, InitializeParams params, ProjectFiles index) {
        WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
        folders.setSupported(true);
        folders.setChangeNotifications(true);
        caps.setWorkspace(new WorkspaceServerCapabilities(folders));
        List<Path> roots = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                Path p = Uris.pathOf(f.getUri());
                if (p != null) {
                    roots.add(p);
                }
            }
        }
        @SuppressWarnings("deprecation")
        String rootUri = params.getRootUri();
        if (roots.isEmpty() && rootUri != null && Uris.pathOf(rootUri) != null) {
            roots.add(Uris.pathOf(rootUri));
        }
        index.setFolders(roots);
    }

    /** Whether the client lets the server register file watchers. */
    static boolean canWatch(InitializeParams params) {
        var caps = params.getCapabilities();
        return caps != null && caps.getWorkspace() != null && caps.getWorkspace().getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(caps.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration());
    }

    static void registerWatchers(LanguageClient client) {
        List<FileSystemWatcher> watchers = new ArrayList<>();
        for (String glob : WATCHED) {
            watchers.add(new FileSystemWatcher(Either.forLeft(glob)));
        }
        client.registerCapability(new RegistrationParams(List.of(new Registration("skiff-watched-files",
                "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(watchers)))));
    }

    static void foldersChanged(DidChangeWorkspaceFoldersParams params, ProjectFiles index) {
        if (params.getEvent() == null) {
            return;
        }
        for (WorkspaceFolder f : params.getEvent().getRemoved()) {
            Path p = Uris.pathOf(f.getUri());
            if (p != null) {
                index.removeFolder(p);
            }
        }
        for (WorkspaceFolder f : params.getEvent().getAdded()) {
            Path p = Uris.pathOf(f.getUri());
            if (p != null) {
                index.addFolder(p);
            }
        }
    }

    /** Fails the request with a message the editor shows, when there is a reason to. */
    static void refuse(String reason) {
        if (reason != null) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, reason, null));
        }
    }
}
