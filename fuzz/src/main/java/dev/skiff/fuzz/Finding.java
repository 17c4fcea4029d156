package dev.skiff.fuzz;

/**
 * A stage's verdict on an input that is worth a look.
 *
 * @param signature what makes two findings the same defect: stage, verdict and the top of the stack (or
 *                  the reason) — not the input
 * @param detail    the stack trace or explanation
 */
public record Finding(Stage stage, Verdict verdict, String signature, String detail) {
}
