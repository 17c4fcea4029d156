package dev.skiff.k8s;

import java.util.List;
import java.util.Map;

/**
 * Where a value of a YAML (or JSON) document was written: the offsets of its key (for a field; {@code -1}
 * for a list item or a document) and of its value, with the same for its fields or items. It is the
 * document's shape beside its data, so that a problem found in the data can be shown at its own line.
 *
 * @param keyStart   offset of the key's first character, or -1
 * @param keyEnd     offset just past the key, or -1
 * @param valueStart offset of the value's first character
 * @param valueEnd   offset just past the value (for a collection: past its last token)
 * @param fields     the fields of a mapping, by key (empty otherwise)
 * @param items      the items of a sequence (empty otherwise)
 */
public record YamlNode(int keyStart, int keyEnd, int valueStart, int valueEnd, Map<String, YamlNode> fields,
                       List<YamlNode> items) {
    public YamlNode {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        items = List.copyOf(items);
    }
}
