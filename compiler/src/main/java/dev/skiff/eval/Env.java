package dev.skiff.eval;

import dev.skiff.eval.value.Value;
import dev.skiff.source.Span;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scope: a module's globals, a schema body, a lambda call, a comprehension, a config, or the key an index
 * signature binds ({@code [name: str]: T}) for its default and the schema's checks. Unlike a comprehension's
 * variable, that key does not stand for its value when used as a config key ({@code {name: name}}).
 */
final class Env {
    enum Kind { MODULE, SCHEMA, LAMBDA, COMPREHENSION, CONFIG, INDEX_KEY }

    final Env parent;
    final Kind kind;
    final ModuleState module;
    /** The schema instance under construction, for {@link Kind#SCHEMA} scopes. */
    final Instance instance;
    final Map<String, Binding> vars;

    Env(Env parent, Kind kind, ModuleState module, Instance instance) {
        this(parent, kind, module, instance, new LinkedHashMap<>());
    }

    private Env(Env parent, Kind kind, ModuleState module, Instance instance, Map<String, Binding> vars) {
        this.parent = parent;
        this.kind = kind;
        this.module = module;
        this.instance = instance;
        this.vars = vars;
    }

    /** This scope (its bindings and instance shared, not copied) over the globals {@code outer} instead. */
    Env rebased(Env outer) {
        return new Env(outer, kind, outer.module, instance, vars);
    }

    Env child(Kind childKind) {
        return new Env(this, childKind, module, null);
    }

    /** A name bound in a scope, with where it was first bound (for "declared here" labels). */
    static final class Binding {
        Value value;
        final Span declared;
        /** A top-level variable's type: its annotation, or what its first value shows; null when unknown. */
        dev.skiff.types.Type type;
        /** Whether {@link #type} was written as an annotation (which a later assignment may not change). */
        boolean annotated;
        /** Pending top-level unification ({@code x: S {…}} repeated): the schema and the merged config. */
        SchemaDef pendingSchema;
        Value pendingConfig;
        Span pendingSpan;
        java.util.List<Value> pendingArgs = java.util.List.of();
        java.util.Map<String, Value> pendingKwargs = java.util.Map.of();

        Binding(Value value, Span declared) {
            this.value = value;
            this.declared = declared;
        }
    }
}
