package dev.skiff.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Starts the language server on a pair of streams (stdio for `skiff lsp`). */
public final class SkiffLauncher {
    private SkiffLauncher() {
    }

    /** Runs the server until the client disconnects; returns the listening future. */
    public static Future<Void> start(InputStream in, OutputStream out) {
        return start(in, out, () -> { });
    }

    /** As {@link #start(InputStream, OutputStream)}, running {@code onExit} on the client's exit notification. */
    public static Future<Void> start(InputStream in, OutputStream out, Runnable onExit) {
        SkiffLanguageServer server = new SkiffLanguageServer();
        server.onExit(onExit);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }
}
