package dev.skiff;

import dev.skiff.diag.Diagnostic;
import dev.skiff.modules.Program;
import dev.skiff.modules.Project;
import dev.skiff.modules.ProjectResolver;
import dev.skiff.resolve.Bindings;
import dev.skiff.types.Inference;
import dev.skiff.types.KubernetesSchemas;
import dev.skiff.types.Occurrences;
import dev.skiff.types.SchemaTypes;
import java.nio.file.Path;
import java.util.List;

/**
 * What the compiler's front end knows of a program before it runs: the modules, parsed once
 * ({@link Program}); every name bound to its declaration ({@link Bindings}); the schemas as types
 * ({@link SchemaTypes}); the type of every expression ({@link Inference}); and the diagnostics of those stages.
 * {@link Skiff#compile} evaluates from it; the language server answers hover, completion, definition and
 * references from it, so the editor and the compiler share one model of the program.
 *
 * <p>A file that does not parse still has a tree (with error nodes), so the later stages run on what could be
 * read; their diagnostics are reported only when the program parses, as evaluation would not run otherwise.
 * The stage fields are null when no input could be read at all.
 *
 * @param diagnostics reading, parsing and, when the program parses, name and type problems, in that order
 * @param k8sVersion  the Kubernetes version the program is typed against (null: the newest)
 * @param crds        the CRD files whose kinds it may use
 * @param internal    the exception behind an internal error, for {@code --debug}; null normally
 */
public record Analysis(List<Diagnostic> diagnostics, Project project, ProjectResolver resolver, Program program,
                       Bindings bindings, SchemaTypes types, Inference inference, KubernetesSchemas kubernetes,
                       String k8sVersion, List<Path> crds, Throwable internal) {
    public Analysis {
        diagnostics = List.copyOf(diagnostics);
        crds = crds == null ? List.of() : List.copyOf(crds);
    }

    static Analysis failed(List<Diagnostic> diagnostics) {
        return new Analysis(diagnostics, null, null, null, null, null, null, null, null, List.of(), null);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Whether the stages ran (some input could be read). */
    public boolean available() {
        return inference != null;
    }

    /** What each name of the program stands for, by position (built once, on first use). */
    public Occurrences occurrences() {
        return inference.occurrences();
    }
}
