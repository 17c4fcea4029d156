package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.diag.TextRenderer;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** Options every compiling command shares: colour and debugging. */
final class CommonOptions {
    @Option(names = "--color", paramLabel = "auto|always|never", defaultValue = "auto",
            description = "Colour diagnostics: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Color color;

    @Option(names = "--debug", description = "Show Java stack traces of internal errors.")
    boolean debug;

    /** When to colour. */
    enum Color { auto, always, never }

    boolean useColor() {
        return switch (color) {
            case always -> true;
            case never -> false;
            case auto -> System.console() != null && System.getenv("NO_COLOR") == null
                    && !"dumb".equals(System.getenv("TERM"));
        };
    }

    /** Prints a compilation's diagnostics, and its internal exception when debugging. */
    void report(Compilation c, PrintWriter err) {
        if (!c.diagnostics().isEmpty()) {
            err.print(new TextRenderer(useColor()).render(c.diagnostics()));
            err.flush();
        }
        if (debug && c.internal() != null) {
            c.internal().printStackTrace(err);
            err.flush();
        }
    }
}
