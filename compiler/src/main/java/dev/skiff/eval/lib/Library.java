package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** KCL's builtin functions, string methods and system modules, looked up by name. */
public final class Library {
    private static final Map<String, Value.Func> BUILTINS = new LinkedHashMap<>();
    private static final Map<String, Value.Func> STRING_METHODS = new LinkedHashMap<>();
    private static final Map<String, Value.Module> MODULES = new LinkedHashMap<>();

    static {
        Builtins.register(BUILTINS);
        StringMethods.register(STRING_METHODS);
        SystemModules.register(MODULES);
    }

    private Library() {
    }

    public static Optional<Value.Func> builtin(String name) {
        return Optional.ofNullable(BUILTINS.get(name));
    }

    public static Set<String> builtinNames() {
        return Collections.unmodifiableSet(BUILTINS.keySet());
    }

    /** A string method; its function receives the string itself as the first argument. */
    public static Optional<Value.Func> stringMethod(String name) {
        return Optional.ofNullable(STRING_METHODS.get(name));
    }

    public static Set<String> stringMethodNames() {
        return Collections.unmodifiableSet(STRING_METHODS.keySet());
    }

    public static Optional<Value.Module> systemModule(String name) {
        return Optional.ofNullable(MODULES.get(name));
    }

    public static Set<String> systemModuleNames() {
        return Collections.unmodifiableSet(MODULES.keySet());
    }

    /** The types of the library's functions, for the checker and the editor. */
    public static dev.skiff.types.FunctionTypes functionTypes() {
        return LibraryTypes.INSTANCE;
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

    static void define(Map<String, Value.Func> into, String name, Function<Args, Value> body) {
        into.put(name, new Value.Func(name, (ctx, args, kwargs) -> {
            try {
                return body.apply(new Args(ctx, name, args, kwargs));
            } catch (EvalException e) {
                throw e;
            } catch (RuntimeException e) {
                if (e instanceof java.util.concurrent.CancellationException c) {
                    throw c; // an editor's stale compile stopping, not a failure of the call
                }
                throw ctx.error(Code.E0507, "`" + name + "` failed: " + e.getMessage());
            }
        }));
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
