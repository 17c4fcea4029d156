package dev.skiff.eval.value;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** KCL's rules for truth, equality, ordering and text of values. */
public final class Values {
    private Values() {
    }

    /** Plain data (as read from JSON or YAML: maps, lists, strings, numbers, booleans, null) as a value. */
    public static Value fromJava(Object o) {
        return switch (o) {
            case null -> Value.None.NONE;
            case Boolean b -> Value.Bool.of(b);
            case Long l -> new Value.Int(l);
            case Integer i -> new Value.Int(i);
            case Number n -> new Value.Float(n.doubleValue());
            case java.util.List<?> l -> {
                java.util.List<Value> items = new java.util.ArrayList<>(l.size());
                l.forEach(x -> items.add(fromJava(x)));
                yield new Value.ListV(items);
            }
            case Map<?, ?> m -> {
                Map<String, Value> entries = new java.util.LinkedHashMap<>();
                m.forEach((k, v) -> entries.put(String.valueOf(k), fromJava(v)));
                yield new Value.DictV(entries);
            }
            default -> new Value.Str(String.valueOf(o));
        };
    }

    public static Value.Str str(String s) {
        return new Value.Str(s);
    }

    public static Value.Int integer(long v) {
        return new Value.Int(v);
    }

    /** Falsy values: None, Undefined, False, zero, empty strings, lists, dicts and schema instances with no entries. */
    public static boolean truthy(Value v) {
        return switch (v) {
            case Value.None n -> false;
            case Value.Undefined u -> false;
            case Value.Bool b -> b.value();
            case Value.Int i -> i.value() != 0;
            case Value.Float f -> f.value() != 0.0;
            case Value.Str s -> !s.value().isEmpty();
            case Value.ListV l -> !l.items().isEmpty();
            case Value.DictV d -> !d.entries().isEmpty();
            case Value.SchemaV s -> true;
            case Value.Func f -> true;
            case Value.TypeV t -> true;
            case Value.Module m -> true;
        };
    }

    /**
     * The entries of an instance that stores only the attributes set ({@code set}, in output order, adopted: the
     * caller must not change it), reporting every other attribute of {@code declared} as {@code Undefined}.
     */
    public static Map<String, Value> sparseEntries(java.util.LinkedHashMap<String, Value> set, Map<String, ?> declared) {
        return new SparseEntries(set, declared);
    }

    /**
     * The entries of a dict or instance that may hold something other than {@code Undefined}, in order: for a
     * sparse instance only those set (what output and conversion read), else all of them.
     */
    public static Map<String, Value> present(Map<String, Value> entries) {
        return entries instanceof SparseEntries s ? s.set() : entries;
    }

    /** Whether a value is None or Undefined. */
    public static boolean isNoneLike(Value v) {
        return v instanceof Value.None || v instanceof Value.Undefined;
    }

    /** The entries of a dict or schema instance, or null for any other value. */
    public static Map<String, Value> entries(Value v) {
        if (v instanceof Value.DictV d) {
            return d.entries();
        }
        if (v instanceof Value.SchemaV s) {
            return s.entries();
        }
        return null;
    }

    /** Deep equality as {@code ==}: {@code 1 == 1.0}; dicts compare by entries regardless of order. */
    public static boolean equal(Value a, Value b) {
        if (a == b) {
            return true;
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Value.Int x && b instanceof Value.Int y) {
                return x.value() == y.value();
            }
            return asDouble(a) == asDouble(b);
        }
        if (a instanceof Value.Str x && b instanceof Value.Str y) {
            return x.value().equals(y.value());
        }
        if (a instanceof Value.ListV x && b instanceof Value.ListV y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!equal(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        Map<String, Value> ea = entries(a);
        Map<String, Value> eb = entries(b);
        if (ea != null && eb != null) {
            if (ea.size() != eb.size()) {
                return false;
            }
            for (Map.Entry<String, Value> e : ea.entrySet()) {
                Value other = eb.get(e.getKey());
                if (other == null || !equal(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Value.TypeV x && b instanceof Value.TypeV y) {
            return x.schema() == y.schema();
        }
        return a.equals(b);
    }

    public static boolean isNumber(Value v) {
        return v instanceof Value.Int || v instanceof Value.Float || v instanceof Value.Bool;
    }

    public static double asDouble(Value v) {
        return switch (v) {
            case Value.Int i -> i.value();
            case Value.Float f -> f.value();
            case Value.Bool b -> b.value() ? 1 : 0;
            default -> throw new IllegalArgumentException("not a number: " + typeName(v));
        };
    }

    /**
     * Orders two values as {@code <} does: numbers by value, strings and lists lexicographically.
     *
     * @return negative, zero or positive; or null when the values cannot be ordered
     */
    public static Integer compare(Value a, Value b) {
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Value.Int x && b instanceof Value.Int y) {
                return Long.compare(x.value(), y.value());
            }
            return Double.compare(asDouble(a), asDouble(b));
        }
        if (a instanceof Value.Str x && b instanceof Value.Str y) {
            return Integer.signum(x.value().compareTo(y.value()));
        }
        if (a instanceof Value.ListV x && b instanceof Value.ListV y) {
            Iterator<Value> i = x.items().iterator();
            Iterator<Value> j = y.items().iterator();
            while (i.hasNext() && j.hasNext()) {
                Integer c = compare(i.next(), j.next());
                if (c == null) {
                    return null;
                }
                if (c != 0) {
                    return c;
                }
            }
            return Boolean.compare(i.hasNext(), j.hasNext());
        }
        return null;
    }

    /** The type name KCL's {@code typeof} and error messages use. */
    public static String typeName(Value v) {
        return switch (v) {
            case Value.None n -> "NoneType";
            case Value.Undefined u -> "UndefinedType";
            case Value.Bool b -> "bool";
            case Value.Int i -> "int";
            case Value.Float f -> "float";
            case Value.Str s -> "str";
            case Value.ListV l -> "list";
            case Value.DictV d -> "dict";
            case Value.SchemaV s -> s.type().name();
            case Value.Func f -> "function";
            case Value.TypeV t -> "schema_type";
            case Value.Module m -> "module";
        };
    }

    /** {@code str(v)}: strings as they are, everything else as {@link #repr}. */
    public static String toStr(Value v) {
        if (v instanceof Value.Str s) {
            return s.value();
        }
        return repr(v);
    }

    /** Plain data with private keys kept (for {@code json.encode} and friends). */
    public static Object toJavaWithPrivate(Value v) {
        return Value.toJavaWithPrivate(v);
    }

    /** Python-style text of a value: strings quoted, {@code True}, {@code None}, {@code [1, 'a']}, {@code {'k': 1}}. */
    public static String repr(Value v) {
        StringBuilder sb = new StringBuilder();
        repr(v, sb);
        return sb.toString();
    }

    private static void repr(Value v, StringBuilder sb) {
        switch (v) {
            case Value.None n -> sb.append("None");
            case Value.Undefined u -> sb.append("Undefined");
            case Value.Bool b -> sb.append(b.value() ? "True" : "False");
            case Value.Int i -> sb.append(i.written() != null ? i.written() : Long.toString(i.value()));
            case Value.Float f -> sb.append(f.written() != null ? f.written() : formatFloat(f.value()));
            case Value.Str s -> quote(s.value(), sb);
            case Value.ListV l -> {
                sb.append('[');
                List<Value> items = l.items();
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    // KCL prints strings inside a list without quotes (but quotes them inside a dict)
                    if (items.get(i) instanceof Value.Str s) {
                        sb.append(s.value());
                    } else {
                        repr(items.get(i), sb);
                    }
                }
                sb.append(']');
            }
            case Value.DictV d -> reprEntries(d.entries(), sb);
            case Value.SchemaV s -> reprEntries(s.entries(), sb);
            case Value.Func f -> sb.append("<function ").append(f.name()).append('>');
            case Value.TypeV t -> sb.append("<schema ").append(t.schema().name()).append('>');
            case Value.Module m -> sb.append("<module ").append(m.name()).append('>');
        }
    }

    private static void reprEntries(Map<String, Value> entries, StringBuilder sb) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Value> e : entries.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            quote(e.getKey(), sb);
            sb.append(": ");
            repr(e.getValue(), sb);
        }
        sb.append('}');
    }

    private static void quote(String s, StringBuilder sb) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == q) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        sb.append(q);
    }

    /**
     * A float as Python's {@code repr} writes it: the shortest digits that read back the same, with
     * {@code .0} on whole numbers and exponent form outside 1e-4 ≤ |x| < 1e16.
     */
    public static String formatFloat(double d) {
        return dev.skiff.emit.FloatText.format(d);
    }
}
