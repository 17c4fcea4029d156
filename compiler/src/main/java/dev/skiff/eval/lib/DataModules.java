package dev.skiff.eval.lib;

import dev.skiff.emit.JsonWriter;
import dev.skiff.emit.YamlWriter;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code json}, {@code yaml} and {@code manifests} modules. */
final class DataModules {
    private DataModules() {
    }

    /** Encoding options shared by json/yaml/manifests: sort keys, leave out private keys or None values. */
    record Shape(boolean sortKeys, boolean ignorePrivate, boolean ignoreNone) {
        /** {@code yaml.encode}'s options from argument {@code first} on: sort_keys, ignore_private, ignore_none. */
        static Shape yaml(Args a, int first) {
            return new Shape(a.bool(first, "sort_keys", false), a.bool(first + 1, "ignore_private", false),
                    a.bool(first + 2, "ignore_none", false));
        }

        /** {@code json.encode}'s options from {@code first} on: sort_keys, indent, ignore_private, ignore_none. */
        static Shape json(Args a, int first) {
            return new Shape(a.bool(first, "sort_keys", false), a.bool(first + 2, "ignore_private", false),
                    a.bool(first + 3, "ignore_none", false));
        }

        Object apply(Object data) {
            return switch (data) {
                case Map<?, ?> m -> {
                    Map<String, Object> out = sortKeys ? new TreeMap<>() : new LinkedHashMap<>();
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        String k = String.valueOf(e.getKey());
                        if ((ignorePrivate && k.startsWith("_")) || (ignoreNone && e.getValue() == null)) {
                            continue;
                        }
                        out.put(k, apply(e.getValue()));
                    }
                    yield out;
                }
                case List<?> l -> {
                    List<Object> out = new ArrayList<>();
                    for (Object x : l) {
                        if (!(ignoreNone && x == null)) {
                            out.add(apply(x));
                        }
                    }
                    yield out;
                }
                case null -> null;
                default -> data;
            };
        }
    }

    /** Plain data of a value, private ({@code _}) keys of configs included. */
    static Object data(Value v) {
        return Values.toJavaWithPrivate(v);
    }

    static void json(Map<String, Value> m) {
        SystemModules.fn(m, "json", "encode", a -> new Value.Str(jsonText(a, a.get(0, "data"), 1)));
        SystemModules.fn(m, "json", "dump_to_file", a -> {
            ProjectFiles.write(a, a.str(1, "filename"), jsonText(a, a.get(0, "data"), 2));
            return Value.None.NONE;
        });
        SystemModules.fn(m, "json", "decode", a -> SystemModules.fromJava(SystemModules.readData(a, a.str(0, "value"), false)));
        SystemModules.fn(m, "json", "validate", a -> {
            try {
                dev.skiff.emit.DataReader.readJson(a.str(0, "value"));
                return Value.Bool.TRUE;
            } catch (RuntimeException e) {
                if (e instanceof java.util.concurrent.CancellationException c) {
                    throw c; // an editor's stale compile stopping, not a failure of the call
                }
                return Value.Bool.FALSE;
            }
        });
    }

    /** JSON text of a value with the options that follow it from argument {@code first} on. */
    private static String jsonText(Args a, Value value, int first) {
        Object data = Shape.json(a, first).apply(data(value));
        Long indent = a.optInt(first + 1, "indent");
        return indent == null || indent == 0 ? compact(data) : JsonWriter.write(data, indent.intValue()).stripTrailing();
    }

    static void yaml(Map<String, Value> m) {
        SystemModules.fn(m, "yaml", "encode", a -> new Value.Str(yamlText(a.get(0, "data"), Shape.yaml(a, 1))));
        SystemModules.fn(m, "yaml", "encode_all", a -> new Value.Str(yamlStream(a.list(0, "data"), Shape.yaml(a, 1))));
        SystemModules.fn(m, "yaml", "dump_to_file", a -> {
            ProjectFiles.write(a, a.str(1, "filename"), yamlText(a.get(0, "data"), Shape.yaml(a, 2)));
            return Value.None.NONE;
        });
        SystemModules.fn(m, "yaml", "dump_all_to_file", a -> {
            ProjectFiles.write(a, a.str(1, "filename"), yamlStream(a.list(0, "data"), Shape.yaml(a, 2)));
            return Value.None.NONE;
        });
        SystemModules.fn(m, "yaml", "decode", a -> SystemModules.fromJava(SystemModules.readData(a, a.str(0, "value"), true)));
        SystemModules.fn(m, "yaml", "decode_all", a -> {
            try {
                List<Value> out = new ArrayList<>();
                for (Object d : dev.skiff.emit.DataReader.readYamlStream(a.str(0, "value"))) {
                    out.add(SystemModules.fromJava(d));
                }
                return new Value.ListV(out);
            } catch (dev.skiff.emit.DataReader.ReadException e) {
                throw a.bad("cannot decode YAML: " + e.getMessage());
            }
        });
        SystemModules.fn(m, "yaml", "validate", a -> {
            try {
                dev.skiff.emit.DataReader.readYamlStream(a.str(0, "value"));
                return Value.Bool.TRUE;
            } catch (RuntimeException e) {
                if (e instanceof java.util.concurrent.CancellationException c) {
                    throw c; // an editor's stale compile stopping, not a failure of the call
                }
                return Value.Bool.FALSE;
            }
        });
    }

    private static String yamlText(Value value, Shape shape) {
        return YamlWriter.write(shape.apply(data(value)));
    }

    /** Documents as KCL joins them: each ends with its line break, and they are separated by {@code "\n---\n"}. */
    private static String yamlStream(List<Value> values, Shape shape) {
        List<String> texts = new ArrayList<>();
        for (Value v : values) {
            texts.add(yamlText(v, shape));
        }
        return String.join("\n---\n", texts);
    }

    static void manifests(Map<String, Value> m) {
        SystemModules.fn(m, "manifests", "yaml_stream", a -> {
            List<Value> values = a.list(0, "values");
            Value opts = a.opt(1, "opts");
            Map<String, Value> o = opts == null ? Map.of() : Values.entries(opts);
            if (o == null) {
                throw a.wrong("opts", "dict", opts);
            }
            Shape shape = new Shape(Values.truthy(o.getOrDefault("sort_keys", Value.Bool.FALSE)),
                    Values.truthy(o.getOrDefault("ignore_private", Value.Bool.TRUE)),
                    Values.truthy(o.getOrDefault("ignore_none", Value.Bool.FALSE)));
            List<Value> docs = new ArrayList<>();
            for (Value v : values) {
                docs.add(keepSpans(v, SystemModules.fromJava(shape.apply(data(v)))));
            }
            a.ctx().setOutputStream(docs, o);
            return Value.None.NONE;
        });
    }

    /**
     * {@code shaped} with the places its entries were written in {@code original}, where the two still match
     * key for key: validating a document of the stream points at the line that wrote the offending value. The
     * depth of a document is bounded by the output's limit, so this recursion is too.
     */
    private static Value keepSpans(Value original, Value shaped) {
        Map<String, Value> from = Values.entries(original);
        if (shaped instanceof Value.DictV d && from != null) {
            Map<String, dev.skiff.source.Span> spans = original instanceof Value.DictV o ? o.spans()
                    : original instanceof Value.SchemaV o ? o.spans() : Map.of();
            Map<String, Value> entries = new java.util.LinkedHashMap<>();
            Map<String, dev.skiff.source.Span> kept = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Value> e : d.entries().entrySet()) {
                Value before = from.get(e.getKey());
                entries.put(e.getKey(), before == null ? e.getValue() : keepSpans(before, e.getValue()));
                if (spans.get(e.getKey()) != null) {
                    kept.put(e.getKey(), spans.get(e.getKey()));
                }
            }
            return new Value.DictV(entries, d.ops(), kept);
        }
        if (shaped instanceof Value.ListV l && original instanceof Value.ListV o && l.items().size() == o.items().size()) {
            List<Value> items = new ArrayList<>();
            for (int i = 0; i < l.items().size(); i++) {
                items.add(keepSpans(o.items().get(i), l.items().get(i)));
            }
            return new Value.ListV(items);
        }
        return shaped;
    }

    /** JSON on one line with Python's separators ({@code ", "} and {@code ": "}). */
    static String compact(Object o) {
        StringBuilder sb = new StringBuilder();
        compact(o, sb);
        return sb.toString();
    }

    private static void compact(Object o, StringBuilder sb) {
        switch (o) {
            case null -> sb.append("null");
            case String s -> quote(s, sb);
            case Double d -> sb.append(dev.skiff.emit.FloatText.format(d));
            case List<?> l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    sb.append(i == 0 ? "" : ", ");
                    compact(l.get(i), sb);
                }
                sb.append(']');
            }
            case Map<?, ?> mm -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : mm.entrySet()) {
                    sb.append(first ? "" : ", ");
                    first = false;
                    quote(String.valueOf(e.getKey()), sb);
                    sb.append(": ");
                    compact(e.getValue(), sb);
                }
                sb.append('}');
            }
            default -> sb.append(o);
        }
    }

    private static void quote(String s, StringBuilder sb) {
        String json = JsonWriter.write(s, 0);
        sb.append(json, 0, json.length() - 1);
    }
}
