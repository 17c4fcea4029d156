package dev.skiff.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares two sets of Kubernetes objects as the API server would: key order and the order of objects do
 * not matter (a build puts namespaces first), values and list order do.
 */
public final class SameObjects {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private SameObjects() {
    }

    /**
     * What differs, as readable lines: objects of {@code expected} that {@code actual} lacks, and objects
     * {@code actual} has beyond them. Empty when both hold the same objects.
     */
    public static List<String> differences(List<? extends Map<String, Object>> expected, List<? extends Map<String, Object>> actual) {
        List<String> want = canonical(expected);
        List<String> have = canonical(actual);
        List<String> out = new ArrayList<>();
        List<String> extra = new ArrayList<>(have);
        for (int i = 0; i < want.size(); i++) {
            if (!extra.remove(want.get(i))) {
                out.add("missing or different: " + describe(expected.get(i)) + " " + want.get(i));
            }
        }
        for (String e : extra) {
            out.add("unexpected: " + e);
        }
        return out;
    }

    private static List<String> canonical(List<? extends Map<String, Object>> objects) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            try {
                out.add(CANONICAL.writeValueAsString(o));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static String describe(Map<String, Object> o) {
        Object meta = o.get("metadata");
        Object name = meta instanceof Map<?, ?> m ? m.get("name") : null;
        return o.get("kind") + (name == null ? "" : " " + name);
    }
}
