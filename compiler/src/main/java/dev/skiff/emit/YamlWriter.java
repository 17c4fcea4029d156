package dev.skiff.emit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes plain Java data (maps in insertion order, lists, strings, numbers, booleans, null) as block-style
 * YAML, byte for byte as {@code kcl run} prints it: sequences under a key are not indented, strings are
 * plain unless a YAML reader would take them for something else (then single-quoted, or double-quoted when
 * they contain a single quote or a character that needs an escape), multi-line strings are literal blocks.
 * Output is deterministic: the same data always gives the same text.
 */
public final class YamlWriter {
    private YamlWriter() {
    }

    /** One YAML document holding {@code data}. */
    public static String write(Object data) {
        StringBuilder sb = new StringBuilder();
        if (data instanceof Map<?, ?> m && !m.isEmpty()) {
            mapping(m, 0, sb);
        } else if (data instanceof List<?> l && !l.isEmpty()) {
            sequence(l, 0, sb);
        } else {
            scalarLine(data, 0, sb);
        }
        return sb.toString();
    }

    /** Several documents separated by {@code ---}, as {@code manifests.yaml_stream} prints them. */
    public static String writeStream(List<?> documents) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                sb.append("---\n");
            }
            sb.append(write(documents.get(i)));
        }
        return sb.toString();
    }

    private static void mapping(Map<?, ?> m, int indent, StringBuilder sb) {
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) {
                pad(indent, sb);
            }
            first = false;
            sb.append(string(String.valueOf(e.getKey()), true)).append(':');
            value(e.getValue(), indent, true, sb);
        }
    }

    /** A value after {@code key:}; block collections go on the following lines. */
    private static void value(Object v, int indent, boolean inMapping, StringBuilder sb) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            sb.append('\n');
            pad(indent + 2, sb);
            mapping(m, indent + 2, sb);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            sb.append('\n');
            pad(indent, sb);
            sequence(l, indent, sb);
        } else {
            sb.append(' ');
            scalarLine(v, indent, sb);
        }
    }

    private static void sequence(List<?> l, int indent, StringBuilder sb) {
        boolean first = true;
        for (Object item : l) {
            if (!first) {
                pad(indent, sb);
            }
            first = false;
            sb.append("- ");
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                mapping(m, indent + 2, sb);
            } else if (item instanceof List<?> inner && !inner.isEmpty()) {
                sequence(inner, indent + 2, sb);
            } else {
                scalarLine(item, indent, sb);
            }
        }
    }

    /** A scalar and its line end; a multi-line string becomes a literal block indented under {@code indent}. */
    private static void scalarLine(Object v, int indent, StringBuilder sb) {
        if (v instanceof String s && s.indexOf('\n') >= 0 && literalAllowed(s)) {
            literal(s, indent + 2, sb);
            return;
        }
        sb.append(scalar(v)).append('\n');
    }

    // ------------------------------------------------------------ for writers over other trees (of values)

    /** Appends a mapping key and its colon. */
    public static void appendKey(String key, StringBuilder sb) {
        sb.append(string(key, true)).append(':');
    }

    /** Appends a string scalar and its line end: a literal block indented under {@code indent} when multi-line. */
    public static void appendStringLine(String s, int indent, StringBuilder sb) {
        scalarLine(s, indent, sb);
    }

    /** A float as YAML writes it ({@code .nan}, {@code .inf}, shortest round-trip text). */
    public static String doubleText(double d) {
        return formatDouble(d);
    }

    /** Appends {@code n} spaces. */
    public static void indent(int n, StringBuilder sb) {
        pad(n, sb);
    }

    static String scalar(Object v) {
        return switch (v) {
            case null -> "null";
            case Boolean b -> b ? "true" : "false";
            case Double d -> formatDouble(d);
            case Float f -> formatDouble(f.doubleValue());
            case Number n -> n.toString();
            case String s -> string(s, false);
            case Map<?, ?> m -> "{}";
            case List<?> l -> "[]";
            default -> string(String.valueOf(v), false);
        };
    }

    private static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return ".nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? ".inf" : "-.inf";
        }
        return FloatText.format(d);
    }

    private static void literal(String s, int indent, StringBuilder sb) {
        String chomp;
        String body = s;
        if (!s.endsWith("\n")) {
            chomp = "-";
        } else if (s.endsWith("\n\n") || s.equals("\n")) {
            chomp = "+";
        } else {
            chomp = "";
        }
        boolean leadingSpace = s.startsWith(" ") || s.startsWith("\t");
        sb.append('|').append(leadingSpace ? "2" : "").append(chomp).append('\n');
        if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                pad(indent, sb);
                sb.append(line);
            }
            sb.append('\n');
        }
    }

    private static boolean literalAllowed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\n' && c != '\t' && (c < 0x20 || c == 0x7f || c == '\uFEFF')) {
                return false;
            }
            if (c == '\n' && i > 0 && s.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return !s.endsWith(" ");
    }

    /** A string as a plain, single-quoted or double-quoted scalar. */
    static String string(String s, boolean key) {
        if (plainAllowed(s)) {
            return s;
        }
        if (needsEscapes(s) || s.indexOf('\'') >= 0) {
            return doubleQuoted(s);
        }
        return "'" + s + "'";
    }

    private static boolean plainAllowed(String s) {
        return PlainScalars.plainAllowed(s);
    }

    private static boolean needsEscapes(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\uFEFF' || c == '\u2028' || c == '\u2029' || c == 0x85) {
                return true;
            }
        }
        return false;
    }

    private static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                case 0 -> sb.append("\\0");
                case 0x07 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case 0x0b -> sb.append("\\v");
                case '\f' -> sb.append("\\f");
                case 0x1b -> sb.append("\\e");
                case 0x85 -> sb.append("\\N");
                case '\u2028' -> sb.append("\\L");
                case '\u2029' -> sb.append("\\P");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\uFEFF') {
                        sb.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static final String SPACES = " ".repeat(64);

    private static void pad(int n, StringBuilder sb) {
        if (n <= SPACES.length()) {
            sb.append(SPACES, 0, n);
        } else {
            sb.append(" ".repeat(n));
        }
    }
}
