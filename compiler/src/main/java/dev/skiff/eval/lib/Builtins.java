package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.types.Inference;
import dev.skiff.types.Type;
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

    static void register(Namespace ns) {
        ns.fn("print(*args, sep: str = \" \", end: str = \"\\n\") -> None",
                "Prints the values, converted with `str` and separated by `sep`, followed by `end`.",
                Builtins::print);
        ns.fn("len(x: str | list | dict) -> int",
                "The number of characters of a string, items of a list, or entries of a dict or schema instance.",
                        a -> {
            Value v = a.get(0);
            return new Value.Int(switch (v) {
                case Value.Str s -> s.value().codePointCount(0, s.value().length());
                case Value.ListV l -> l.items().size();
                default -> {
                    Map<String, Value> e = Values.entries(v);
                    if (e == null) {
                        throw a.wrong(0, v);
                    }
                    yield e.size();
                }
            });
        });
        ns.fn(List.of(ns.sig("range(stop: int) -> [int]", "The integers from 0 up to `stop`, `stop` excluded."),
                ns.sig("range(start: int, stop: int, step: int = 1) -> [int]",
                        "The integers from `start` up to `stop` (excluded), `step` apart; a negative `step` counts "
                                + "down.")),
                null, Builtins::range);
        ns.fn("sorted(iterable: list | str | dict, *, reverse: bool = False) -> list",
                "A new list of the items in ascending order (the characters of a string, the keys of a dict); "
                        + "`reverse=True` sorts in descending order.", Builtins::sortedType, Builtins::sorted);
        ns.fn("reduce(function: (any, any) -> any, iterable: list | dict, initial: any = ...) -> any",
                "Folds the items from the left: the result of `function(accumulator, item)` becomes the next "
                        + "accumulator. The fold starts from `initial`, or without it from the first item; an empty "
                        + "list without `initial` gives None.", Builtins::reduce);
        ns.fn("min(*values) -> any",
                "The smallest of the values, or of the items of a single list (the keys of a single dict).",
                Builtins::extremeType, a -> extreme(a, -1));
        ns.fn("max(*values) -> any",
                "The largest of the values, or of the items of a single list (the keys of a single dict).",
                Builtins::extremeType, a -> extreme(a, 1));
        ns.fn("sum(iterable: list, start: any = 0) -> any",
                "`start` plus the items of the list, added in order with `+`.", a -> {
            Value acc = a.opt(1) == null ? new Value.Int(0) : a.opt(1);
            for (Value v : a.list(0)) {
                acc = Library.add(a, acc, v);
            }
            return acc;
        });
        ns.fn("abs(x: int | float) -> int | float", "The absolute value: an int for an int, else a float.",
                (args, kw) -> args.isEmpty() ? null : number(args.get(0)), a -> {
            Value v = a.get(0);
            if (v instanceof Value.Int i) {
                return new Value.Int(Math.abs(i.value()));
            }
            return new Value.Float(Math.abs(a.number(0)));
        });
        ns.fn("round(number: int | float, ndigits: int = None) -> int | float",
                "The number rounded half to even: to an int without `ndigits`, else to a float with `ndigits` "
                        + "decimals.", Builtins::roundType, a -> {
            double x = a.number(0);
            Long n = a.optInt(1);
            if (n == null) {
                return new Value.Int(new BigDecimal(x).setScale(0, RoundingMode.HALF_EVEN).longValue());
            }
            return new Value.Float(new BigDecimal(Double.toString(x)).setScale(n.intValue(), RoundingMode.HALF_EVEN)
                    .doubleValue());
        });
        ns.fn("pow(x: int | float, y: int | float, z: int = None) -> int | float",
                "`x` to the power `y`, modulo `z` when given: an int for ints and a non-negative `y`, else a float.",
                a -> {
            Value x = a.get(0);
            Value y = a.get(1);
            if (x instanceof Value.Int b && y instanceof Value.Int e && e.value() >= 0) {
                Long mod = a.optInt(2);
                java.math.BigInteger r = java.math.BigInteger.valueOf(b.value());
                r = mod == null ? r.pow((int) e.value())
                        : r.modPow(java.math.BigInteger.valueOf(e.value()), java.math.BigInteger.valueOf(mod));
                return new Value.Int(r.longValue());
            }
            return new Value.Float(Math.pow(a.number(0), a.number(1)));
        });
        ns.fn("zip(*lists: list) -> [list]",
                "Lists of the items at the same index of each list, as long as the shortest list.", a -> {
            List<List<Value>> lists = new ArrayList<>();
            int n = Integer.MAX_VALUE;
            for (Value v : a.rest()) {
                List<Value> l = ((Value.ListV) v).items();
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
        ns.fn("all_true(iterable: list) -> bool", "Whether every item is true (True for an empty list).", a -> {
            for (Value v : a.list(0)) {
                if (!Values.truthy(v)) {
                    return Value.Bool.FALSE;
                }
            }
            return Value.Bool.TRUE;
        });
        ns.fn("any_true(iterable: list) -> bool", "Whether some item is true (False for an empty list).", a -> {
            for (Value v : a.list(0)) {
                if (Values.truthy(v)) {
                    return Value.Bool.TRUE;
                }
            }
            return Value.Bool.FALSE;
        });
        ns.fn("isunique(iterable: list) -> bool", "Whether no two items of the list are equal.", a -> {
            List<Value> l = a.list(0);
            for (int i = 0; i < l.size(); i++) {
                for (int j = i + 1; j < l.size(); j++) {
                    if (Values.equal(l.get(i), l.get(j))) {
                        return Value.Bool.FALSE;
                    }
                }
            }
            return Value.Bool.TRUE;
        });
        ns.fn("multiplyof(a: int, b: int) -> bool", "Whether `a` is a multiple of `b`.", a -> {
            long x = a.integer(0);
            long y = a.integer(1);
            if (y == 0) {
                throw a.ctx().error(Code.E0504, "`multiplyof` by zero");
            }
            return Value.Bool.of(x % y == 0);
        });
        ns.fn("isnullish(x: any) -> bool", "Whether the value is None or Undefined.",
                a -> Value.Bool.of(Values.isNoneLike(a.get(0))));
        ns.fn("typeof(x: any, full_name: bool = False) -> str",
                "The name of the value's type: `int`, `str`, `list`, a schema's name (with its package when "
                        + "`full_name` is true), `type` for a schema itself.",
                a -> new Value.Str(typeOf(a.get(0), a.bool(1, false))));
        ns.fn("hex(number: int) -> str", "The integer in hexadecimal, with `0x` after its sign.",
                a -> new Value.Str(signed(a.integer(0), 16, "0x")));
        ns.fn("oct(number: int) -> str", "The integer in octal, with `0o` after its sign.",
                a -> new Value.Str(signed(a.integer(0), 8, "0o")));
        ns.fn("bin(number: int) -> str", "The integer in binary, with `0b` after its sign.",
                a -> new Value.Str(signed(a.integer(0), 2, "0b")));
        ns.fn("ord(c: str) -> int", "The Unicode code point of a one-character string.", a -> {
            String s = a.str(0);
            if (s.codePointCount(0, s.length()) != 1) {
                throw a.bad("`ord` expects one character, found a string of length " + s.length());
            }
            return new Value.Int(s.codePointAt(0));
        });
        ns.fn("chr(i: int) -> str", "The one-character string of a Unicode code point.", a -> {
            long c = a.integer(0);
            if (c < 0 || c > Character.MAX_CODE_POINT) {
                throw a.bad("`chr` argument " + c + " is not a character code");
            }
            return new Value.Str(new String(Character.toChars((int) c)));
        });
        ns.fn("int(number: int | float | str = 0, base: int = None) -> int",
                "An integer from a number (truncated towards zero), a bool, or a string: decimal, in `base`, with "
                        + "a `0x`/`0o`/`0b` prefix when `base` is 0, or a quantity with a unit suffix such as `2Ki`.",
                Conversions::toInt);
        ns.fn("float(number: int | float | str = 0.0) -> float",
                "A float from a number, a bool, or a string (`inf` and `nan` included).", Conversions::toFloat);
        ns.fn("str(x: any = \"\") -> str", "The value as a string: a string as it is, anything else as it prints.",
                a -> new Value.Str(a.opt(0) == null ? "" : Values.toStr(a.get(0))));
        ns.fn("bool(x: any = False) -> bool",
                "Whether the value is true: False for False, None, Undefined, 0, empty strings, lists and dicts.",
                a -> Value.Bool.of(a.opt(0) != null && Values.truthy(a.get(0))));
        ns.fn("list(x: list | str | dict = []) -> list",
                "A new list of the items of a list, the characters of a string, or the keys of a dict.",
                Conversions::toList);
        ns.fn("dict(x: dict | list = {}, **entries) -> {str:any}",
                "A new dict of the entries of a dict (or of a list of [key, value] pairs), then of the keyword "
                        + "arguments.", Conversions::toDict);
        ns.fn("option(key: str, *, type: str = \"any\", required: bool = False, default: any = None, help: str = "
                + "\"\") -> any",
                "The value given on the command line with `-D key=value`, converted to `type`; `default` when it "
                        + "is not given, and an error then if it is `required`.", Options::option);
    }

    /** {@code reduce}: folds from the left; without {@code initial} the first item starts. */
    private static Value reduce(Args a) {
        Value fn = a.get(0);
        Value items = a.get(1);
        Value acc = a.opt(2);
        if (!(fn instanceof Value.Func f)) {
            throw a.wrong(0, fn); // a schema type: callable, but not a function of two arguments
        }
        List<Value> list = items instanceof Value.ListV l ? l.items()
                : Values.entries(items).keySet().stream().map(k -> (Value) new Value.Str(k)).toList();
        int start = 0;
        if (acc == null) {
            String accType = f.impl().parameterType(0);
            if (list.isEmpty() && accType != null && !accType.contains("None") && !accType.equals("any")) {
                throw a.ctx().error(Code.E0305, "`reduce` has an empty list and no initial value, and the "
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
            acc = a.ctx().call(fn, List.of(acc, item), Map.of());
        }
        return acc;
    }

    /** The type of a number argument as results keep it: {@code int} or {@code float}, else null. */
    private static Type number(Type t) {
        Type w = Type.unrefined(Inference.widen(t));
        return w instanceof Type.Int || w instanceof Type.Float ? w : null;
    }

    /** {@code sorted}'s result: a list of the items of the list, or of strings for a string or a dict. */
    private static Type sortedType(List<Type> args, Map<String, Type> keywords) {
        if (args.isEmpty()) {
            return null;
        }
        return switch (Type.unrefined(Inference.widen(args.get(0)))) {
            case Type.ListOf l -> l;
            case Type.Str s -> new Type.ListOf(Type.STR);
            case Type.DictOf d -> new Type.ListOf(Type.STR);
            case Type.Schema sc -> new Type.ListOf(Type.STR);
            default -> null;
        };
    }

    /** {@code min} and {@code max}: an item of a single list, a key of a single dict, or one of the arguments. */
    private static Type extremeType(List<Type> args, Map<String, Type> keywords) {
        if (args.size() == 1) {
            return switch (Type.unrefined(Inference.widen(args.get(0)))) {
                case Type.ListOf l -> l.element();
                case Type.DictOf d -> Type.STR;
                case Type.Schema sc -> Type.STR;
                case Type.Any any -> null;
                default -> Inference.widen(args.get(0));
            };
        }
        List<Type> each = new ArrayList<>();
        for (Type t : args) {
            Type w = Inference.widen(t);
            if (w instanceof Type.Any || w instanceof Type.ListOf) {
                return null; // a list among several values: compared as a list, and may be the answer
            }
            each.add(w);
        }
        return each.isEmpty() ? null : Type.union(each);
    }

    /** {@code round}: an int without {@code ndigits} (or with None), a float with it. */
    private static Type roundType(List<Type> args, Map<String, Type> keywords) {
        Type ndigits = args.size() > 1 ? args.get(1) : keywords.get("ndigits");
        if (ndigits == null || ndigits instanceof Type.NoneType) {
            return Type.INT;
        }
        Type w = Type.unrefined(Inference.widen(ndigits));
        return w instanceof Type.Int || w instanceof Type.Bool ? Type.FLOAT : null;
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
        String sep = a.optStr(1, " ");
        String end = a.optStr(2, "\n");
        StringBuilder sb = new StringBuilder();
        List<Value> values = a.rest();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(Values.toStr(values.get(i)));
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
        if (a.overload() == 0) {
            stop = a.integer(0);
        } else {
            start = a.integer(0);
            stop = a.integer(1);
            if (a.optInt(2) != null) {
                step = a.optInt(2);
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
        Value v = a.get(0);
        List<Value> items = new ArrayList<>(switch (v) {
            case Value.ListV l -> l.items();
            case Value.Str s -> Conversions.chars(s.value());
            default -> {
                Map<String, Value> e = Values.entries(v);
                if (e == null) {
                    throw a.wrong(0, v);
                }
                yield e.keySet().stream().map(k -> (Value) new Value.Str(k)).toList();
            }
        });
        boolean reverse = a.bool(1, false);
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
        List<Value> values = a.rest();
        List<Value> items = values.size() == 1 && values.get(0) instanceof Value.ListV l ? l.items() : values;
        if (values.size() == 1 && Values.entries(values.get(0)) != null) {
            items = Values.entries(values.get(0)).keySet().stream().map(k -> (Value) new Value.Str(k)).toList();
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
