package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.eval.lib.Library;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.modules.Resolution;
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

    void enter(String name) {
        stack.add(name);
    }

    Value importModule(Stmt.Import imp, SourceFile from) {
        if (KubernetesTypes.handles(imp.path())) {
            return in.kubernetes.module(imp.path(), imp.pathSpan());
        }
        Resolution r = in.options.resolver().resolve(imp.path(), from);
        return switch (r) {
            case Resolution.Builtin b -> Library.systemModule(b.name()).map(m -> (Value) m).orElseThrow(() ->
                    new EvalException(Code.E0202, imp.pathSpan(), "the system module `" + b.name()
                            + "` is not available in Skiff yet"));
            case Resolution.NotFound nf -> throw new EvalException(Code.E0202, imp.pathSpan(), nf.outside()
                    ? "module `" + imp.path() + "` is outside the project" : "cannot find module `" + imp.path() + "`")
                    .withHint(nf.message());
            case Resolution.Package p -> load(p, imp);
        };
    }

    private Value load(Resolution.Package p, Stmt.Import imp) {
        ModuleState state = loaded.get(p.canonicalName());
        if (state != null) {
            if (!state.done) {
                throw cycle(p.canonicalName(), imp);
            }
            return new Value.Module(p.canonicalName(), state.members(in));
        }
        if (stack.contains(p.canonicalName())) {
            throw cycle(p.canonicalName(), imp);
        }
        boolean broken = false;
        for (Diagnostic d : p.diagnostics()) {
            diagnostics.add(d);
            broken |= d.isError();
        }
        if (broken) {
            throw new EvalException(Code.E0202, imp.pathSpan(), "module `" + imp.path() + "` has errors");
        }
        state = new ModuleState(p.canonicalName());
        loaded.put(p.canonicalName(), state);
        stack.add(p.canonicalName());
        try {
            in.statements.execModule(p.files(), state);
        } finally {
            stack.remove(stack.size() - 1);
        }
        state.done = true;
        return new Value.Module(p.canonicalName(), state.members(in));
    }

    private EvalException cycle(String name, Stmt.Import imp) {
        List<String> path = new ArrayList<>(stack.subList(Math.max(0, stack.indexOf(name)), stack.size()));
        path.add(name);
        return new EvalException(Code.E0203, imp.pathSpan(), "import cycle: " + String.join(" -> ", path))
                .withHint("move what both modules need into a third module that imports neither");
    }
}
