package dev.skiff.validate;

import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.k8s.YamlDocuments;
import dev.skiff.k8s.YamlNode;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML (or JSON) document as a {@link Value} that remembers where it was written, as a program's values do:
 * every mapping entry at its key, every sequence item at its first line. The validator's findings on it are then
 * shown at the YAML's own line and column, with the same caret as for a {@code .k} file.
 */
public final class YamlValues {
    private YamlValues() {
    }

    /** The value of a document read by {@link YamlDocuments}: its data, placed by its node tree. */
    public static Value of(SourceFile file, Object data, YamlNode node) {
        if (data instanceof Map<?, ?> map) {
            Map<String, Value> entries = new LinkedHashMap<>();
            Map<String, Span> spans = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                YamlNode child = node == null ? null : node.fields().get(key);
                entries.put(key, of(file, e.getValue(), child));
                if (child != null && child.keyStart() >= 0) {
                    spans.put(key, span(file, child.keyStart(), child.keyEnd()));
                }
            }
            return new Value.DictV(entries, Map.of(), spans);
        }
        if (data instanceof List<?> list) {
            List<Value> items = new ArrayList<>(list.size());
            List<Span> spans = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                YamlNode child = node != null && i < node.items().size() ? node.items().get(i) : null;
                items.add(of(file, list.get(i), child));
                if (child != null) {
                    spans.add(firstLine(file, child));
                }
            }
            return new Value.ListV(items, spans.size() == items.size() ? spans : List.of());
        }
        return Values.fromJava(data);
    }

    /** Where a value starts: its first line only, as a mapping or sequence may run over many. */
    public static Span firstLine(SourceFile file, YamlNode n) {
        int start = Math.min(n.valueStart(), file.length());
        int lineEnd = file.line(start) + 1 < file.lineCount() ? file.offset(file.line(start) + 1, 0) : file.length();
        int end = Math.min(n.valueEnd(), lineEnd);
        String text = file.text();
        while (end > start + 1 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return span(file, start, Math.max(end, start + 1));
    }

    private static Span span(SourceFile file, int start, int end) {
        int s = Math.min(start, file.length());
        return Span.of(file, s, Math.max(s, Math.min(end, file.length())));
    }
}
