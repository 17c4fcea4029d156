package dev.skiff.eval.lib;

import dev.skiff.eval.value.NativeType;
import dev.skiff.eval.value.Value;
import dev.skiff.types.Type;
import java.math.BigDecimal;

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

    static void register(Namespace ns) {
        // a number written with a multiplier (`1Ki`, `500m`): Skiff keeps its value a number, and the text it was
        // written as for str() and interpolation
        ns.type("NumberMultiplier", new NativeType("units.NumberMultiplier",
                v -> v instanceof Value.Int i && i.written() != null || v instanceof Value.Float f && f.written() != null),
                "A number written with a unit multiplier, such as `1Ki` or `500m`: its value is the number it stands "
                        + "for, and `str()` gives it as written.");
        for (String s : SUFFIXES) {
            BigDecimal f = factor(s);
            boolean fraction = f.scale() > 0;
            ns.constant(s, fraction ? new Value.Float(f.doubleValue()) : new Value.Int(f.longValueExact()),
                    fraction ? Type.FLOAT : Type.INT, "The multiplier `" + s + "`: " + f.toPlainString() + ".");
            ns.fn("to_" + s + "(num: int | float) -> str", "The number in units of `" + s + "` (" + f.toPlainString()
                    + "), rounded towards zero, with the suffix: `units.to_" + s + "(" + example(s) + ")` is `\"1" + s
                    + "\"`.", a -> {
                BigDecimal n = new BigDecimal(Double.toString(a.number(0)));
                if (a.get(0) instanceof Value.Int i) {
                    n = BigDecimal.valueOf(i.value());
                }
                BigDecimal q = n.divide(f, java.math.MathContext.DECIMAL64);
                long whole = q.setScale(0, java.math.RoundingMode.DOWN).longValue();
                return new Value.Str(whole + s);
            });
        }
    }

    /** A number that is one unit of a suffix, as written in a doc example. */
    private static String example(String suffix) {
        BigDecimal f = factor(suffix);
        return f.scale() > 0 ? f.toPlainString() : f.toBigInteger().toString();
    }
}
