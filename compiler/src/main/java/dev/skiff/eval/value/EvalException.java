package dev.skiff.eval.value;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.source.Span;

/**
 * Thrown inside the evaluator when the program fails; it never leaves {@code Evaluator.evaluate}, which
 * turns it into its {@link Diagnostic}. No stack trace is captured: it is a control-flow signal.
 */
public final class EvalException extends RuntimeException {
    private final transient Diagnostic diagnostic;

    public EvalException(Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
    }

    public EvalException(Code code, Span span, String message) {
        this(Diagnostic.error(code, span, message));
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }

    /** The same failure with a hint added. */
    public EvalException withHint(String hint) {
        return new EvalException(diagnostic.withHint(hint));
    }
}
