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
    private final String reason;

    public EvalException(Diagnostic diagnostic) {
        this(diagnostic, null);
    }

    /**
     * @param reason the program's own words for the failure (an {@code assert}'s or a check's message), which
     *               {@code runtime.catch} returns; null when it has none
     */
    public EvalException(Diagnostic diagnostic, String reason) {
        super(diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
        this.reason = reason;
    }

    public EvalException(Code code, Span span, String message) {
        this(Diagnostic.error(code, span, message));
    }

    public Diagnostic diagnostic() {
        return diagnostic;
    }

    /** The failure in the program's own words where it gave some, else the diagnostic's message. */
    public String reason() {
        return reason != null ? reason : diagnostic.message();
    }

    /** The same failure with a hint added. */
    public EvalException withHint(String hint) {
        return new EvalException(diagnostic.withHint(hint), reason);
    }
}
