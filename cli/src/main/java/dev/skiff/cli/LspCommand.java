package dev.skiff.cli;

import dev.skiff.lsp.SkiffLauncher;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;

/** {@code skiff lsp}: the language server, over standard input and output. */
@Command(name = "lsp",
        description = "Run the Skiff language server over stdio (for editors).",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  skiff lsp        started by your editor; see the README's Editors section"})
public final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
        java.util.logging.LogManager.getLogManager().reset(); // stdout carries the protocol: no log lines there
        try {
            SkiffLauncher.start(System.in, System.out, () -> System.exit(0)).get();
        } catch (ExecutionException e) {
            return ExitCodes.OK; // the client went away
        }
        return ExitCodes.OK;
    }
}
