package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.NativeType;
import dev.skiff.eval.value.Value;
import dev.skiff.types.Declaration;
import dev.skiff.types.Signature;
import dev.skiff.types.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The names of one part of the library (the builtins, the string methods, or one system module), each defined
 * together with its declaration: a function is added only with its signature and doc, whose name it takes, so
 * the library cannot hold a function the checker and the editor know nothing of.
 */
final class Namespace {
    private final String prefix;
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Map<String, Declaration> declarations = new LinkedHashMap<>();

    /** @param prefix what signatures and messages put before a name: {@code "math."}, or {@code ""} */
    Namespace(String prefix) {
        this.prefix = prefix;
    }

    Map<String, Value> values() {
        return Collections.unmodifiableMap(values);
    }

    Map<String, Declaration> declarations() {
        return Collections.unmodifiableMap(declarations);
    }

    /** A signature of this namespace: {@code "sqrt(x: int | float) -> float"} is read as {@code math.sqrt(…)}. */
    Signature sig(String signature, String doc) {
        return Signature.parse(prefix + signature, doc);
    }

    /** Defines a function with one signature. */
    void fn(String signature, String doc, Function<Args, Value> body) {
        fn(List.of(sig(signature, doc)), null, body);
    }

    /** Defines a function whose result type depends on its arguments' types, as {@code rule} says. */
    void fn(String signature, String doc, Declaration.ResultRule rule, Function<Args, Value> body) {
        fn(List.of(sig(signature, doc)), rule, body);
    }

    /** Defines a function with several signatures (overloads, tried in order); {@link Args#overload()} says which. */
    void fn(List<Signature> overloads, Declaration.ResultRule rule, Function<Args, Value> body) {
        Declaration.Function decl = declare(overloads, rule);
        Binder binder = new Binder(decl);
        String qualified = overloads.get(0).name();
        values.put(decl.name(), new Value.Func(qualified, (ctx, args, kwargs) -> {
            Args a = binder.bind(ctx, args, kwargs);
            try {
                return body.apply(a);
            } catch (EvalException | java.util.concurrent.CancellationException e) {
                throw e; // a cancelled editor compile stops, it is not a failure of the call
            } catch (RuntimeException e) {
                throw ctx.error(Code.E0507, "`" + qualified + "` failed: " + e.getMessage());
            }
        }));
    }

    /**
     * Defines a string method: its function receives the string itself first (see the evaluator's member
     * lookup), and the body gets it apart from the declared arguments.
     */
    void method(String signature, String doc, BiFunction<String, Args, Value> body) {
        Declaration.Function decl = declare(List.of(sig(signature, doc)), null);
        Binder binder = new Binder(decl);
        String name = decl.name();
        values.put(name, new Value.Func(name, (ctx, args, kwargs) -> {
            String self = ((Value.Str) args.get(0)).value();
            Args a = binder.bind(ctx, args.subList(1, args.size()), kwargs);
            try {
                return body.apply(self, a);
            } catch (EvalException | java.util.concurrent.CancellationException e) {
                throw e; // a cancelled editor compile stops, it is not a failure of the call
            } catch (RuntimeException e) {
                throw ctx.error(Code.E0507, "`str." + name + "` failed: " + e.getMessage());
            }
        }));
    }

    /** Defines a constant. */
    void constant(String name, Value value, Type type, String doc) {
        add(new Declaration.Constant(name, type, doc));
        values.put(name, value);
    }

    /** Defines a type for annotations ({@code units.NumberMultiplier}). */
    void type(String name, NativeType type, String doc) {
        add(new Declaration.TypeName(name, doc));
        values.put(name, new Value.Func(prefix + name, type));
    }

    private Declaration.Function declare(List<Signature> overloads, Declaration.ResultRule rule) {
        String qualified = overloads.get(0).name();
        for (Signature s : overloads) {
            if (!s.name().equals(qualified)) {
                throw new IllegalArgumentException("overloads of " + qualified + " name " + s.name());
            }
        }
        Declaration.Function decl = new Declaration.Function(qualified.substring(prefix.length()), overloads, rule);
        add(decl);
        return decl;
    }

    private void add(Declaration d) {
        if (d.doc() == null || d.doc().isBlank()) {
            throw new IllegalArgumentException(prefix + d.name() + " is declared without a doc");
        }
        if (declarations.putIfAbsent(d.name(), d) != null) {
            throw new IllegalArgumentException(prefix + d.name() + " is declared twice");
        }
    }
}
