package dev.skiff.emit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes plain Java data as indented JSON, as {@code kcl run --format json} does; non-ASCII text is kept. */
public final class JsonWriter {
    private JsonWriter() {
    }

    public static String write(Object data, int indent) {
        StringBuilder sb = new StringBuilder();
        value(data, indent, 0, sb);
        return sb.append('\n').toString();
    }

    private static void value(Object v, int step, int level, StringBuilder sb) {
        switch (v) {
            case null -> sb.append("null");
            case Boolean b -> sb.append(b);
            case Double d -> sb.append(Double.isFinite(d) ? FloatText.format(d) : "null");
            case Number n -> sb.append(n);
            case String s -> quote(s, sb);
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    sb.append(" ".repeat(step * (level + 1)));
                    quote(String.valueOf(e.getKey()), sb);
                    sb.append(": ");
                    value(e.getValue(), step, level + 1, sb);
                    sb.append(++i < m.size() ? ",\n" : "\n");
                }
                sb.append(" ".repeat(step * level)).append('}');
            }
            case List<?> l -> {
                if (l.isEmpty()) {
                    sb.append("[]");
                    return;
                }
                sb.append("[\n");
                for (int i = 0; i < l.size(); i++) {
                    sb.append(" ".repeat(step * (level + 1)));
                    value(l.get(i), step, level + 1, sb);
                    sb.append(i + 1 < l.size() ? ",\n" : "\n");
                }
                sb.append(" ".repeat(step * level)).append(']');
            }
            default -> quote(String.valueOf(v), sb);
        }
    }

    static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
