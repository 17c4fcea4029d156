package dev.skiff.k8s;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML stream (or a JSON document, which YAML reads too) into plain data, keeping beside each document
 * a {@link YamlNode} tree of where every value was written (the validation stage turns both into values that
 * remember their places; {@code skiff import} places the items it makes). Duplicate keys are errors, as the API
 * server's strict decoding makes them. Anchors and aliases ({@code &name}, {@code *name}) and merge keys
 * ({@code <<: *name}) are resolved as Kubernetes' YAML reader resolves them; an alias's parts are placed where
 * the anchored value was written. Empty documents (a {@code ---} with nothing after it) are left out. A malformed
 * document ends the reading with a diagnostic at its own line and column; the documents before it are kept.
 */
public final class YamlDocuments {
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final int MAX_DEPTH = 500;
    /** How many values aliases may copy in one document: a few aliases of aliases must not grow without bound. */
    private static final long MAX_ALIASED = 1_000_000;
    private static final String MERGE_KEY = "<<";

    private YamlDocuments() {
    }

    /** One document of the stream: its data (null for an empty document) and where its parts were written. */
    public record Document(Object data, YamlNode node) {
    }

    public static Result<List<Document>> read(SourceFile file) {
        List<Document> docs = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(file.text())) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                Object[] data = new Object[1];
                YamlNode node = new Reader(p, file).value(t, -1, -1, data, 0);
                // an empty document reads as an empty plain string: it holds nothing
                if (data[0] != null && !"".equals(data[0])) {
                    docs.add(new Document(data[0], node));
                }
            }
        } catch (JsonProcessingException e) {
            return Result.of(docs, List.of(Diagnostic.error(Code.E0413, at(file, e.getLocation()),
                    "not valid YAML: " + reason(e))));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Result.of(docs, List.of(Diagnostic.error(Code.E0413, Span.at(file, 0),
                    "cannot read the file as YAML: " + e.getMessage())));
        }
        return Result.ok(docs);
    }

    /** A value an anchor names, and how many values it holds (what an alias of it copies). */
    private record Anchored(Object data, YamlNode node, long size) {
    }

    /** The reading of one document: its anchors, and how much its aliases have copied. */
    private static final class Reader {
        final JsonParser p;
        final SourceFile file;
        final Map<String, Anchored> anchors = new HashMap<>();
        long aliased;

        Reader(JsonParser p, SourceFile file) {
            this.p = p;
            this.file = file;
        }

        YamlNode value(JsonToken t, int keyStart, int keyEnd, Object[] out, int depth) throws IOException {
            int start = offset(file, p.currentTokenLocation());
            if (depth > MAX_DEPTH) {
                throw new JsonParseException(p, "nested deeper than " + MAX_DEPTH + " levels");
            }
            if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                return alias(y.getText(), keyStart, keyEnd, start, out);
            }
            String anchor = p instanceof YAMLParser y ? y.getCurrentAnchor() : null;
            YamlNode node;
            switch (t) {
                case START_OBJECT -> node = mapping(keyStart, keyEnd, start, out, depth);
                case START_ARRAY -> {
                    List<Object> list = new ArrayList<>();
                    List<YamlNode> items = new ArrayList<>();
                    JsonToken n;
                    while ((n = p.nextToken()) != JsonToken.END_ARRAY && n != null) {
                        Object[] v = new Object[1];
                        items.add(value(n, -1, -1, v, depth + 1));
                        list.add(v[0]);
                    }
                    out[0] = list;
                    node = new YamlNode(keyStart, keyEnd, start, offset(file, p.currentLocation()), Map.of(), items);
                }
                default -> {
                    out[0] = scalar(t);
                    int end = Math.max(start + 1, offset(file, p.currentLocation()));
                    node = new YamlNode(keyStart, keyEnd, start, end, Map.of(), List.of());
                }
            }
            if (anchor != null) {
                anchors.put(anchor, new Anchored(out[0], node, size(out[0])));
            }
            return node;
        }

        private YamlNode mapping(int keyStart, int keyEnd, int start, Object[] out, int depth) throws IOException {
            Map<String, Object> map = new LinkedHashMap<>();
            Map<String, YamlNode> fields = new LinkedHashMap<>();
            Map<String, Object> merged = new LinkedHashMap<>();
            Map<String, YamlNode> mergedFields = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int ks = offset(file, p.currentTokenLocation());
                int ke = ks + key.length();
                Object[] v = new Object[1];
                YamlNode child = value(p.nextToken(), ks, Math.max(ks + 1, ke), v, depth + 1);
                if (key.equals(MERGE_KEY) && merge(v[0], child, merged, mergedFields)) {
                    continue;
                }
                map.put(key, v[0]);
                fields.put(key, child);
            }
            // merged entries come first, as written above the mapping's own; its own keys win
            for (Map.Entry<String, Object> e : merged.entrySet()) {
                if (!map.containsKey(e.getKey())) {
                    map.put(e.getKey(), e.getValue());
                    fields.put(e.getKey(), mergedFields.get(e.getKey()));
                }
            }
            out[0] = map;
            return new YamlNode(keyStart, keyEnd, start, offset(file, p.currentLocation()), fields, List.of());
        }

        /** {@code <<: *a} or {@code <<: [*a, *b]}: the mappings' entries, the first given winning; false if not. */
        private static boolean merge(Object value, YamlNode node, Map<String, Object> into,
                                     Map<String, YamlNode> fields) {
            List<?> sources = value instanceof List<?> l ? l : List.of(value);
            if (!sources.stream().allMatch(s -> s instanceof Map<?, ?>)) {
                return false;
            }
            for (int i = 0; i < sources.size(); i++) {
                YamlNode from = value instanceof List<?> && i < node.items().size() ? node.items().get(i) : node;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) sources.get(i)).entrySet()) {
                    String k = String.valueOf(e.getKey());
                    if (!into.containsKey(k)) {
                        into.put(k, e.getValue());
                        fields.put(k, from.fields().getOrDefault(k, from));
                    }
                }
            }
            return true;
        }

        /** A copy of what {@code name} anchors, placed at the anchor's parts (and at the alias's key). */
        private YamlNode alias(String name, int keyStart, int keyEnd, int start, Object[] out) throws IOException {
            Anchored a = anchors.get(name);
            if (a == null) {
                throw new JsonParseException(p, "the alias `*" + name + "` names no anchor written before it");
            }
            aliased += a.size();
            if (aliased > MAX_ALIASED) {
                throw new JsonParseException(p, "aliases expand to more than " + MAX_ALIASED + " values");
            }
            out[0] = copy(a.data());
            int end = Math.max(start + 1, offset(file, p.currentLocation()));
            return new YamlNode(keyStart, keyEnd, start, end, a.node().fields(), a.node().items());
        }

        private Object scalar(JsonToken t) throws IOException {
            return switch (t) {
                case VALUE_NUMBER_INT -> {
                    Number n = p.getNumberValue();
                    yield n instanceof BigInteger b && b.bitLength() >= 64 ? b.doubleValue() : (Object) n.longValue();
                }
                case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> p.getText();
            };
        }
    }

    /** A deep copy of plain data: an alias's value is its own, as if written out again. */
    private static Object copy(Object data) {
        if (data instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (data instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return data;
    }

    private static long size(Object data) {
        long n = 1;
        if (data instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                n += size(v);
            }
        } else if (data instanceof List<?> l) {
            for (Object v : l) {
                n += size(v);
            }
        }
        return n;
    }

    private static int offset(SourceFile file, JsonLocation l) {
        if (l == null || l.getLineNr() < 1) {
            return 0;
        }
        return file.offset(l.getLineNr() - 1, Math.max(0, l.getColumnNr() - 1));
    }

    private static Span at(SourceFile file, JsonLocation l) {
        return Span.at(file, Math.min(file.length(), offset(file, l)));
    }

    private static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return m.lines().findFirst().orElse(m).strip();
    }
}
