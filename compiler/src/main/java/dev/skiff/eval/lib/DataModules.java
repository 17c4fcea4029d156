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
            return new Shape(a.bool(first, false), a.bool(first + 1, false),
                    a.bool(first + 2, false));
        }

        /** {@code json.encode}'s options from {@code first} on: sort_keys, indent, ignore_private, ignore_none. */
        static Shape json(Args a, int first) {
            return new Shape(a.bool(first, false), a.bool(first + 2, false),
                    a.bool(first + 3, false));
        }

        /**
         * The value {@code fromJava(apply(data(v)))} gives, made from the value directly: plain dicts, lists and
         * scalars (numbers without the text they were written as), without passing through Java maps.
         */
        Value applyTo(Value v) {
            return switch (v) {
                case Value.ListV l -> {
                    List<Value> out = new ArrayList<>(l.items().size());
                    for (Value x : l.items()) {
                        if (Value.isEmitted(x) && !(ignoreNone && x instanceof Value.None)) {
                            out.add(applyTo(x));
                        }
                    }
                    yield new Value.ListV(out);
                }
                case Value.DictV d -> entries(d.entries());
                case Value.SchemaV sv -> entries(sv.entries());
                case Value.Int i -> i.written() == null ? i : new Value.Int(i.value());
                case Value.Float f -> f.written() == null ? f : new Value.Float(f.value());
                case Value.Bool b -> b;
                case Value.Str str -> str;
                default -> Value.None.NONE; // None, Undefined, and what plain data has no form for
            };
        }

        private Value entries(Map<String, Value> entries) {
            Map<String, Value> out = sortKeys ? new TreeMap<>() : new LinkedHashMap<>();
            for (Map.Entry<String, Value> e : Values.present(entries).entrySet()) {
                String k = e.getKey();
                Value x = e.getValue();
                if (!Value.isEmitted(x) || (ignorePrivate && k.startsWith("_")) || (ignoreNone && x instanceof Value.None)) {
                    continue;
                }
                out.put(k, applyTo(x));
            }
            return new Value.DictV(out instanceof LinkedHashMap<String, Value> ? out : new LinkedHashMap<>(out));
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

    static void json(Namespace ns) {
        ns.fn("encode(data: any, sort_keys: bool = False, indent: int = None, ignore_private: bool = False, "
                + "ignore_none: bool = False) -> str",
                "The value as JSON text: on one line, or indented by `indent` spaces; keys sorted with `sort_keys`, "
                        + "keys starting with `_` left out with `ignore_private`, None values left out with "
                        + "`ignore_none`.", a -> new Value.Str(jsonText(a, a.get(0), 1)));
        ns.fn("dump_to_file(data: any, filename: str, sort_keys: bool = False, indent: int = None, ignore_private: "
                + "bool = False, ignore_none: bool = False) -> None",
                "Writes the value as JSON text (with `json.encode`'s options) to a file of the project, replacing "
                        + "it whole.", a -> {
            ProjectFiles.write(a, a.str(1), jsonText(a, a.get(0), 2));
            return Value.None.NONE;
        });
        ns.fn("decode(value: str) -> any",
                "The value a JSON text stands for.",
                        a -> SystemModules.fromJava(SystemModules.readData(a, a.str(0), false)));
        ns.fn("validate(value: str) -> bool",
                "Whether the text is valid JSON.", a -> {
            try {
                dev.skiff.emit.DataReader.readJson(a.str(0));
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
        Long indent = a.optInt(first + 1);
        return indent == null || indent == 0 ? compact(data) : JsonWriter.write(data, indent.intValue()).stripTrailing();
    }

    static void yaml(Namespace ns) {
        ns.fn("encode(data: any, sort_keys: bool = False, ignore_private: bool = False, ignore_none: bool = False) "
                + "-> str",
                "The value as a YAML document; keys sorted with `sort_keys`, keys starting with `_` left out with "
                        + "`ignore_private`, None values left out with `ignore_none`.",
                        a -> new Value.Str(yamlText(a.get(0), Shape.yaml(a, 1))));
        ns.fn("encode_all(data: list, sort_keys: bool = False, ignore_private: bool = False, ignore_none: bool = "
                + "False) -> str",
                "The values of the list as a stream of YAML documents separated by `---`, with `yaml.encode`'s "
                        + "options.", a -> new Value.Str(yamlStream(a.list(0), Shape.yaml(a, 1))));
        ns.fn("dump_to_file(data: any, filename: str, sort_keys: bool = False, ignore_private: bool = False, "
                + "ignore_none: bool = False) -> None",
                "Writes the value as a YAML document (with `yaml.encode`'s options) to a file of the project, "
                        + "replacing it whole.", a -> {
            ProjectFiles.write(a, a.str(1), yamlText(a.get(0), Shape.yaml(a, 2)));
            return Value.None.NONE;
        });
        ns.fn("dump_all_to_file(data: list, filename: str, sort_keys: bool = False, ignore_private: bool = False, "
                + "ignore_none: bool = False) -> None",
                "Writes the values of the list as a stream of YAML documents to a file of the project, replacing it "
                        + "whole.", a -> {
            ProjectFiles.write(a, a.str(1), yamlStream(a.list(0), Shape.yaml(a, 2)));
            return Value.None.NONE;
        });
        ns.fn("decode(value: str) -> any",
                "The value a YAML document stands for.",
                        a -> SystemModules.fromJava(SystemModules.readData(a, a.str(0), true)));
        ns.fn("decode_all(value: str) -> [any]",
                "The values of a stream of YAML documents, in order.", a -> {
            try {
                List<Value> out = new ArrayList<>();
                for (Object d : dev.skiff.emit.DataReader.readYamlStream(a.str(0))) {
                    out.add(SystemModules.fromJava(d));
                }
                return new Value.ListV(out);
            } catch (dev.skiff.emit.DataReader.ReadException e) {
                throw a.bad("cannot decode YAML: " + e.getMessage());
            }
        });
        ns.fn("validate(value: str) -> bool",
                "Whether the text is a valid stream of YAML documents.", a -> {
            try {
                dev.skiff.emit.DataReader.readYamlStream(a.str(0));
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

    static void manifests(Namespace ns) {
        ns.fn("yaml_stream(values: list, opts: dict = {}) -> None",
                "Makes the program's output these values as a stream of YAML documents, instead of its top-level "
                        + "variables; `opts` may set `sort_keys`, `ignore_private` (True by default) and "
                        + "`ignore_none`.", a -> {
            List<Value> values = a.list(0);
            Value opts = a.opt(1);
            Map<String, Value> o = opts == null || Values.isNoneLike(opts) ? Map.of() : Values.entries(opts);
            Shape shape = new Shape(Values.truthy(o.getOrDefault("sort_keys", Value.Bool.FALSE)),
                    Values.truthy(o.getOrDefault("ignore_private", Value.Bool.TRUE)),
                    Values.truthy(o.getOrDefault("ignore_none", Value.Bool.FALSE)));
            List<Value> docs = new ArrayList<>();
            for (Value v : values) {
                docs.add(shape.applyTo(v));
            }
            a.ctx().setOutputStream(docs, o);
            return Value.None.NONE;
        });
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
