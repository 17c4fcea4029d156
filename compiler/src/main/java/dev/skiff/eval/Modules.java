package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.eval.lib.Library;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.modules.Program;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Imports: each module is evaluated once; importing one that is still being evaluated is a cycle. */
final class Modules {
    private final Interpreter in;
    private final Map<String, ModuleState> loaded = new HashMap<>();
    private final List<String> stack = new ArrayList<>();
    /** Diagnostics found while loading imported modules (their parse errors), reported with the program's. */
    final List<Diagnostic> diagnostics = new ArrayList<>();

    Modules(Interpreter in) {
        this.in = in;
    }

    /** Enters the main module: its state is known by name, as an imported module's is. */
    void enter(ModuleState main) {
        stack.add(main.name);
        loaded.put(main.name, main);
    }

    /** The state of a module that has been entered, by canonical name; null otherwise. */
    ModuleState state(String name) {
        return loaded.get(name);
    }

    Value importModule(Stmt.Import imp, SourceFile from) {
        Program.Target target = in.program.target(imp);
        if (target == null) {
            target = Program.load(List.of(new dev.skiff.syntax.SourceUnit(imp.span(), from, List.of(imp), List.of())),
                    in.options.resolver()).target(imp);
        }
        return switch (target) {
            case Program.Target.System b -> Library.systemModule(b.name()).map(m -> (Value) m).orElseThrow(() ->
                    new EvalException(Code.E0202, imp.pathSpan(), "the system module `" + b.name()
                            + "` is not available in Skiff yet"));
            case Program.Target.Missing nf -> throw new EvalException(Code.E0202, imp.pathSpan(), nf.outside()
                    ? "module `" + imp.path() + "` is outside the project" : "cannot find module `" + imp.path() + "`")
                    .withHint(nf.message());
            case Program.Target.Kubernetes k -> in.kubernetes.module(k.path(), imp.pathSpan());
            case Program.Target.Package p -> load(p.module(), imp);
        };
    }

    private Value load(Program.Module p, Stmt.Import imp) {
        ModuleState state = loaded.get(p.name());
        if (state != null) {
            if (!state.done) {
                throw cycle(p.name(), imp);
            }
            return new Value.Module(p.name(), state.members(in));
        }
        if (stack.contains(p.name())) {
            throw cycle(p.name(), imp);
        }
        boolean broken = false;
        for (Diagnostic d : p.diagnostics()) {
            diagnostics.add(d);
            broken |= d.isError();
        }
        if (broken) {
            throw new EvalException(Code.E0202, imp.pathSpan(), "module `" + imp.path() + "` has errors");
        }
        state = new ModuleState(p.name());
        loaded.put(p.name(), state);
        stack.add(p.name());
        try {
            in.statements.execModule(p.units(), state);
        } finally {
            stack.remove(stack.size() - 1);
        }
        state.done = true;
        return new Value.Module(p.name(), state.members(in));
    }

    private EvalException cycle(String name, Stmt.Import imp) {
        List<String> path = new ArrayList<>(stack.subList(Math.max(0, stack.indexOf(name)), stack.size()));
        path.add(name);
        return new EvalException(Code.E0203, imp.pathSpan(), "import cycle: " + String.join(" -> ", path))
                .withHint("move what both modules need into a third module that imports neither");
    }
}
