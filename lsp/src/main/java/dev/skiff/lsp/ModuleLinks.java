package dev.skiff.lsp;

import java.util.Optional;

/** How one document's analysis reaches the schemas of the modules it imports (other files, the stdlib). */
interface ModuleLinks {
    /** The schema {@code member} of the module {@code importPath} as written in {@code from}'s import. */
    Optional<SchemaInfo> schema(Analysis from, String importPath, String member);

    ModuleLinks NONE = (from, importPath, member) -> Optional.empty();
}
