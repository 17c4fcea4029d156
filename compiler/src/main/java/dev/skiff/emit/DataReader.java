package dev.skiff.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML and JSON into the same plain, ordered data the writers take: maps keep key order, integers
 * are {@code Long}, other numbers {@code Double}.
 */
public final class DataReader {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new JsonMapper();

    /** Malformed input, with the position Jackson reported. */
    public static final class ReadException extends RuntimeException {
        public ReadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private DataReader() {
    }

    public static Object readJson(String text) {
        try {
            return normalize(JSON.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw new ReadException(e.getOriginalMessage() + location(e), e);
        }
    }

    /** The first document of a YAML stream (null for an empty one). */
    public static Object readYaml(String text) {
        List<Object> docs = readYamlStream(text);
        return docs.isEmpty() ? null : docs.get(0);
    }

    public static List<Object> readYamlStream(String text) {
        List<Object> out = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(text)) {
            var it = YAML.readValues(parser, Object.class);
            while (it.hasNextValue()) {
                out.add(normalize(it.nextValue()));
            }
        } catch (JsonProcessingException e) {
            throw new ReadException(e.getOriginalMessage() + location(e), e);
        } catch (IOException | RuntimeException e) {
            throw new ReadException(String.valueOf(e.getMessage()), e);
        }
        return out;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static Object normalize(Object o) {
        return switch (o) {
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case BigInteger b -> b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
            case Float f -> f.doubleValue();
            case BigDecimal d -> d.doubleValue();
            case Map<?, ?> m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), normalize(v)));
                yield out;
            }
            case List<?> l -> {
                List<Object> out = new ArrayList<>(l.size());
                l.forEach(x -> out.add(normalize(x)));
                yield out;
            }
            case null -> null;
            default -> o;
        };
    }
}
