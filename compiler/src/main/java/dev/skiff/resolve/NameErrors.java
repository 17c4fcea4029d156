package dev.skiff.resolve;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.source.Span;
import java.util.Collection;
import java.util.Set;

/**
 * The messages of name errors, shared by the resolve stage (which finds them before evaluation, in code that
 * may never run) and the evaluator (which finds the rest while running), so each reads the same wherever it is
 * found.
 */
public final class NameErrors {
    private NameErrors() {
    }

    /**
     * A name read where nothing of that name is visible: a hint to import it when it is a system module, else the
     * closest visible name, offered as a fix.
     */
    public static Diagnostic undefined(Span at, String name, Collection<String> visible, Set<String> systemModules) {
        Diagnostic d = Diagnostic.error(Code.E0201, at, "name `" + name + "` is not defined");
        return systemModules.contains(name) ? d.withHint("add `import " + name + "` at the top of the file")
                : d.suggesting(name, visible);
    }
}
