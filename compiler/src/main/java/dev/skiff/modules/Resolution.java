package dev.skiff.modules;

import dev.skiff.diag.Diagnostic;
import dev.skiff.syntax.SourceUnit;
import java.util.List;

/** The answer of a {@link ModuleResolver}. */
public sealed interface Resolution {

    /** A system module implemented by the evaluator, such as {@code math}; {@code name} is canonical. */
    record Builtin(String name) implements Resolution {
    }

    /**
     * A module written in Skiff: all {@code .k} files of one package directory (or one file), parsed.
     *
     * @param canonicalName a name unique within the program (e.g. {@code app.models.person}); modules are
     *                      cached and checked for cycles by this name
     * @param files         the parsed files, in file-name order
     * @param diagnostics   parse errors of those files
     */
    record Package(String canonicalName, List<SourceUnit> files, List<Diagnostic> diagnostics) implements Resolution {
        public Package {
            files = List.copyOf(files);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * No such module; {@code message} says where Skiff looked. {@code outside}: there is one, but outside the
     * project and its dependencies, where imports may not reach.
     */
    record NotFound(String message, boolean outside) implements Resolution {
        public NotFound(String message) {
            this(message, false);
        }
    }
}
