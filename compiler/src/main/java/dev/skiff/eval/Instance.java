package dev.skiff.eval;

import dev.skiff.eval.value.Value;
import dev.skiff.source.Span;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A schema instance under construction. Attributes resolve on demand, so a default may refer to an
 * attribute declared further down, as in KCL; a cycle among defaults is reported, not looped on.
 */
final class Instance {
    enum State { RESOLVING, DONE }

    final SchemaDef def;
    /** The config the instance is made from (a dict value with per-entry operators), or an empty dict. */
    final Value config;
    final Span span;
    final Map<String, Value> values = new LinkedHashMap<>();
    final Map<String, State> states = new HashMap<>();
    /** Where the body gave each attribute its value (a default's expression, an assignment's target). */
    final Map<String, Span> origins = new HashMap<>();
    /** Body statements already run (by identity): each runs once, in order or when an attribute needs it. */
    final java.util.Set<dev.skiff.syntax.Stmt> executed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Attributes being resolved, innermost first. */
    final java.util.Deque<String> resolving = new java.util.ArrayDeque<>();
    Env env;
    /** Scopes for statements inherited from schemas of other modules: see {@link #envFor}. */
    private Map<SchemaDef, Env> inherited;
    private final Interpreter in;

    Instance(Interpreter in, SchemaDef def, Value config, Span span) {
        this.in = in;
        this.def = def;
        this.config = config;
        this.span = span;
    }

    /**
     * The scope to run a body statement or check in: the instance's attributes and parameters, then the
     * globals of the module the statement was written in (a parent or mixin from another package reads its
     * own module's names, not those of the module that inherits it).
     */
    Env envFor(dev.skiff.syntax.Node n) {
        dev.skiff.types.SchemaType written = def.layout().origin(n);
        SchemaDef origin = written == null || written == def.type ? def : in.defOf(written);
        if (origin.env == def.env || origin.env.module == env.module) {
            return env;
        }
        if (inherited == null) {
            inherited = new HashMap<>();
        }
        return inherited.computeIfAbsent(origin, o -> env.rebased(o.env));
    }

    boolean has(String name) {
        // a name the body assigns (private helpers like `_x = …` included) is an attribute of the instance
        return def.attrs().containsKey(name) || values.containsKey(name) || def.layout().writers().containsKey(name);
    }
}
