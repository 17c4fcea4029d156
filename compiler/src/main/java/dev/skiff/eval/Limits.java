package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bounds that keep evaluation finite: a program that exceeds one ends with a diagnostic, never a hang or a
 * crash. Every bound is also a bound on time: the steps are few enough to take seconds, and the wall-clock
 * time is bounded on its own, for work that steps do not count (a regular expression, a builtin over a huge
 * value).
 *
 * @param maxCallDepth nested calls of functions and schema instantiations
 * @param maxSteps     evaluated expressions in total
 * @param maxListSize  elements a single list or string may reach
 * @param maxMillis    wall-clock time the evaluation may take
 */
public record Limits(int maxCallDepth, long maxSteps, int maxListSize, long maxMillis) {
    public static final long DEFAULT_STEPS = 50_000_000L;
    public static final long DEFAULT_MILLIS = 30_000L;

    public Limits(int maxCallDepth, long maxSteps, int maxListSize) {
        this(maxCallDepth, maxSteps, maxListSize, DEFAULT_MILLIS);
    }

    public static Limits defaults() {
        return new Limits(1_000, DEFAULT_STEPS, 10_000_000, DEFAULT_MILLIS);
    }

    /** The limits a project's {@code kcl.mod} sets: {@code [skiff] max-steps = N} and {@code timeout = SECONDS}. */
    public record Configured(Limits limits, List<Diagnostic> problems) {
    }

    public static Configured of(Map<String, Object> skiffSettings) {
        Limits d = defaults();
        List<Diagnostic> problems = new ArrayList<>();
        long steps = positive(skiffSettings.get("max-steps"), d.maxSteps(), "max-steps", "a number of steps", problems);
        long seconds = positive(skiffSettings.get("timeout"), d.maxMillis() / 1000, "timeout", "a number of seconds", problems);
        long millis = seconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000;
        return new Configured(new Limits(d.maxCallDepth(), steps, d.maxListSize(), millis), problems);
    }

    private static long positive(Object value, long fallback, String key, String what, List<Diagnostic> problems) {
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(String.valueOf(value).replace("_", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(Diagnostic.error(Code.E0206, null, "`" + key + "` under [skiff] in kcl.mod must be " + what
                + " above zero, not `" + value + "`"));
        return fallback;
    }
}
