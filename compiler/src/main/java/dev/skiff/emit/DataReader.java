package dev.skiff.emit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
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

    /**
     * The documents of a YAML stream. Aliases ({@code *name}) stand for the value anchored as {@code &name}, as
     * YAML means them; a stream whose aliases expand to more than {@link #MAX_ALIASED_VALUES} values (a
     * "billion laughs" bomb: each level aliasing the one before ten times) is refused.
     */
    public static List<Object> readYamlStream(String text) {
        List<Object> out = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) new YAMLFactory().createParser(text)) {
            Map<Integer, String> scalarAnchors = scalarAnchors(text);
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                out.add(normalize(new Aliases(parser, scalarAnchors).value(t)));
            }
        } catch (JsonProcessingException e) {
            throw new ReadException(e.getOriginalMessage() + location(e), e);
        } catch (IOException | RuntimeException e) {
            throw new ReadException(String.valueOf(e.getMessage()), e);
        }
        return out;
    }

    /** The most values one YAML document's aliases may add. */
    public static final long MAX_ALIASED_VALUES = 1_000_000;

    /**
     * The anchors of scalars ({@code &port 80}), by the offset where the scalar starts: Jackson's parser
     * reports the anchors of mappings and sequences only, so SnakeYAML's events (which Jackson reads too, so
     * the offsets agree) are read first for these. Empty when the text has no anchor, or does not parse (then
     * Jackson reports why).
     */
    private static Map<Integer, String> scalarAnchors(String text) {
        Map<Integer, String> out = new java.util.HashMap<>();
        if (text.indexOf('&') < 0) {
            return out;
        }
        try {
            var events = new org.yaml.snakeyaml.parser.ParserImpl(new org.yaml.snakeyaml.reader.StreamReader(text),
                    new org.yaml.snakeyaml.LoaderOptions());
            while (events.peekEvent() != null) {
                var e = events.getEvent();
                if (e instanceof org.yaml.snakeyaml.events.ScalarEvent sc && sc.getAnchor() != null) {
                    out.put(sc.getStartMark().getIndex(), sc.getAnchor());
                }
                if (e instanceof org.yaml.snakeyaml.events.StreamEndEvent) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            return out;
        }
        return out;
    }

    /** Reads one YAML document, replacing each alias by its anchor's value and counting what that adds. */
    private static final class Aliases {
        private final YAMLParser p;
        private final Map<Integer, String> scalarAnchors;
        private final Map<String, Object> anchored = new java.util.HashMap<>();
        private final Map<String, Long> sizes = new java.util.HashMap<>();
        private long added;

        Aliases(YAMLParser p, Map<Integer, String> scalarAnchors) {
            this.p = p;
            this.scalarAnchors = scalarAnchors;
        }

        Object value(JsonToken t) throws IOException {
            return sized(t)[0];
        }

        /** The value starting at {@code t}, and how many values it holds. */
        private Object[] sized(JsonToken t) throws IOException {
            String anchor = p.getCurrentAnchor();
            Object[] v;
            if (t == JsonToken.VALUE_STRING && p.isCurrentAlias()) {
                String name = p.getText();
                if (!anchored.containsKey(name)) {
                    throw new ReadException("the alias `*" + name + "` names no anchor before it" + location(p), null);
                }
                long size = sizes.get(name);
                added += size;
                if (added > MAX_ALIASED_VALUES) {
                    throw new ReadException("the aliases expand to more than " + MAX_ALIASED_VALUES + " values"
                            + location(p), null);
                }
                v = new Object[] {anchored.get(name), size};
            } else if (t == JsonToken.START_OBJECT) {
                Map<String, Object> m = new LinkedHashMap<>();
                long size = 1;
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    Object[] item = sized(p.nextToken());
                    m.put(key, item[0]);
                    size += (long) item[1];
                }
                v = new Object[] {m, size};
            } else if (t == JsonToken.START_ARRAY) {
                List<Object> l = new ArrayList<>();
                long size = 1;
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
                    Object[] item = sized(k);
                    l.add(item[0]);
                    size += (long) item[1];
                }
                v = new Object[] {l, size};
            } else {
                v = new Object[] {scalar(t), 1L};
                if (anchor == null && !scalarAnchors.isEmpty()) {
                    anchor = scalarAnchors.get((int) p.currentTokenLocation().getCharOffset());
                }
            }
            if (anchor != null) {
                anchored.put(anchor, v[0]);
                sizes.put(anchor, (long) v[1]);
            }
            return v;
        }

        private Object scalar(JsonToken t) throws IOException {
            return switch (t) {
                case VALUE_NULL -> null;
                case VALUE_TRUE -> true;
                case VALUE_FALSE -> false;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
                default -> p.getText();
            };
        }
    }

    private static String location(JsonParser p) {
        var at = p.currentLocation();
        return at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
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
