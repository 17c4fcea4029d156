package dev.skiff.emit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code kcl run}'s output flags do to the result, applied to it as plain data: {@code -O path=value}
 * overrides (and {@code path-} deletions), {@code -n} (leave out None values), {@code -k} (sort keys), and
 * TOML output.
 */
public final class Shaping {
    private Shaping() {
    }

    /** A {@code -O} that names nothing it can change. */
    public static final class OverrideException extends Exception {
        public OverrideException(String message) {
            super(message);
        }
    }

    public static Object disableNone(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> {
                if (x != null) {
                    out.put(String.valueOf(k), disableNone(x));
                }
            });
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(disableNone(x)));
            return out;
        }
        return v;
    }

    public static Object sortKeys(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), sortKeys(x)));
            return new LinkedHashMap<>(sorted);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(sortKeys(x)));
            return out;
        }
        return v;
    }

    /**
     * Applies {@code path=value} (the value read as {@code -D} reads values: numbers, booleans, None, JSON
     * lists and dicts, else a string) or {@code path-} (delete) to a copy of the data. A path goes through
     * dicts by key and lists by index ({@code a.b.0.c}); missing dicts on the way are created.
     */
    @SuppressWarnings("unchecked")
    public static Object override(Object data, String spec) throws OverrideException {
        boolean delete = spec.endsWith("-") && !spec.contains("=");
        int eq = spec.indexOf('=');
        if (!delete && eq <= 0) {
            throw new OverrideException("-O expects PATH=VALUE or PATH- (to delete), got `" + spec + "`");
        }
        String path = delete ? spec.substring(0, spec.length() - 1) : spec.substring(0, eq);
        int colon = path.indexOf(':');
        if (colon >= 0) {
            // KCL's `pkg:path`; the empty package is the main program, the one whose output this is
            if (colon > 0) {
                throw new OverrideException("-O `" + spec + "`: only the program's own values can be overridden "
                        + "(`:" + path.substring(colon + 1) + "`), not those of the package `" + path.substring(0, colon) + "`");
            }
            path = path.substring(1);
        }
        String[] parts = path.replace("[", ".").replace("]", "").split("\\.");
        Object root = copy(data);
        if (!(root instanceof Map<?, ?>)) {
            throw new OverrideException("-O `" + spec + "`: the output is not a dict");
        }
        Object current = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String p = parts[i];
            if (current instanceof Map<?, ?> m) {
                Map<String, Object> map = (Map<String, Object>) m;
                Object next = map.get(p);
                if (next == null) {
                    if (delete) {
                        return root;
                    }
                    next = new LinkedHashMap<String, Object>();
                    map.put(p, next);
                }
                current = next;
            } else if (current instanceof List<?> l && p.matches("\\d+") && Integer.parseInt(p) < l.size()) {
                current = l.get(Integer.parseInt(p));
            } else {
                throw new OverrideException("-O `" + spec + "`: `" + String.join(".", List.of(parts).subList(0, i + 1))
                        + "` is not a dict or a list index");
            }
        }
        String last = parts[parts.length - 1];
        Object value = delete ? null : parse(spec.substring(eq + 1));
        if (current instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            if (delete) {
                map.remove(last);
            } else {
                map.put(last, value);
            }
        } else if (current instanceof List<?> l && last.matches("\\d+") && Integer.parseInt(last) < l.size()) {
            List<Object> list = (List<Object>) l;
            if (delete) {
                list.remove(Integer.parseInt(last));
            } else {
                list.set(Integer.parseInt(last), value);
            }
        } else {
            throw new OverrideException("-O `" + spec + "`: nothing at `" + path + "` can be set");
        }
        return root;
    }

    private static Object parse(String text) {
        String t = text.strip();
        switch (t) {
            case "True", "true" -> {
                return Boolean.TRUE;
            }
            case "False", "false" -> {
                return Boolean.FALSE;
            }
            case "None", "null" -> {
                return null;
            }
            default -> {
            }
        }
        if (t.matches("[-+]?\\d+") || t.matches("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")
                || t.startsWith("[") || t.startsWith("{") || t.startsWith("\"")) {
            try {
                Object v = new ObjectMapper().readValue(t, Object.class);
                return v instanceof Integer i ? (Object) i.longValue() : v;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return text;
            }
        }
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            return t.substring(1, t.length() - 1);
        }
        return text;
    }

    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), copy(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(copy(x)));
            return out;
        }
        return v;
    }

    /** The data as TOML (None values left out: TOML has no null). */
    public static String toml(Object data) {
        try {
            return new TomlMapper().writeValueAsString(disableNone(data));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the output cannot be written as TOML: " + e.getOriginalMessage());
        }
    }
}
