package dev.skiff.eval;

import dev.skiff.eval.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/** One evaluated (or evaluating) module: its globals in the order they were first bound. */
final class ModuleState {
    final String name;
    final Env globals;
    boolean done;
    /** Top-level statements already run (by identity), so one run early for a forward reference is not rerun. */
    final java.util.Set<dev.skiff.syntax.Stmt> executed =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** For each global name, the top-level statements that assign it, in order. */
    final Map<String, java.util.List<dev.skiff.syntax.Stmt>> writers = new java.util.HashMap<>();
    /** Values of top-level expression statements, which join the output as in KCL. */
    final java.util.List<Output> expressionOutputs = new java.util.ArrayList<>();

    /** A top-level expression's value and where it was written. */
    record Output(Value value, dev.skiff.source.Span span) {
    }

    ModuleState(String name) {
        this.name = name;
        this.globals = new Env(null, Env.Kind.MODULE, this, null);
    }

    /**
     * The members: every global. As in KCL, a name starting with {@code _} is left out of the module's output, not
     * hidden from importers ({@code metadata.__META_APP_NAME} in konfig reads one).
     */
    Map<String, Value> members(Interpreter in) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Map.Entry<String, Env.Binding> e : globals.vars.entrySet()) {
            out.put(e.getKey(), in.valueOf(e.getValue()));
        }
        return out;
    }
}
