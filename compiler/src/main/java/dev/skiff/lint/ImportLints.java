package dev.skiff.lint;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.modules.Program;
import dev.skiff.resolve.Bindings;
import dev.skiff.resolve.Resolver;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The imports of one file: unused (E0601), imported twice (E0602), written after other statements (E0603). Imports
 * are per file in KCL, so a use in another file of the same package does not count.
 */
final class ImportLints {
    private ImportLints() {
    }

    static void check(SourceUnit unit, Bindings bindings, List<Diagnostic> out) {
        // by spelling, whatever the name is bound to: a type `storage.ObjectStorage` written in a schema with an
        // attribute `storage` names the import, and a name in a mixin's body is not bound at all
        Set<String> readIds = new HashSet<>();
        unit.body().forEach(s -> Reads.of(s, n -> readIds.add(n.id())));
        Map<String, Stmt.Import> first = new LinkedHashMap<>();
        boolean others = false;
        for (Stmt s : unit.body()) {
            if (!(s instanceof Stmt.Import i)) {
                // a docstring at the top of the file is the module's documentation, not a statement before imports
                others |= !(!others && s instanceof Stmt.ExprStmt e && e.expr() instanceof dev.skiff.syntax.Expr.StrLit);
                continue;
            }
            String name = Resolver.importName(i);
            if (others) {
                out.add(Diagnostic.warning(Code.E0603, i.span(), "`import " + i.path()
                                + "` comes after other statements")
                        .withHint("move the imports to the top of the file"));
            }
            Stmt.Import earlier = first.putIfAbsent(i.path() + " as " + name, i);
            if (earlier != null) {
                out.add(removable(Diagnostic.warning(Code.E0602, i.span(), "module `" + i.path()
                                + "` is imported again")
                        .withLabel(earlier.span(), "first imported here"), i));
                continue;
            }
            if (!readIds.contains(name) && !(bindings.program().target(i) instanceof Program.Target.Missing)) {
                out.add(removable(Diagnostic.warning(Code.E0601, i.span(), "module `" + i.path()
                        + "` is imported but never used"), i).withHint("remove the import"));
            }
        }
    }

    /** The import's whole line, newline included, removed as a quick fix, when nothing else shares the line. */
    private static Diagnostic removable(Diagnostic d, Stmt.Import i) {
        SourceFile f = i.span().file();
        int line = f.line(i.span().start());
        int start = f.offset(line, 0);
        int end = line + 1 < f.lineCount() ? f.offset(line + 1, 0) : f.length();
        String text = f.text().substring(start, end);
        if (!text.strip().equals(f.text().substring(i.span().start(), i.span().end()).strip())) {
            return d;
        }
        return d.withFix(new Diagnostic.Fix.Replace(Span.of(f, start, end), text, ""));
    }
}
