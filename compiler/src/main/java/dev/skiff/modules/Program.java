package dev.skiff.modules;

import dev.skiff.diag.Diagnostic;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole program as the later stages see it: the main module and every Skiff package it imports, directly or
 * not, each parsed once, and what each {@code import} statement names. The checker, the evaluator and the
 * language server all read one {@code Program}; none of them resolves an import path again.
 *
 * <p>Loading follows imports from the main module breadth first through one {@link ModuleResolver}, so a
 * package is parsed once however many modules import it. Import cycles are left for evaluation to report
 * (with the path that closes them); loading simply does not follow a package twice.
 */
public final class Program {
    /** The name of the main module, as KCL spells it. */
    public static final String MAIN = "__main__";

    /**
     * One module: the files that form it.
     *
     * @param name        canonical name ({@link #MAIN} for the main module)
     * @param diagnostics the parse errors of its files (a package with errors is not evaluated)
     */
    public record Module(String name, List<SourceUnit> units, List<Diagnostic> diagnostics) {
        public Module {
            units = List.copyOf(units);
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean isMain() {
            return name.equals(MAIN);
        }

        /** Whether parsing it found errors (its contents are then partial). */
        public boolean broken() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** What an {@code import} statement names. */
    public sealed interface Target {
        /** A module written in Skiff (a project package, a dependency's, or the stdlib's). */
        record Package(Module module) implements Target {
        }

        /** A system module implemented by the evaluator ({@code math}, {@code yaml}, …). */
        record System(String name) implements Target {
        }

        /** A Kubernetes or CRD module ({@code k8s.api.apps.v1}, {@code crds.example.com.v1}), typed from schemas. */
        record Kubernetes(String path) implements Target {
        }

        /**
         * Nothing: {@code message} says where Skiff looked. {@code outside}: there is a module, but outside the
         * project and its dependencies, where imports may not reach.
         */
        record Missing(String message, boolean outside) implements Target {
            public Missing(String message) {
                this(message, false);
            }
        }
    }

    private final Module main;
    private final Map<String, Module> modules;
    private final Map<Stmt.Import, Target> imports;
    private final Map<SourceFile, Module> byFile;

    private Program(Module main, Map<String, Module> modules, Map<Stmt.Import, Target> imports) {
        this.main = main;
        this.modules = Collections.unmodifiableMap(modules);
        this.imports = Collections.unmodifiableMap(imports);
        Map<SourceFile, Module> files = new IdentityHashMap<>();
        modules.values().forEach(m -> m.units().forEach(u -> files.put(u.file(), m)));
        this.byFile = Collections.unmodifiableMap(files);
    }

    /** Whether an import path names a Kubernetes or CRD module rather than a package. */
    public static boolean isKubernetesPath(String path) {
        return path.equals("k8s") || path.startsWith("k8s.") || path.startsWith("crds.");
    }

    /**
     * Loads the program whose main module is {@code main} (already parsed): every package reachable through
     * imports, resolved by {@code resolver}. Never throws for a user's mistake: a module that cannot be found
     * is a {@link Target.Missing}.
     */
    public static Program load(List<SourceUnit> main, ModuleResolver resolver) {
        Module mainModule = new Module(MAIN, main, List.of());
        Map<String, Module> modules = new LinkedHashMap<>();
        modules.put(MAIN, mainModule);
        Map<Stmt.Import, Target> imports = new IdentityHashMap<>();
        Deque<Module> todo = new ArrayDeque<>();
        todo.add(mainModule);
        while (!todo.isEmpty()) {
            Module m = todo.poll();
            for (SourceUnit u : m.units()) {
                for (Stmt.Import i : importsOf(u.body(), new ArrayList<>())) {
                    Target t = target(i, u.file(), resolver, modules);
                    imports.put(i, t);
                    if (t instanceof Target.Package p && !modules.containsKey(p.module().name())) {
                        modules.put(p.module().name(), p.module());
                        todo.add(p.module());
                    }
                }
            }
        }
        return new Program(mainModule, modules, imports);
    }

    /** The import statements of a body, those inside top-level {@code if} branches included. */
    private static List<Stmt.Import> importsOf(List<Stmt> body, List<Stmt.Import> out) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Import i) {
                out.add(i);
            } else if (s instanceof Stmt.If i) {
                importsOf(i.body(), out);
                importsOf(i.orElse(), out);
            }
        }
        return out;
    }

    private static Target target(Stmt.Import i, SourceFile from, ModuleResolver resolver, Map<String, Module> known) {
        if (isKubernetesPath(i.path())) {
            return new Target.Kubernetes(i.path());
        }
        Resolution r;
        try {
            r = resolver.resolve(i.path(), from);
        } catch (RuntimeException e) {
            return new Target.Missing(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return switch (r) {
            case Resolution.Builtin b -> new Target.System(b.name());
            case Resolution.NotFound nf -> new Target.Missing(nf.message(), nf.outside());
            case Resolution.Package p -> {
                Module m = known.get(p.canonicalName());
                yield new Target.Package(m != null ? m : new Module(p.canonicalName(), p.files(), p.diagnostics()));
            }
        };
    }

    public Module main() {
        return main;
    }

    /** Every module, the main one first, then packages in the order they were reached. */
    public Map<String, Module> modules() {
        return modules;
    }

    /** What {@code i} names; null for an import statement that is not part of this program. */
    public Target target(Stmt.Import i) {
        return imports.get(i);
    }

    /** The module a file belongs to, or null. */
    public Module moduleOf(SourceFile file) {
        return byFile.get(file);
    }
}
