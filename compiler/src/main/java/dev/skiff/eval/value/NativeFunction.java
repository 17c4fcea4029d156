package dev.skiff.eval.value;

import java.util.List;
import java.util.Map;

/** The body of a function value: a builtin written in Java, or a closure made by the evaluator. */
@FunctionalInterface
public interface NativeFunction {
    /**
     * Calls the function. Mistakes in the arguments are reported by throwing {@link CallContext#error}.
     *
     * @param args   positional arguments
     * @param kwargs keyword arguments in the order written
     */
    Value call(CallContext ctx, List<Value> args, Map<String, Value> kwargs);

    /** The declared type of parameter {@code index} as written ({@code int}, {@code str | None}), or null. */
    default String parameterType(int index) {
        return null;
    }
}
