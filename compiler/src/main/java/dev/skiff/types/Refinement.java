package dev.skiff.types;

import dev.skiff.diag.Code;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a {@link Type.Refined} type asks of a value beyond its base type: the OpenAPI formats and constraints of
 * Kubernetes and CRD fields. A refinement tests plain data (String, Long, Double, Boolean, Map, List), so the
 * checker (on literals), the evaluator (on values) and the validator (on emitted objects) run the same test and
 * report the same {@link Violation}.
 *
 * @param name  how the refined type is displayed ({@code int32}, {@code quantity}); null to display the base
 * @param rules every rule a value must pass, in order; the first that fails is reported
 */
public record Refinement(String name, List<Rule> rules) {
    public Refinement {
        rules = List.copyOf(rules);
    }

    /**
     * Why a value fails a refinement, in the words of a type mismatch: "expected {@code expected}, found
     * {@code found}".
     */
    public record Violation(Code code, String expected, String found, String hint) {
    }

    /** The first rule {@code value} fails, or null. Values of another base type are not this test's business. */
    public Violation test(Object value) {
        for (Rule r : rules) {
            Violation v = r.test(value);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** One rule of a refinement. */
    public sealed interface Rule {
        Violation test(Object value);
    }

    /** An integer format's range: {@code int32}, {@code int64}. */
    public record IntRange(String format, long min, long max) implements Rule {
        @Override
        public Violation test(Object value) {
            if (value instanceof Long n && (n < min || n > max)) {
                return new Violation(Code.E0402, "`" + format + "`", n + ", which is out of range", null);
            }
            return null;
        }
    }

    /** A Kubernetes resource quantity ({@code 500m}, {@code 1Gi}, or a number). */
    public record Quantity() implements Rule {
        private static final Pattern QUANTITY = Pattern.compile(
                "^[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$");

        @Override
        public Violation test(Object value) {
            if (value instanceof String s && !QUANTITY.matcher(s).matches()) {
                return new Violation(Code.E0405, "a quantity such as `500m` or `1Gi`", "`" + s + "`", hint(s));
            }
            if (value instanceof Double d && !Double.isFinite(d)) {
                return new Violation(Code.E0405, "a quantity such as `500m` or `1Gi`", String.valueOf(d), null);
            }
            return null;
        }

        private static String hint(String s) {
            String fixed = s.replaceFirst("([KMGTPE])[bB]$", "$1i").replaceFirst("^(\\d+(?:\\.\\d+)?)\\s+", "$1");
            if (!fixed.equals(s) && QUANTITY.matcher(fixed).matches()) {
                return "did you mean `" + fixed + "`?";
            }
            return "a quantity is a number with an optional suffix: `m`, `k`, `M`, `G`, `T`, `P`, `E` or `Ki`, `Mi`, "
                    + "`Gi`, `Ti`, `Pi`, `Ei`";
        }
    }

    /** An int-or-string field: an int32, or a name or percentage. */
    public record IntOrString() implements Rule {
        private static final Pattern PERCENT = Pattern.compile("\\d+%");

        @Override
        public Violation test(Object value) {
            if (value instanceof Long n && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
                return new Violation(Code.E0406, "an int32 or a string", n + ", which is out of range", null);
            }
            if (value instanceof String s && (s.isEmpty() || s.endsWith("%") && !PERCENT.matcher(s).matches()
                    || s.strip().length() != s.length())) {
                return new Violation(Code.E0406, "an integer, a name or a percentage such as `25%`", "`" + s + "`",
                        null);
            }
            return null;
        }
    }

    /** An RFC 3339 date-time string. */
    public record DateTime() implements Rule {
        @Override
        public Violation test(Object value) {
            if (value instanceof String s) {
                try {
                    OffsetDateTime.parse(s);
                } catch (DateTimeParseException e) {
                    return new Violation(Code.E0409, "an RFC 3339 date-time such as `2024-01-31T12:00:00Z`",
                            "`" + s + "`", null);
                }
            }
            return null;
        }
    }

    /** Base64-encoded bytes (OpenAPI's {@code byte} format). */
    public record Base64Bytes() implements Rule {
        @Override
        public Violation test(Object value) {
            if (value instanceof String s) {
                try {
                    Base64.getDecoder().decode(s);
                } catch (IllegalArgumentException e) {
                    return new Violation(Code.E0409, "base64-encoded bytes", "`" + s + "`", null);
                }
            }
            return null;
        }
    }

    /** A CRD's {@code minimum} and {@code maximum} (either may be null). */
    public record Bounds(Double minimum, Double maximum) implements Rule {
        @Override
        public Violation test(Object value) {
            if (!(value instanceof Long || value instanceof Double)) {
                return null;
            }
            double d = ((Number) value).doubleValue();
            if (minimum != null && d < minimum) {
                return new Violation(Code.E0411, "a number of at least " + number(minimum), String.valueOf(value), null);
            }
            if (maximum != null && d > maximum) {
                return new Violation(Code.E0411, "a number of at most " + number(maximum), String.valueOf(value), null);
            }
            return null;
        }

        private static String number(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /** A CRD's {@code pattern} and length bounds on a string (any may be null). */
    public record StringRules(String pattern, Integer minLength, Integer maxLength) implements Rule {
        @Override
        public Violation test(Object value) {
            if (!(value instanceof String s)) {
                return null;
            }
            if (pattern != null && !matches(pattern, s)) {
                return new Violation(Code.E0411, "a string matching `" + pattern + "`", "`" + s + "`", null);
            }
            if (minLength != null && s.length() < minLength) {
                return new Violation(Code.E0411, "at least " + minLength + " characters", "`" + s + "`", null);
            }
            if (maxLength != null && s.length() > maxLength) {
                return new Violation(Code.E0411, "at most " + maxLength + " characters",
                        "a string of " + s.length() + " characters", null);
            }
            return null;
        }

        private static boolean matches(String pattern, String s) {
            try {
                return Pattern.compile(pattern).matcher(s).find();
            } catch (PatternSyntaxException e) {
                return true; // a pattern Java cannot read is not the user's mistake; the API server checks it
            }
        }
    }

    /**
     * The keys (and, for labels, the values) of a map of labels or annotations: keys are qualified names, label
     * values follow label syntax.
     */
    public record LabelMap(boolean labels) implements Rule {
        private static final Pattern LABEL_VALUE = Pattern.compile("^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?$");
        private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$");
        private static final Pattern DNS_SUBDOMAIN = Pattern.compile(
                "^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$");

        @Override
        public Violation test(Object value) {
            if (!(value instanceof Map<?, ?> m)) {
                return null;
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Violation v = testEntry(String.valueOf(e.getKey()), e.getValue());
                if (v != null) {
                    return v;
                }
            }
            return null;
        }

        /** The problem with one entry of the map, or null. */
        public Violation testEntry(String key, Object item) {
            String what = labels ? "label" : "annotation";
            if (!validKey(key)) {
                return new Violation(Code.E0408, "a valid " + what + " key", "`" + key + "`",
                        "a key is an optional DNS subdomain prefix and `/`, then a name of at most 63 letters, digits, "
                                + "`-`, `_` or `.`, starting and ending with a letter or digit");
            }
            if (labels && item instanceof String s && (s.length() > 63 || !LABEL_VALUE.matcher(s).matches())) {
                return new Violation(Code.E0407, "a valid label value", "`" + s + "`", "a label value has at most 63 "
                        + "letters, digits, `-`, `_` or `.`, and starts and ends with a letter or digit");
            }
            return null;
        }

        private static boolean validKey(String key) {
            int slash = key.indexOf('/');
            String name = slash < 0 ? key : key.substring(slash + 1);
            if (slash >= 0) {
                String prefix = key.substring(0, slash);
                if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                    return false;
                }
            }
            return !name.isEmpty() && name.length() <= 63 && NAME.matcher(name).matches();
        }
    }

    /** A value the defining system module must accept ({@code units.NumberMultiplier}); see {@link #test}. */
    public record Opaque(String type) implements Rule {
        @Override
        public Violation test(Object value) {
            return null; // only the evaluator, which knows how a number was written, can tell
        }
    }
}
