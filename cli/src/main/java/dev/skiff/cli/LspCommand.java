package dev.skiff.cli;

import dev.skiff.lsp.SkiffLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skiff lsp}: the language server. It speaks over standard input and output unless told otherwise,
 * and accepts the flags language clients add to a server's command line: {@code --stdio} (VS Code's
 * {@code vscode-languageclient} appends it), {@code --clientProcessId=N} (the server exits when that process
 * is gone, so a crashed editor leaves no JVM behind), {@code --socket=PORT} and {@code --pipe=NAME} (the
 * client listens; the server connects).
 */
@Command(name = "lsp",
        description = "Run the Skiff language server (for editors): over standard input and output by default.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        footerHeading = "%nExamples:%n",
        footer = {
                "  skiff lsp                      started by your editor; see the README's Editors section",
                "  skiff lsp --stdio              the same (the flag VS Code's language client adds)",
                "  skiff lsp --socket=5007        connect to a client listening on 127.0.0.1:5007",
                "",
                "Exit codes: 0 the client disconnected or asked the server to exit, 2 bad usage, 3 internal error."})
public final class LspCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--stdio", description = "Speak the protocol over standard input and output (the default).")
    boolean stdio;

    @Option(names = {"--clientProcessId", "--client-process-id"}, paramLabel = "PID",
            description = "Exit when this process (the editor) is gone.")
    Long clientProcessId;

    @Option(names = {"--socket", "--port"}, paramLabel = "PORT",
            description = "Connect to a client listening on this TCP port of 127.0.0.1.")
    Integer socket;

    @Option(names = "--pipe", paramLabel = "PATH", description = "Connect to a client listening on this Unix socket.")
    Path pipe;

    @Option(names = "--node-ipc", hidden = true)
    boolean nodeIpc;

    @Override
    public Integer call() throws InterruptedException, IOException {
        int transports = (stdio ? 1 : 0) + (socket != null ? 1 : 0) + (pipe != null ? 1 : 0) + (nodeIpc ? 1 : 0);
        if (transports > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "choose one of --stdio, --socket and --pipe");
        }
        if (nodeIpc) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--node-ipc works only for servers written for Node.js; use --stdio (the default)");
        }
        java.util.logging.LogManager.getLogManager().reset(); // stdout may carry the protocol: no log lines there
        if (clientProcessId != null) {
            watch(clientProcessId);
        }
        InputStream in = System.in;
        OutputStream out = System.out;
        if (socket != null) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), socket), 10_000);
            in = s.getInputStream();
            out = s.getOutputStream();
        } else if (pipe != null) {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(pipe));
            in = Channels.newInputStream(ch);
            out = Channels.newOutputStream(ch);
        }
        try {
            SkiffLauncher.start(in, out, () -> System.exit(0)).get();
        } catch (ExecutionException e) {
            return ExitCodes.OK; // the client went away
        }
        return ExitCodes.OK;
    }

    /** Ends the server once the client process has ended (checked every few seconds; no thread keeps the JVM up). */
    private static void watch(long pid) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skiff-lsp-client-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return;
            }
            System.exit(0);
        }, 0, 3, TimeUnit.SECONDS);
    }
}
