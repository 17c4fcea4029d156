package dev.skiff.lint;

import dev.skiff.diag.Diagnostic;
import dev.skiff.modules.Program;
import dev.skiff.modules.Project;
import dev.skiff.resolve.Bindings;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import dev.skiff.syntax.SourceUnit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The lint stage: warnings about code that works but is likely a mistake, as {@code kcl lint} gives them (E06xx):
 * unused, duplicated or misplaced imports ({@link ImportLints}), unused private names and locals and reassigned
 * immutable names ({@link NameLints}), and hidden names ({@link Shadowing}). It reads the resolve stage's
 * {@link Bindings} and never changes what a program means; {@code skiff check} and the editor report its warnings,
 * {@code run} and {@code build} do not run it.
 *
 * <p>It looks at the program's own code: the main module and the packages of its project, not the stdlib or
 * dependencies outside the project, and not a file that does not parse. A warning is left out when its line ends in
 * a comment {@code # noqa} (every warning of the line) or {@code # noqa: E0601, unused-name} (those codes or
 * names), and when {@code kcl.mod} lists its code or name under {@code [skiff] lint-ignore}.
 */
public final class Lint {
    private Lint() {
    }

    /**
     * The warnings for {@code program}, in file and position order.
     *
     * @param project the project the program belongs to (its root bounds the packages looked at; its
     *                {@code [skiff] lint-ignore} lists codes not reported); null for none
     * @param known   the diagnostics found so far: files with syntax errors are not looked at
     */
    public static List<Diagnostic> check(Program program, Bindings bindings, Project project, List<Diagnostic> known) {
        Set<SourceFile> broken = new HashSet<>();
        for (Diagnostic d : known) {
            if (d.isError() && d.span() != null && d.code().name().startsWith("E01")) {
                broken.add(d.span().file());
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Program.Module m : program.modules().values()) {
            if (!ownCode(m, project) || m.broken() || m.units().stream().anyMatch(u -> broken.contains(u.file()))) {
                continue;
            }
            List<Diagnostic> found = new ArrayList<>();
            try {
                m.units().forEach(u -> ImportLints.check(u, bindings, found));
                NameLints.check(m, bindings, found);
                Shadowing.check(m, bindings, found);
            } catch (StackOverflowError e) {
                continue; // nested deeper than this thread's stack can walk: no warnings rather than a crash
            }
            out.addAll(found);
        }
        Set<String> ignored = ignored(project);
        List<Diagnostic> kept = new ArrayList<>();
        for (Diagnostic d : out) {
            if (!ignored.contains(d.code().id()) && !ignored.contains(d.code().slug())
                    && !Suppressions.suppressed(d, program)) {
                kept.add(d);
            }
        }
        kept.sort(Comparator.comparing((Diagnostic d) -> d.span().file().name())
                .thenComparingInt(d -> d.span().start()).thenComparing(d -> d.code().id()));
        return kept;
    }

    /**
     * {@code diagnostics} (a compilation's, or the analysis's own when it did not run) with the analysis's lint
     * warnings merged in; as they are when the analysis has no program. What {@code skiff check} and the editor
     * both show.
     */
    public static List<Diagnostic> withWarnings(dev.skiff.Analysis a, List<Diagnostic> diagnostics) {
        if (!a.available()) {
            return diagnostics;
        }
        return merge(diagnostics, check(a.program(), a.bindings(), a.project(), a.diagnostics()));
    }

    /**
     * A compilation's diagnostics followed by the lint's warnings, except a warning at the place of an error (the error says more: a reassigned name that ran is E0205).
     */
    public static List<Diagnostic> merge(List<Diagnostic> compiled, List<Diagnostic> warnings) {
        Set<Span> errors = new HashSet<>();
        compiled.stream().filter(Diagnostic::isError).forEach(d -> errors.add(d.span()));
        List<Diagnostic> all = new ArrayList<>(compiled);
        for (Diagnostic w : warnings) {
            if (!errors.contains(w.span())) {
                all.add(w);
            }
        }
        return all;
    }

    /** The main module, and packages whose files lie in the project (not the stdlib, not outside dependencies). */
    private static boolean ownCode(Program.Module m, Project project) {
        if (m.isMain()) {
            return true;
        }
        if (project == null || m.units().isEmpty()) {
            return false;
        }
        for (SourceUnit u : m.units()) {
            java.net.URI uri = u.file().uri();
            if (!"file".equals(uri.getScheme()) || !Path.of(uri).normalize().startsWith(project.root())) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> ignored(Project project) {
        Set<String> out = new HashSet<>();
        if (project != null && project.skiff().get("lint-ignore") instanceof List<?> listed) {
            listed.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }
}
