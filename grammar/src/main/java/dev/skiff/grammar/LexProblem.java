package dev.skiff.grammar;

/**
 * A problem the lexer found, in code-point offsets of the input; the compiler turns it into a diagnostic.
 *
 * @param code the diagnostic code, e.g. {@code E0102}
 */
public record LexProblem(String code, int start, int end, String message) {
}
