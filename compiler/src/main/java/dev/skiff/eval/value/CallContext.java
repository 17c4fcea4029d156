package dev.skiff.eval.value;

import dev.skiff.diag.Code;
import dev.skiff.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a function can ask of the evaluator that calls it. */
public interface CallContext {
    /** The span of the call being evaluated. */
    Span span();

    /** An exception to throw for a mistake in the call, reported at the call's span. */
    default EvalException error(Code code, String message) {
        return new EvalException(code, span(), message);
    }

    /** The {@code -D key=value} options, values already parsed as KCL literals where they look like one. */
    Map<String, Value> options();

    /** The {@code -D key=value} options as written, for {@code option(key, type="str")}. */
    default Map<String, String> rawOptions() {
        return Map.of();
    }

    /** Where {@code print} writes. */
    Appendable out();

    /** The project root: {@code file.*} functions may read and write only below it. */
    Path projectRoot();

    /**
     * Whether file writes happen ({@code skiff run}); when false ({@code skiff check}, the editor) a function that
     * writes checks its arguments and then does nothing.
     */
    default boolean writesFiles() {
        return false;
    }

    /**
     * Throws when the evaluation's time is up or it was cancelled: for functions whose work the evaluator's
     * steps do not count (matching a regular expression).
     */
    default void checkTime() {
    }

    /** Calls a function value (for builtins that take a function argument). */
    Value call(Value function, List<Value> args, Map<String, Value> kwargs);

    /**
     * Replaces the program's output with these documents ({@code manifests.yaml_stream}); {@code options}
     * holds the call's {@code opts} dict.
     */
    void setOutputStream(List<Value> documents, Map<String, Value> options);
}
