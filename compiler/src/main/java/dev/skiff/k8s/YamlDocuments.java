package dev.skiff.k8s;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.source.SourceFile;
import dev.skiff.source.Span;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML stream (or a JSON document, which YAML reads too) into plain data, keeping beside each document
 * a {@link YamlNode} tree of where every value was written (the validation stage turns both into values that
 * remember their places; {@code skiff import} places the items it makes). Duplicate keys are errors, as the API server's strict decoding makes them. A malformed document
 * ends the reading with a diagnostic at its own line and column; the documents before it are kept.
 */
public final class YamlDocuments {
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final int MAX_DEPTH = 500;

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
                YamlNode node = value(p, t, file, -1, -1, data, 0);
                if (data[0] != null) {
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

    private static YamlNode value(JsonParser p, JsonToken t, SourceFile file, int keyStart, int keyEnd, Object[] out,
                                  int depth) throws IOException {
        int start = offset(file, p.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                Map<String, YamlNode> fields = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int ks = offset(file, p.currentTokenLocation());
                    int ke = ks + key.length();
                    Object[] v = new Object[1];
                    YamlNode child = value(p, p.nextToken(), file, ks, Math.max(ks + 1, ke), v, depth + 1);
                    map.put(key, v[0]);
                    fields.put(key, child);
                }
                out[0] = map;
                return new YamlNode(keyStart, keyEnd, start, offset(file, p.currentLocation()), fields, List.of());
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                List<YamlNode> items = new ArrayList<>();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY && n != null) {
                    Object[] v = new Object[1];
                    items.add(value(p, n, file, -1, -1, v, depth + 1));
                    list.add(v[0]);
                }
                out[0] = list;
                return new YamlNode(keyStart, keyEnd, start, offset(file, p.currentLocation()), Map.of(), items);
            }
            case VALUE_NUMBER_INT -> {
                Number n = p.getNumberValue();
                out[0] = n instanceof BigInteger b && b.bitLength() >= 64 ? b.doubleValue() : (Object) n.longValue();
            }
            case VALUE_NUMBER_FLOAT -> out[0] = p.getDoubleValue();
            case VALUE_TRUE -> out[0] = Boolean.TRUE;
            case VALUE_FALSE -> out[0] = Boolean.FALSE;
            case VALUE_NULL -> out[0] = null;
            default -> out[0] = p.getText();
        }
        int end = Math.max(start + 1, offset(file, p.currentLocation()));
        return new YamlNode(keyStart, keyEnd, start, end, Map.of(), List.of());
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
