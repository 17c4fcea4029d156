package dev.skiff.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plain data (maps, lists, strings, numbers, booleans) written as Skiff expressions in the canonical layout:
 * configs of scalars and short lists stay on one line when they fit, a key holding a config with a single
 * key becomes a dotted key ({@code metadata.name = "shop"}), and strings with line breaks become
 * triple-quoted blocks whose lines are the string's lines.
 */
final class Values {
    /** Words a key cannot be written as bare: keywords, and the quantifiers that start an expression. */
    static final Set<String> KEYWORDS = Set.of("import", "as", "schema", "for", "in", "if", "elif", "else", "and",
            "or", "not", "is", "lambda", "assert", "True", "False", "None", "Undefined", "all", "any", "map",
            "filter");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final int WIDTH = 100;
    private static final String INDENT = "    ";

    private Values() {
    }

    /**
     * A deep copy of {@code data}. Explicit nulls stay: {@code field: null} becomes {@code field = None}, which
     * builds back to the same {@code null} (a strategic merge patch reads it as "delete the field").
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> copyOf(Map<String, Object> data) {
        return (Map<String, Object>) copy(data);
    }

    /**
     * Removes {@code creationTimestamp: null} from every {@code metadata} (pod templates included): the API
     * server sets the field, and {@code kubectl create --dry-run} writes it empty everywhere.
     */
    static void dropNullCreationTimestamps(Object o) {
        if (o instanceof Map<?, ?> m) {
            if (m.get("metadata") instanceof Map<?, ?> meta && meta.containsKey("creationTimestamp")
                    && meta.get("creationTimestamp") == null) {
                meta.remove("creationTimestamp");
            }
            m.values().forEach(Values::dropNullCreationTimestamps);
        } else if (o instanceof List<?> l) {
            l.forEach(Values::dropNullCreationTimestamps);
        }
    }

    private static Object copy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(copy(x)));
            return out;
        }
        return o;
    }

    /** A config literal for {@code map}, its closing brace at indentation {@code depth}. */
    static String config(Map<String, Object> map, int depth) {
        return value(map, depth, depth * INDENT.length());
    }

    /** {@code value} as an expression starting at {@code column}, its nested lines indented from {@code depth}. */
    private static String value(Object value, int depth, int column) {
        String inline = inline(value);
        if (inline != null && column + inline.length() <= WIDTH) {
            return inline;
        }
        if (value instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{\n");
            m.forEach((k, v) -> entry(sb, String.valueOf(k), v, depth + 1));
            return sb.append(INDENT.repeat(depth)).append('}').toString();
        }
        if (value instanceof List<?> l) {
            if (l.size() == 1 && l.get(0) instanceof Map<?, ?> only && !only.isEmpty()) {
                return "[" + value(only, depth, column + 1) + "]";
            }
            StringBuilder sb = new StringBuilder("[\n");
            for (Object e : l) {
                String pad = INDENT.repeat(depth + 1);
                sb.append(pad).append(value(e, depth + 1, pad.length())).append('\n');
            }
            return sb.append(INDENT.repeat(depth)).append(']').toString();
        }
        return scalar(value);
    }

    /** A key and the value it holds, with single-key configs folded into a dotted key. */
    private record Dotted(String path, Object target) {
        static Dotted of(String key, Object v) {
            StringBuilder path = new StringBuilder(key(key));
            Object target = v;
            // a config holding one key under an identifier key is written as a dotted key: `metadata.name = "x"`
            while (bare(key) && target instanceof Map<?, ?> m && m.size() == 1) {
                Map.Entry<?, ?> only = m.entrySet().iterator().next();
                String k = String.valueOf(only.getKey());
                if (!bare(k)) {
                    break;
                }
                path.append('.').append(k);
                key = k;
                target = only.getValue();
            }
            return new Dotted(path.toString(), target);
        }
    }

    private static boolean bare(String key) {
        return IDENTIFIER.matcher(key).matches() && !KEYWORDS.contains(key);
    }

    private static void entry(StringBuilder sb, String key, Object v, int depth) {
        Dotted d = Dotted.of(key, v);
        String head = INDENT.repeat(depth) + d.path() + " = ";
        sb.append(head).append(value(d.target(), depth, head.length())).append('\n');
    }

    /** The one-line form of a value, or null when it has line breaks or nests configs in lists deeply. */
    private static String inline(Object value) {
        if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return "{}";
            }
            List<String> parts = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Dotted d = Dotted.of(String.valueOf(e.getKey()), e.getValue());
                if (d.target() instanceof Map<?, ?> inner && !inner.isEmpty()) {
                    return null;
                }
                String v = inline(d.target());
                if (v == null) {
                    return null;
                }
                parts.add(d.path() + " = " + v);
            }
            return "{" + String.join(", ", parts) + "}";
        }
        if (value instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object e : l) {
                if (e instanceof List<?> inner && !inner.isEmpty()) {
                    return null;
                }
                String v = inline(e);
                if (v == null) {
                    return null;
                }
                parts.add(v);
            }
            return "[" + String.join(", ", parts) + "]";
        }
        if (value instanceof String s && s.indexOf('\n') >= 0) {
            return null;
        }
        return scalar(value);
    }

    /** A config key: bare when it is a plain identifier, quoted otherwise. */
    static String key(String key) {
        return bare(key) ? key : quoted(key);
    }

    static String scalar(Object value) {
        return switch (value) {
            case null -> "None";
            case Boolean b -> b ? "True" : "False";
            case Long l -> Long.toString(l);
            case Integer i -> Integer.toString(i);
            case Double d -> floatLiteral(d);
            case String s -> s.indexOf('\n') >= 0 ? block(s) : quoted(s);
            default -> quoted(String.valueOf(value));
        };
    }

    private static String floatLiteral(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "float(\"" + (Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf") + "\")";
        }
        String s = Double.toString(d);
        return s.contains("E") && !s.contains(".") ? s.replace("E", ".0E") : s;
    }

    /** A one-line string literal in double quotes. */
    static String quoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '$' -> sb.append(i + 1 < s.length() && s.charAt(i + 1) == '{' ? "\\$" : "$");
                default -> control(sb, c);
            }
        }
        return sb.append('"').toString();
    }

    /** A triple-quoted block: {@code """\}, then the string's own lines, then {@code """}. */
    private static String block(String s) {
        StringBuilder sb = new StringBuilder("\"\"\"\\\n");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append(i + 1 == s.length() || s.charAt(i + 1) == '"' ? "\\\"" : "\"");
                case '\\' -> sb.append("\\\\");
                case '\r' -> sb.append("\\r");
                case '\n', '\t' -> sb.append(c);
                case '$' -> sb.append(i + 1 < s.length() && s.charAt(i + 1) == '{' ? "\\$" : "$");
                default -> control(sb, c);
            }
        }
        return sb.append("\"\"\"").toString();
    }

    private static void control(StringBuilder sb, char c) {
        if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
            sb.append(String.format("\\u%04x", (int) c));
        } else {
            sb.append(c);
        }
    }
}
