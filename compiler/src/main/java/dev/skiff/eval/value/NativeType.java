package dev.skiff.eval.value;

import dev.skiff.diag.Code;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A type a system module provides, such as {@code units.NumberMultiplier}: usable in annotations, where a value
 * meets it when {@code contains} says so; it cannot be called.
 *
 * @param name     the type as written in annotations
 * @param contains whether a value is of the type
 */
public record NativeType(String name, Predicate<Value> contains) implements NativeFunction {
    @Override
    public Value call(CallContext ctx, List<Value> args, Map<String, Value> kwargs) {
        throw ctx.error(Code.E0304, "`" + name + "` is a type and cannot be called");
    }
}
