package dev.skiff.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a stage returns: a value (possibly partial, possibly null when nothing could be produced) and the
 * diagnostics found on the way. Stages never throw for mistakes in the user's program.
 */
public record Result<T>(T value, List<Diagnostic> diagnostics) {
    public Result {
        diagnostics = List.copyOf(diagnostics);
    }

    public static <T> Result<T> ok(T value) {
        return new Result<>(value, List.of());
    }

    public static <T> Result<T> of(T value, List<Diagnostic> diagnostics) {
        return new Result<>(value, diagnostics);
    }

    public static <T> Result<T> failed(List<Diagnostic> diagnostics) {
        return new Result<>(null, diagnostics);
    }

    public boolean hasErrors() {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }

    public <U> Result<U> map(Function<? super T, ? extends U> f) {
        return new Result<>(value == null ? null : f.apply(value), diagnostics);
    }

    /** This result's diagnostics followed by more. */
    public Result<T> withMore(List<Diagnostic> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(more);
        return new Result<>(value, all);
    }
}
