package dev.skiff.cli;

import dev.skiff.Compilation;
import dev.skiff.emit.JsonWriter;
import dev.skiff.emit.YamlWriter;
import java.util.List;
import java.util.Map;

/** Turns a compilation into the text {@code skiff run} prints, applying a {@code -S} path selector. */
final class Output {
    private Output() {
    }

    /** A {@code -S} path that names nothing in the output. */
    static final class SelectionException extends Exception {
        SelectionException(String message) {
            super(message);
        }
    }

    static String render(Compilation c, boolean json, String selector) throws SelectionException {
        if (selector == null || selector.isBlank()) {
            return json ? c.json() : c.yaml();
        }
        return render(c.data(), json, selector);
    }

    /** Plain data (a document, or a list of documents when {@code stream}) as YAML or JSON. */
    static String renderData(Object data, boolean stream, boolean json, String selector) throws SelectionException {
        if (selector != null && !selector.isBlank()) {
            return render(data, json, selector);
        }
        if (json) {
            return JsonWriter.write(data, 4);
        }
        return stream ? YamlWriter.writeStream((List<?>) data) : data == null ? "" : YamlWriter.write(data);
    }

    private static String render(Object data, boolean json, String selector) throws SelectionException {
        Object selected = select(data, selector.strip());
        if (json) {
            return JsonWriter.write(selected, 4);
        }
        if (selected instanceof List<?> list) {
            return YamlWriter.writeStream(list);
        }
        if (selected instanceof Map<?, ?>) {
            return YamlWriter.write(selected);
        }
        String wrapped = YamlWriter.write(Map.of("v", selected == null ? "null" : selected));
        String value = wrapped.substring(wrapped.indexOf(':') + 1).stripLeading();
        return selected == null ? "null\n" : value;
    }

    /** Follows {@code a.b.0.c} (or {@code a.b[0].c}) through maps and lists. */
    static Object select(Object data, String path) throws SelectionException {
        Object current = data;
        String normalized = path.replace("[", ".").replace("]", "");
        StringBuilder walked = new StringBuilder();
        for (String part : normalized.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            if (current instanceof Map<?, ?> m && m.containsKey(part)) {
                current = m.get(part);
            } else if (current instanceof List<?> l && part.matches("-?\\d+")) {
                int i = Integer.parseInt(part);
                if (i < 0) {
                    i += l.size();
                }
                if (i < 0 || i >= l.size()) {
                    throw new SelectionException("index " + part + " is out of range at `" + walked + "` ("
                            + l.size() + " elements)");
                }
                current = l.get(i);
            } else {
                throw new SelectionException("`" + path + "` selects nothing: no `" + part + "`"
                        + (walked.isEmpty() ? " at the top level" : " in `" + walked + "`"));
            }
            walked.append(walked.isEmpty() ? "" : ".").append(part);
        }
        return current;
    }
}
