package dev.skiff.k8s;

import dev.skiff.diag.Code;
import dev.skiff.diag.Suggestions;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks plain data (maps with string keys, lists, String, Long/Integer, Double, Boolean, null) against a Kubernetes
 * type and reports every problem found, each with the field path it concerns. A null value counts as absent, as
 * KCL omits {@code None} attributes from output.
 */
public final class Validator {
    private static final int MAX_DEPTH = 200;
    /** Maps whose entries are labels, or are matched against labels, so keys and values follow label syntax. */
    private static final Set<String> LABEL_MAPS = Set.of("V1ObjectMeta.labels", "V1LabelSelector.matchLabels",
            "V1ServiceSpec.selector", "V1ReplicationControllerSpec.selector");
    private static final Pattern QUANTITY = Pattern.compile(
            "^[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+|Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$");
    private static final Pattern LABEL_VALUE = Pattern.compile("^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?$");
    private static final Pattern LABEL_NAME = Pattern.compile("^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$");
    private static final Pattern IDENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

    private final SchemaRegistry registry;

    public Validator(SchemaRegistry registry) {
        this.registry = registry;
    }

    /** Validates an object against the type its {@code apiVersion} and {@code kind} name. */
    public List<Problem> validate(Object object) {
        if (!(object instanceof Map<?, ?> map)) {
            return List.of(new Problem(Code.E0402, "", "expected a Kubernetes object, found " + describe(object) + ".", null));
        }
        Object apiVersion = map.get("apiVersion");
        Object kind = map.get("kind");
        if (!(apiVersion instanceof String av) || !(kind instanceof String k)) {
            return List.of(new Problem(Code.E0410, "", "expected string `apiVersion` and `kind` fields on a Kubernetes "
                    + "object.", null));
        }
        Optional<K8sType> type = registry.byGvk(av, k);
        if (type.isEmpty()) {
            List<String> sameApiVersion = registry.kinds().stream().filter(g -> g.apiVersion().equals(av))
                    .map(SchemaRegistry.Gvk::kind).toList();
            String hint = Suggestions.didYouMean(k, sameApiVersion);
            if (hint == null && sameApiVersion.isEmpty()) {
                List<String> elsewhere = registry.kinds().stream().filter(g -> g.kind().equals(k))
                        .map(SchemaRegistry.Gvk::apiVersion).toList();
                hint = elsewhere.isEmpty() ? null : "`" + k + "` is served as `apiVersion: " + elsewhere.get(0) + "`.";
            }
            return List.of(new Problem(Code.E0410, "", "Kubernetes " + registry.version() + " has no kind `" + k
                    + "` in `" + av + "`.", hint));
        }
        return validate(object, type.get());
    }

    /** Validates {@code value} as an instance of {@code type}. */
    public List<Problem> validate(Object value, K8sType type) {
        List<Problem> out = new ArrayList<>();
        object(value, type, "", 0, out);
        return List.copyOf(out);
    }

    private void object(Object value, K8sType type, String path, int depth, List<Problem> out) {
        if (!(value instanceof Map<?, ?> map)) {
            out.add(wrongType(path, "an object of type `" + type.shortName() + "`", value));
            return;
        }
        if (depth > MAX_DEPTH) {
            out.add(new Problem(Code.E0402, path, "the value is nested deeper than " + MAX_DEPTH + " levels.", null));
            return;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            K8sProperty p = type.properties().get(key);
            String at = field(path, key);
            if (p == null) {
                out.add(new Problem(Code.E0401, at, "`" + type.shortName() + "` has no field `" + key + "`.",
                        Suggestions.didYouMean(key, type.properties().keySet())));
            } else if (e.getValue() != null) {
                value(e.getValue(), type.name(), p, p.type(), at, depth + 1, out);
            }
        }
        for (K8sProperty p : type.properties().values()) {
            if (p.required() && map.get(p.name()) == null) {
                out.add(new Problem(Code.E0403, field(path, p.name()), "`" + type.shortName() + "` requires the field `"
                        + p.name() + "`.", null));
            }
        }
    }

    private void value(Object v, String owner, K8sProperty p, TypeRef t, String path, int depth, List<Problem> out) {
        switch (t.kind()) {
            case OBJECT -> registry.lookup(t.definition()).ifPresent(type -> object(v, type, path, depth, out));
            case STRING -> string(v, p, path, out);
            case INT32 -> {
                integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "int32", path, out);
                bounds(v, p, path, out);
            }
            case INT64 -> {
                integer(v, Long.MIN_VALUE, Long.MAX_VALUE, "int64", path, out);
                bounds(v, p, path, out);
            }
            case NUMBER -> {
                if (!(v instanceof Number) || v instanceof Float f && f.isNaN() || v instanceof Double d && !Double.isFinite(d)) {
                    out.add(wrongType(path, "a number", v));
                }
                bounds(v, p, path, out);
            }
            case BOOLEAN -> {
                if (!(v instanceof Boolean)) {
                    out.add(wrongType(path, "a boolean", v));
                }
            }
            case INT_OR_STRING -> intOrString(v, path, out);
            case QUANTITY -> quantity(v, path, out);
            case DATE_TIME -> dateTime(v, path, out);
            case LIST -> {
                if (!(v instanceof List<?> list)) {
                    out.add(wrongType(path, "a " + t.display(), v));
                    return;
                }
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) != null) {
                        value(list.get(i), owner, p, t.element(), path + "[" + i + "]", depth + 1, out);
                    }
                }
            }
            case MAP -> map(v, owner, p, t, path, depth, out);
            case ANY -> {
            }
        }
    }

    private void map(Object v, String owner, K8sProperty p, TypeRef t, String path, int depth, List<Problem> out) {
        if (!(v instanceof Map<?, ?> m)) {
            out.add(wrongType(path, "a " + t.display(), v));
            return;
        }
        boolean labels = LABEL_MAPS.contains(owner + "." + p.name());
        boolean annotations = (owner + "." + p.name()).equals("V1ObjectMeta.annotations");
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            String at = field(path, key);
            if ((labels || annotations) && !validQualifiedName(key)) {
                out.add(new Problem(Code.E0408, at, "`" + key + "` is not a valid " + (labels ? "label" : "annotation")
                        + " key.", "a key is an optional DNS subdomain prefix and `/`, then a name of at most 63 "
                        + "letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit."));
            }
            Object item = e.getValue();
            if (item == null) {
                continue;
            }
            if ((labels || annotations) && !(item instanceof String)) {
                out.add(new Problem(Code.E0407, at, "expected a string " + (labels ? "label" : "annotation")
                        + " value, found " + describe(item) + ".", "quote the value: `\"" + item + "\"`."));
            } else if (labels && (((String) item).length() > 63 || !LABEL_VALUE.matcher((String) item).matches())) {
                out.add(new Problem(Code.E0407, at, "`" + item + "` is not a valid label value.", "a label value has at "
                        + "most 63 letters, digits, `-`, `_` or `.`, and starts and ends with a letter or digit."));
            } else {
                value(item, owner, p, t.element(), at, depth + 1, out);
            }
        }
    }

    private static void string(Object v, K8sProperty p, String path, List<Problem> out) {
        if (!(v instanceof String s)) {
            out.add(wrongType(path, "a string", v));
            return;
        }
        K8sProperty.Constraints c = p.constraints();
        if (c.pattern() != null) {
            try {
                if (!java.util.regex.Pattern.compile(c.pattern()).matcher(s).find()) {
                    out.add(new Problem(Code.E0411, path, "`" + s + "` does not match the pattern `" + c.pattern() + "`.", null));
                }
            } catch (java.util.regex.PatternSyntaxException e) {
                // a pattern Java cannot read is not the user's mistake; the API server will check it
            }
        }
        if (c.minLength() != null && s.length() < c.minLength()) {
            out.add(new Problem(Code.E0411, path, "`" + s + "` is shorter than " + c.minLength() + " characters.", null));
        }
        if (c.maxLength() != null && s.length() > c.maxLength()) {
            out.add(new Problem(Code.E0411, path, "the value is longer than " + c.maxLength() + " characters.", null));
        }
        if (!p.enumValues().isEmpty() && !p.enumValues().contains(s)) {
            out.add(new Problem(Code.E0404, path, "`" + s + "` is not an allowed value of `" + p.name() + "`; expected "
                    + "one of " + joinTicked(p.enumValues()) + ".", Suggestions.didYouMean(s, p.enumValues())));
        }
        if (p.format().equals("byte")) {
            try {
                Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                out.add(new Problem(Code.E0409, path, "expected base64-encoded bytes, found `" + s + "`.", null));
            }
        }
    }

    /** A CRD's {@code minimum} and {@code maximum}. */
    private static void bounds(Object v, K8sProperty p, String path, List<Problem> out) {
        if (!(v instanceof Number n)) {
            return;
        }
        K8sProperty.Constraints c = p.constraints();
        double d = n.doubleValue();
        if (c.minimum() != null && d < c.minimum()) {
            out.add(new Problem(Code.E0411, path, n + " is below the minimum of " + fmt(c.minimum()) + ".", null));
        }
        if (c.maximum() != null && d > c.maximum()) {
            out.add(new Problem(Code.E0411, path, n + " is above the maximum of " + fmt(c.maximum()) + ".", null));
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static void integer(Object v, long min, long max, String what, String path, List<Problem> out) {
        if (!(v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte)) {
            out.add(wrongType(path, "an integer (" + what + ")", v));
            return;
        }
        long n = ((Number) v).longValue();
        if (n < min || n > max) {
            out.add(new Problem(Code.E0402, path, "expected an " + what + " integer, found " + n + ", which is out of "
                    + "range.", null));
        }
    }

    private static void intOrString(Object v, String path, List<Problem> out) {
        if (v instanceof Long || v instanceof Integer) {
            long n = ((Number) v).longValue();
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                out.add(new Problem(Code.E0406, path, "expected an int32 or a string, found " + n + ", which is out "
                        + "of range.", null));
            }
            return;
        }
        if (!(v instanceof String s)) {
            out.add(new Problem(Code.E0406, path, "expected an integer or a string, found " + describe(v) + ".", null));
            return;
        }
        if (s.isEmpty() || s.endsWith("%") && !s.matches("\\d+%") || s.strip().length() != s.length()) {
            out.add(new Problem(Code.E0406, path, "expected an integer, a name or a percentage such as `25%`, found `"
                    + s + "`.", null));
        }
    }

    private static void quantity(Object v, String path, List<Problem> out) {
        if (v instanceof Long || v instanceof Integer || v instanceof Double d && Double.isFinite(d)) {
            return;
        }
        if (!(v instanceof String s)) {
            out.add(new Problem(Code.E0405, path, "expected a quantity such as `500m` or `1Gi`, found " + describe(v)
                    + ".", null));
            return;
        }
        if (!QUANTITY.matcher(s).matches()) {
            out.add(new Problem(Code.E0405, path, "`" + s + "` is not a valid quantity.", quantityHint(s)));
        }
    }

    private static String quantityHint(String s) {
        String fixed = s.replaceFirst("([KMGTPE])[bB]$", "$1i").replaceFirst("^(\\d+(?:\\.\\d+)?)\\s+", "$1");
        if (!fixed.equals(s) && QUANTITY.matcher(fixed).matches()) {
            return "did you mean `" + fixed + "`?";
        }
        return "a quantity is a number with an optional suffix: `m`, `k`, `M`, `G`, `T`, `P`, `E` or `Ki`, `Mi`, "
                + "`Gi`, `Ti`, `Pi`, `Ei`.";
    }

    private static void dateTime(Object v, String path, List<Problem> out) {
        if (!(v instanceof String s)) {
            out.add(wrongType(path, "an RFC 3339 date-time string", v));
            return;
        }
        try {
            OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            out.add(new Problem(Code.E0409, path, "expected an RFC 3339 date-time such as `2024-01-31T12:00:00Z`, "
                    + "found `" + s + "`.", null));
        }
    }

    private static boolean validQualifiedName(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return false;
            }
        }
        return !name.isEmpty() && name.length() <= 63 && LABEL_NAME.matcher(name).matches();
    }

    private static Problem wrongType(String path, String expected, Object found) {
        return new Problem(Code.E0402, path, "expected " + expected + ", found " + describe(found) + ".", null);
    }

    /** How a found value reads in a message: {@code a string `"two"`}, {@code a list}, {@code the integer 3}. */
    static String describe(Object v) {
        if (v == null) {
            return "`None`";
        }
        if (v instanceof String s) {
            return "the string `\"" + s + "\"`";
        }
        if (v instanceof Boolean b) {
            return "the boolean `" + (b ? "True" : "False") + "`";
        }
        if (v instanceof Long || v instanceof Integer) {
            return "the integer `" + v + "`";
        }
        if (v instanceof Number) {
            return "the float `" + v + "`";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "a dict";
        }
        return "a " + v.getClass().getSimpleName();
    }

    private static String field(String path, String key) {
        if (IDENT.matcher(key).matches()) {
            return path.isEmpty() ? key : path + "." + key;
        }
        return path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    private static String joinTicked(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(i == values.size() - 1 ? " or " : ", ");
            }
            sb.append('`').append(values.get(i)).append('`');
        }
        return sb.toString();
    }
}
