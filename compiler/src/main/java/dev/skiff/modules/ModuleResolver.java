package dev.skiff.modules;

import dev.skiff.source.SourceFile;

/**
 * Finds the module an {@code import} names. The evaluator asks; the resolver knows the project layout
 * ({@code kcl.mod}, package directories, relative imports, the stdlib). System modules implemented in
 * Java ({@code math}, {@code regex}, …) are the evaluator's own and are answered as {@link Resolution.Builtin}.
 */
public interface ModuleResolver {
    /**
     * Resolves {@code path} (as written, with leading dots for a relative import) for an import in
     * {@code from}. Never throws for user mistakes: a missing module is {@link Resolution.NotFound}.
     */
    Resolution resolve(String path, SourceFile from);
}
