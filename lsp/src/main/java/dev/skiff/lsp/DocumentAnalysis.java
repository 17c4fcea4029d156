package dev.skiff.lsp;

import dev.skiff.Analysis;
import dev.skiff.resolve.Bindings;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.types.Inference;
import dev.skiff.types.Occurrences;
import dev.skiff.types.SchemaTypes;

/**
 * One version of one document as the features see it: the compiler's {@link Analysis} of the program the
 * document is the main file of (its imports read from the editor's buffers where they are open), and the
 * document's own file and tree in it. Never changed once made.
 *
 * @param file the document's source in the analysis (spans of the document's nodes point here)
 * @param unit the document's syntax tree (with error nodes where it does not parse); null if it could not be read
 */
record DocumentAnalysis(String uri, int version, String text, SourceFile file, SourceUnit unit, Analysis analysis) {
    boolean available() {
        return analysis != null && analysis.available() && unit != null;
    }

    Bindings bindings() {
        return analysis.bindings();
    }

    SchemaTypes types() {
        return analysis.types();
    }

    Inference inference() {
        return analysis.inference();
    }

    Occurrences occurrences() {
        return analysis.occurrences();
    }

    /** Whether the document itself parses (the program's other problems aside). */
    boolean parses() {
        return analysis != null && analysis.diagnostics().stream()
                .noneMatch(d -> d.isError() && d.code().id().startsWith("E01") && d.span() != null
                        && d.span().file() == file);
    }
}
