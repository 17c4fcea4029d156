package dev.skiff.eval.lib;

import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.types.Declaration;
import dev.skiff.types.Declarations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * KCL's builtin functions, string methods and system modules, looked up by name, each with the declaration
 * written beside its implementation (its signature and doc): the evaluator binds arguments by it, and the
 * checker and the editor read it through {@link #declarations()}.
 */
public final class Library {
    private static final Namespace BUILTINS = new Namespace("");
    private static final Namespace STRING_METHODS = new Namespace("");
    private static final Map<String, Namespace> MODULE_NAMESPACES = new LinkedHashMap<>();
    private static final Map<String, Value.Module> MODULES = new LinkedHashMap<>();
    private static final Declarations DECLARATIONS = new Declarations() {
        @Override
        public Declaration builtin(String name) {
            return BUILTINS.declarations().get(name);
        }

        @Override
        public Declaration stringMethod(String name) {
            return STRING_METHODS.declarations().get(name);
        }

        @Override
        public Declaration member(String module, String name) {
            Namespace ns = MODULE_NAMESPACES.get(module);
            return ns == null ? null : ns.declarations().get(name);
        }
    };

    static {
        Builtins.register(BUILTINS);
        StringMethods.register(STRING_METHODS);
        SystemModules.register(MODULE_NAMESPACES);
        MODULE_NAMESPACES.forEach((name, ns) -> MODULES.put(name, new Value.Module(name, ns.values())));
    }

    private Library() {
    }

    public static Optional<Value.Func> builtin(String name) {
        return Optional.ofNullable((Value.Func) BUILTINS.values().get(name));
    }

    public static Set<String> builtinNames() {
        return BUILTINS.values().keySet();
    }

    /** A string method; its function receives the string itself as the first argument. */
    public static Optional<Value.Func> stringMethod(String name) {
        return Optional.ofNullable((Value.Func) STRING_METHODS.values().get(name));
    }

    public static Set<String> stringMethodNames() {
        return STRING_METHODS.values().keySet();
    }

    public static Optional<Value.Module> systemModule(String name) {
        return Optional.ofNullable(MODULES.get(name));
    }

    public static Set<String> systemModuleNames() {
        return Collections.unmodifiableSet(MODULES.keySet());
    }

    /** The declarations of the library's names, for the checker and the editor. */
    public static Declarations declarations() {
        return DECLARATIONS;
    }

    /** The builtins' declarations by name, in the order they are defined. */
    public static Map<String, Declaration> builtinDeclarations() {
        return BUILTINS.declarations();
    }

    /** The string methods' declarations by name. */
    public static Map<String, Declaration> stringMethodDeclarations() {
        return STRING_METHODS.declarations();
    }

    /** The declarations of a system module's members by name; empty for a module Skiff does not have. */
    public static Map<String, Declaration> moduleDeclarations(String module) {
        Namespace ns = MODULE_NAMESPACES.get(module);
        return ns == null ? Map.of() : ns.declarations();
    }

    /** A type a system module declares, by qualified name ({@code units.NumberMultiplier}), or empty. */
    public static Optional<dev.skiff.eval.value.NativeType> nativeType(String qualified) {
        int dot = qualified.lastIndexOf('.');
        Value.Module m = dot < 0 ? null : MODULES.get(qualified.substring(0, dot));
        Value member = m == null ? null : m.members().get(qualified.substring(dot + 1));
        return member instanceof Value.Func f && f.impl() instanceof dev.skiff.eval.value.NativeType t
                ? Optional.of(t) : Optional.empty();
    }

    /**
     * The type an annotation naming a system module's type means: a number that the module's own test accepts;
     * null when there is no such type.
     */
    public static dev.skiff.types.Type systemType(String qualified) {
        return nativeType(qualified).map(t -> (dev.skiff.types.Type) new dev.skiff.types.Type.Refined(
                dev.skiff.types.Type.union(dev.skiff.types.Type.INT, dev.skiff.types.Type.FLOAT),
                new dev.skiff.types.Refinement(t.name(), List.of(new dev.skiff.types.Refinement.Opaque(t.name())))))
                .orElse(null);
    }

    static Value add(Args a, Value x, Value y) {
        if (x instanceof Value.Int i && y instanceof Value.Int j) {
            return new Value.Int(Math.addExact(i.value(), j.value()));
        }
        if (Values.isNumber(x) && Values.isNumber(y)) {
            return new Value.Float(Values.asDouble(x) + Values.asDouble(y));
        }
        if (x instanceof Value.Str s && y instanceof Value.Str t) {
            return new Value.Str(s.value() + t.value());
        }
        if (x instanceof Value.ListV l && y instanceof Value.ListV m) {
            List<Value> all = new ArrayList<>(l.items());
            all.addAll(m.items());
            return new Value.ListV(all);
        }
        throw a.bad("cannot add `" + Values.typeName(x) + "` and `" + Values.typeName(y) + "`");
    }
}
