package dev.skiff.eval.lib;

import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** TEMPORARY stub until the emit branch lands. */
public final class Library {
    private Library() {
    }

    private static final Map<String, Value.Func> BUILTINS = Map.of(
            "print", new Value.Func("print", (ctx, args, kwargs) -> {
                try {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < args.size(); i++) {
                        sb.append(i == 0 ? "" : " ").append(Values.toStr(args.get(i)));
                    }
                    ctx.out().append(sb).append('\n');
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return Value.None.NONE;
            }),
            "len", new Value.Func("len", (ctx, args, kwargs) -> {
                Value v = args.get(0);
                if (v instanceof Value.ListV l) return new Value.Int(l.items().size());
                if (v instanceof Value.Str s) return new Value.Int(s.value().length());
                return new Value.Int(Values.entries(v).size());
            }));

    public static Optional<Value.Func> builtin(String name) {
        return Optional.ofNullable(BUILTINS.get(name));
    }

    public static Set<String> builtinNames() {
        return BUILTINS.keySet();
    }

    public static Optional<Value.Func> stringMethod(String name) {
        return Optional.empty();
    }

    public static Set<String> stringMethodNames() {
        return Set.of();
    }

    public static Optional<Value.Module> systemModule(String name) {
        return Optional.empty();
    }
}
