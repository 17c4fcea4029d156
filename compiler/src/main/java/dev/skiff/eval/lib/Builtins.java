package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** KCL's builtin functions. */
final class Builtins {
    private Builtins() {
    }

    static void register(Map<String, Value.Func> out) {
        Library.define(out, "print", Builtins::print);
        Library.define(out, "len", a -> {
            Value v = a.get(0, null);
            return new Value.Int(switch (v) {
                case Value.Str s -> s.value().codePointCount(0, s.value().length());
                case Value.ListV l -> l.items().size();
                default -> {
                    Map<String, Value> e = Values.entries(v);
                    if (e == null) {
                        throw a.wrong(null, "str, list or dict", v);
                    }
                    yield e.size();
                }
            });
        });
        Library.define(out, "range", Builtins::range);
        Library.define(out, "sorted", Builtins::sorted);
        // reduce(function, iterable[, initial]): folds from the left; without `initial` the first item starts
        out.put("reduce", new Value.Func("reduce", (ctx, args, kwargs) -> {
            Value fn = args.size() > 0 ? args.get(0) : kwargs.get("function");
            Value items = args.size() > 1 ? args.get(1) : kwargs.get("iterable");
            Value acc = args.size() > 2 ? args.get(2) : kwargs.get("initial");
            if (fn == null || items == null) {
                throw ctx.error(dev.skiff.diag.Code.E0305, "`reduce` takes a function, a list and an optional initial value");
            }
            if (!(fn instanceof Value.Func f)) {
                throw ctx.error(dev.skiff.diag.Code.E0304, "`reduce` needs a function to fold with, found `"
                        + Values.typeName(fn) + "`");
            }
            List<Value> list = items instanceof Value.ListV l ? l.items() : Values.entries(items) != null
                    ? Values.entries(items).keySet().stream().map(k -> (Value) new Value.Str(k)).toList() : null;
            if (list == null) {
                throw ctx.error(dev.skiff.diag.Code.E0309, "`reduce` needs a list or dict, found `" + Values.typeName(items) + "`");
            }
            int start = 0;
            if (acc == null) {
                String accType = f.impl().parameterType(0);
                if (list.isEmpty() && accType != null && !accType.contains("None") && !accType.equals("any")) {
                    throw ctx.error(dev.skiff.diag.Code.E0305, "`reduce` has an empty list and no initial value, and the "
                            + "accumulator's type `" + accType + "` does not allow None")
                            .withHint("pass an initial value, or give the accumulator a type that allows None");
                }
                if (list.isEmpty()) {
                    return Value.None.NONE; // as KCL: nothing to fold and no initial value
                }
                acc = list.get(0);
                start = 1;
            }
            for (Value item : list.subList(start, list.size())) {
                acc = ctx.call(fn, List.of(acc, item), Map.of());
            }
            return acc;
        }));
        Library.define(out, "min", a -> extreme(a, -1));
        Library.define(out, "max", a -> extreme(a, 1));
        Library.define(out, "sum", a -> {
            Value acc = a.opt(1, "start") == null ? new Value.Int(0) : a.opt(1, "start");
            for (Value v : a.list(0, "iterable")) {
                acc = Library.add(a, acc, v);
            }
            return acc;
        });
        Library.define(out, "abs", a -> {
            Value v = a.get(0, null);
            if (v instanceof Value.Int i) {
                return new Value.Int(Math.abs(i.value()));
            }
            return new Value.Float(Math.abs(a.number(0, null)));
        });
        Library.define(out, "round", a -> {
            double x = a.number(0, "number");
            Long n = a.optInt(1, "ndigits");
            if (n == null) {
                return new Value.Int(new BigDecimal(x).setScale(0, RoundingMode.HALF_EVEN).longValue());
            }
            return new Value.Float(new BigDecimal(Double.toString(x)).setScale(n.intValue(), RoundingMode.HALF_EVEN)
                    .doubleValue());
        });
        Library.define(out, "pow", a -> {
            Value x = a.get(0, "x");
            Value y = a.get(1, "y");
            if (x instanceof Value.Int b && y instanceof Value.Int e && e.value() >= 0) {
                Long mod = a.optInt(2, "z");
                java.math.BigInteger r = java.math.BigInteger.valueOf(b.value());
                r = mod == null ? r.pow((int) e.value())
                        : r.modPow(java.math.BigInteger.valueOf(e.value()), java.math.BigInteger.valueOf(mod));
                return new Value.Int(r.longValue());
            }
            return new Value.Float(Math.pow(a.number(0, "x"), a.number(1, "y")));
        });
        Library.define(out, "zip", a -> {
            List<List<Value>> lists = new ArrayList<>();
            int n = Integer.MAX_VALUE;
            for (int i = 0; i < a.size(); i++) {
                List<Value> l = a.list(i, null);
                lists.add(l);
                n = Math.min(n, l.size());
            }
            List<Value> rows = new ArrayList<>();
            for (int i = 0; i < (lists.isEmpty() ? 0 : n); i++) {
                List<Value> row = new ArrayList<>();
                for (List<Value> l : lists) {
                    row.add(l.get(i));
                }
                rows.add(new Value.ListV(row));
            }
            return new Value.ListV(rows);
        });
        Library.define(out, "all_true", a -> {
            for (Value v : a.list(0, null)) {
                if (!Values.truthy(v)) {
                    return Value.Bool.FALSE;
                }
            }
            return Value.Bool.TRUE;
        });
        Library.define(out, "any_true", a -> {
            for (Value v : a.list(0, null)) {
                if (Values.truthy(v)) {
                    return Value.Bool.TRUE;
                }
            }
            return Value.Bool.FALSE;
        });
        Library.define(out, "isunique", a -> {
            List<Value> l = a.list(0, null);
            for (int i = 0; i < l.size(); i++) {
                for (int j = i + 1; j < l.size(); j++) {
                    if (Values.equal(l.get(i), l.get(j))) {
                        return Value.Bool.FALSE;
                    }
                }
            }
            return Value.Bool.TRUE;
        });
        Library.define(out, "multiplyof", a -> {
            long x = a.integer(0, "a");
            long y = a.integer(1, "b");
            if (y == 0) {
                throw a.ctx().error(Code.E0504, "`multiplyof` by zero");
            }
            return Value.Bool.of(x % y == 0);
        });
        Library.define(out, "isnullish", a -> Value.Bool.of(Values.isNoneLike(a.get(0, null))));
        Library.define(out, "typeof", a -> {
            Value v = a.get(0, "x");
            boolean full = a.bool(1, "full_name", false);
            return new Value.Str(typeOf(v, full));
        });
        Library.define(out, "hex", a -> new Value.Str(signed(a.integer(0, null), 16, "0x")));
        Library.define(out, "oct", a -> new Value.Str(signed(a.integer(0, null), 8, "0o")));
        Library.define(out, "bin", a -> new Value.Str(signed(a.integer(0, null), 2, "0b")));
        Library.define(out, "ord", a -> {
            String s = a.str(0, "c");
            if (s.codePointCount(0, s.length()) != 1) {
                throw a.bad("`ord` expects one character, found a string of length " + s.length());
            }
            return new Value.Int(s.codePointAt(0));
        });
        Library.define(out, "chr", a -> {
            long c = a.integer(0, "i");
            if (c < 0 || c > Character.MAX_CODE_POINT) {
                throw a.bad("`chr` argument " + c + " is not a character code");
            }
            return new Value.Str(new String(Character.toChars((int) c)));
        });
        Library.define(out, "int", Conversions::toInt);
        Library.define(out, "float", Conversions::toFloat);
        Library.define(out, "str", a -> new Value.Str(a.size() == 0 ? "" : Values.toStr(a.get(0, "x"))));
        Library.define(out, "bool", a -> Value.Bool.of(a.size() > 0 && Values.truthy(a.get(0, "x"))));
        Library.define(out, "list", Conversions::toList);
        Library.define(out, "dict", Conversions::toDict);
        Library.define(out, "option", Options::option);
    }

    static String typeOf(Value v, boolean full) {
        return switch (v) {
            case Value.None n -> "None";
            case Value.Undefined u -> "Undefined";
            case Value.TypeV t -> "type"; // a schema itself (not an instance), as KCL's typeof says
            // the main module's schemas have no package in their full name, as in KCL
            case Value.SchemaV s -> full && !s.type().module().equals("__main__")
                    ? s.type().module() + "." + s.type().name() : s.type().name();
            default -> Values.typeName(v);
        };
    }

    private static String signed(long v, int radix, String prefix) {
        return (v < 0 ? "-" : "") + prefix + Long.toString(Math.abs(v), radix);
    }

    private static Value print(Args a) {
        String sep = a.optStr(-1, "sep", " ");
        String end = a.optStr(-1, "end", "\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < a.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Values.toStr(a.all().get(i)));
        }
        sb.append(end);
        try {
            a.ctx().out().append(sb);
        } catch (IOException e) {
            throw a.ctx().error(Code.E0511, "cannot print: " + e.getMessage());
        }
        return Value.None.NONE;
    }

    private static Value range(Args a) {
        long start = 0;
        long stop;
        long step = 1;
        if (a.size() == 1) {
            stop = a.integer(0, null);
        } else {
            start = a.integer(0, null);
            stop = a.integer(1, null);
            if (a.size() > 2) {
                step = a.integer(2, null);
            }
        }
        if (step == 0) {
            throw a.bad("`range` step cannot be zero");
        }
        long count = step > 0 ? Math.max(0, (stop - start + step - 1) / step) : Math.max(0, (start - stop - step - 1) / -step);
        if (count > 10_000_000) {
            throw a.ctx().error(Code.E0509, "`range` would make " + count + " elements, more than the limit");
        }
        List<Value> out = new ArrayList<>((int) count);
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            out.add(new Value.Int(i));
        }
        return new Value.ListV(out);
    }

    private static Value sorted(Args a) {
        Value v = a.get(0, null);
        List<Value> items = new ArrayList<>(switch (v) {
            case Value.ListV l -> l.items();
            case Value.Str s -> Conversions.chars(s.value());
            default -> {
                Map<String, Value> e = Values.entries(v);
                if (e == null) {
                    throw a.wrong(null, "list, str or dict", v);
                }
                yield e.keySet().stream().map(k -> (Value) new Value.Str(k)).toList();
            }
        });
        boolean reverse = a.bool(-1, "reverse", false);
        try {
            items.sort((x, y) -> {
                Integer c = Values.compare(x, y);
                if (c == null) {
                    throw new IllegalArgumentException("`" + Values.typeName(x) + "` and `" + Values.typeName(y) + "`");
                }
                return reverse ? -c : c;
            });
        } catch (IllegalArgumentException e) {
            throw a.bad("`sorted` cannot order " + e.getMessage());
        }
        return new Value.ListV(items);
    }

    private static Value extreme(Args a, int sign) {
        List<Value> items = a.size() == 1 && a.get(0, null) instanceof Value.ListV l ? l.items() : a.all();
        if (a.size() == 1 && Values.entries(a.get(0, null)) != null) {
            items = Values.entries(a.get(0, null)).keySet().stream().map(k -> (Value) new Value.Str(k)).toList();
        }
        if (items.isEmpty()) {
            throw a.bad("`" + (sign < 0 ? "min" : "max") + "` of an empty sequence");
        }
        Value best = items.get(0);
        for (Value v : items) {
            Integer c = Values.compare(v, best);
            if (c == null) {
                throw a.bad("cannot compare `" + Values.typeName(v) + "` and `" + Values.typeName(best) + "`");
            }
            if (c * sign > 0) {
                best = v;
            }
        }
        return best;
    }

    static Map<String, Value> copy(Map<String, Value> m) {
        return new LinkedHashMap<>(m);
    }
}
