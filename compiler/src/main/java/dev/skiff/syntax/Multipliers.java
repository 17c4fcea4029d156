package dev.skiff.syntax;

import java.math.BigDecimal;
import java.util.Map;

/**
 * KCL's number multipliers ({@code 1Ki}, {@code 500m}): what each suffix a number literal may carry multiplies
 * by. One table for every stage that computes a literal's value (the evaluator, literal types).
 */
public final class Multipliers {
    private static final Map<String, BigDecimal> FACTORS = Map.ofEntries(
            Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")),
            Map.entry("K", new BigDecimal("1e3")), Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")), Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")), Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)), Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)), Map.entry("Pi", BigDecimal.valueOf(1L << 50)));

    private Multipliers() {
    }

    /** The factor of a suffix, or null when it is not one. */
    public static BigDecimal factor(String suffix) {
        return FACTORS.get(suffix);
    }

    /**
     * The value of an integer literal: a {@code Long}, or a {@code Double} when the multiplied value is not a
     * whole number that fits; null for an unknown suffix.
     */
    public static Number value(Expr.IntLit i) {
        if (i.suffix() == null) {
            return i.value();
        }
        BigDecimal m = factor(i.suffix());
        if (m == null) {
            return null;
        }
        BigDecimal v = BigDecimal.valueOf(i.value()).multiply(m);
        try {
            return v.longValueExact();
        } catch (ArithmeticException e) {
            return v.doubleValue();
        }
    }

    /** The value of a float literal, or null for an unknown suffix. */
    public static Double value(Expr.FloatLit f) {
        if (f.suffix() == null) {
            return f.value();
        }
        BigDecimal m = factor(f.suffix());
        return m == null ? null : BigDecimal.valueOf(f.value()).multiply(m).doubleValue();
    }
}
