package dev.skiff.eval.lib;

import dev.skiff.eval.value.NativeType;
import dev.skiff.eval.value.Value;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The {@code units} module: constants, {@code to_Gi(n)}-style conversions to unit strings, and the type
 * {@code NumberMultiplier} of numbers written with a multiplier.
 */
final class Units {
    private static final String[] SUFFIXES = {"n", "u", "m", "k", "K", "M", "G", "T", "P", "Ki", "Mi", "Gi", "Ti", "Pi"};

    private Units() {
    }

    static BigDecimal factor(String suffix) {
        return switch (suffix) {
            case "n" -> new BigDecimal("1e-9");
            case "u" -> new BigDecimal("1e-6");
            case "m" -> new BigDecimal("1e-3");
            case "k", "K" -> new BigDecimal("1e3");
            case "M" -> new BigDecimal("1e6");
            case "G" -> new BigDecimal("1e9");
            case "T" -> new BigDecimal("1e12");
            case "P" -> new BigDecimal("1e15");
            case "Ki" -> BigDecimal.valueOf(1L << 10);
            case "Mi" -> BigDecimal.valueOf(1L << 20);
            case "Gi" -> BigDecimal.valueOf(1L << 30);
            case "Ti" -> BigDecimal.valueOf(1L << 40);
            default -> BigDecimal.valueOf(1L << 50);
        };
    }

    static void register(Map<String, Value> m) {
        // a number written with a multiplier (`1Ki`, `500m`): Skiff keeps its value a number, and the text it was
        // written as for str() and interpolation
        m.put("NumberMultiplier", new Value.Func("units.NumberMultiplier", new NativeType("units.NumberMultiplier",
                v -> v instanceof Value.Int i && i.written() != null || v instanceof Value.Float f && f.written() != null)));
        for (String s : SUFFIXES) {
            BigDecimal f = factor(s);
            m.put(s, f.scale() > 0 ? new Value.Float(f.doubleValue()) : new Value.Int(f.longValueExact()));
            SystemModules.fn(m, "units", "to_" + s, a -> {
                BigDecimal n = new BigDecimal(Double.toString(a.number(0, "num")));
                if (a.get(0, "num") instanceof Value.Int i) {
                    n = BigDecimal.valueOf(i.value());
                }
                BigDecimal q = n.divide(f, java.math.MathContext.DECIMAL64);
                long whole = q.setScale(0, java.math.RoundingMode.DOWN).longValue();
                return new Value.Str(whole + s);
            });
        }
    }
}
