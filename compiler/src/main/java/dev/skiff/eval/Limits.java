package dev.skiff.eval;

/**
 * Bounds that keep evaluation finite: a program that exceeds one ends with a diagnostic, never a hang or a
 * crash.
 *
 * @param maxCallDepth nested calls of functions and schema instantiations
 * @param maxSteps     evaluated expressions in total
 * @param maxListSize  elements a single list or string may reach
 */
public record Limits(int maxCallDepth, long maxSteps, int maxListSize) {
    public static Limits defaults() {
        return new Limits(1_000, 200_000_000L, 10_000_000);
    }
}
