package dev.skiff.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a value sits inside an object: a list of keys ({@code String}) and list positions ({@code Integer}). Kept
 * as data, so tools (an editor, a KRM function's results) never parse it back from text.
 */
public record FieldPath(List<Object> segments) {
    private static final Pattern IDENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    public static final FieldPath ROOT = new FieldPath(List.of());

    public FieldPath {
        segments = List.copyOf(segments);
    }

    public FieldPath key(String key) {
        List<Object> more = new ArrayList<>(segments);
        more.add(key);
        return new FieldPath(more);
    }

    public FieldPath index(int i) {
        List<Object> more = new ArrayList<>(segments);
        more.add(i);
        return new FieldPath(more);
    }

    /** {@code spec.template.spec.containers[0].image}; keys that are not identifiers as {@code ["a/b"]}. */
    public String display() {
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else if (IDENT.matcher((String) s).matches()) {
                sb.append(sb.isEmpty() ? "" : ".").append(s);
            } else {
                sb.append("[\"").append(((String) s).replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return display();
    }
}
