package dev.skiff.eval;

import dev.skiff.eval.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code -D key=value} options as {@code kcl} does: a value that looks like a number, a boolean,
 * None, a list or a dict (JSON-like) becomes that value; anything else is a string.
 */
final class OptionValues {
    private OptionValues() {
    }

    static Map<String, Value> parse(Map<String, String> raw) {
        Map<String, Value> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, parseValue(v)));
        return out;
    }

    static Value parseValue(String text) {
        String t = text.strip();
        if (t.length() >= 2 && (t.startsWith("\"") && t.endsWith("\"") || t.startsWith("'") && t.endsWith("'"))) {
            return new Value.Str(t.substring(1, t.length() - 1)); // `-D id="0123"`: quoted, so a string
        }
        switch (t) {
            case "True", "true" -> {
                return Value.Bool.TRUE;
            }
            case "False", "false" -> {
                return Value.Bool.FALSE;
            }
            case "None", "null" -> {
                return Value.None.NONE;
            }
            default -> {
            }
        }
        try {
            return new Value.Int(Long.parseLong(t));
        } catch (NumberFormatException e) {
            // not an integer
        }
        if (t.matches("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")) {
            return new Value.Float(Double.parseDouble(t));
        }
        if ((t.startsWith("[") && t.endsWith("]")) || (t.startsWith("{") && t.endsWith("}"))) {
            try {
                return fromJava(dev.skiff.emit.DataReader.readJson(t));
            } catch (RuntimeException e) {
                if (e instanceof java.util.concurrent.CancellationException c) {
                    throw c; // an editor's stale compile stopping, not a failure of the call
                }
                return new Value.Str(text);
            }
        }
        return new Value.Str(text);
    }

    /** Plain Java data (as read from JSON or YAML) as a value. */
    static Value fromJava(Object o) {
        if (o == null) {
            return Value.None.NONE;
        }
        if (o instanceof Boolean b) {
            return Value.Bool.of(b);
        }
        if (o instanceof Integer || o instanceof Long) {
            return new Value.Int(((Number) o).longValue());
        }
        if (o instanceof Number n) {
            return new Value.Float(n.doubleValue());
        }
        if (o instanceof List<?> l) {
            List<Value> items = new ArrayList<>();
            for (Object x : l) {
                items.add(fromJava(x));
            }
            return new Value.ListV(items);
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Value> entries = new LinkedHashMap<>();
            m.forEach((k, v) -> entries.put(String.valueOf(k), fromJava(v)));
            return new Value.DictV(entries);
        }
        return new Value.Str(String.valueOf(o));
    }
}
