package dev.skiff.eval.lib;

import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code int}, {@code float}, {@code list} and {@code dict} conversions. */
final class Conversions {
    private Conversions() {
    }

    static Value toInt(Args a) {
        if (a.opt(0) == null) {
            return new Value.Int(0);
        }
        Value v = a.get(0);
        Long base = a.optInt(1);
        return switch (v) {
            case Value.Int i -> new Value.Int(i.value());
            case Value.Bool b -> new Value.Int(b.value() ? 1 : 0);
            case Value.Float f -> {
                if (!Double.isFinite(f.value())) {
                    throw a.bad("cannot convert " + Values.repr(f) + " to an int");
                }
                yield new Value.Int((long) f.value());
            }
            case Value.Str s -> {
                String t = s.value().strip().replace("_", "");
                java.util.regex.Matcher unit = java.util.regex.Pattern.compile("([-+]?[0-9]+)([numkKMGTP]i?)").matcher(t);
                if (base == null && unit.matches()) {
                    // a quantity such as "2Ki", as KCL's int() reads it
                    yield new Value.Int(new java.math.BigDecimal(unit.group(1)).multiply(Units.factor(unit.group(2)))
                            .longValue());
                }
                int radix = base == null ? 10 : base.intValue();
                String lower = t.toLowerCase(java.util.Locale.ROOT);
                String digits = t;
                boolean neg = lower.startsWith("-");
                String body = neg || lower.startsWith("+") ? lower.substring(1) : lower;
                if ((radix == 16 || radix == 0) && body.startsWith("0x")) {
                    radix = 16;
                    digits = (neg ? "-" : "") + body.substring(2);
                } else if ((radix == 8 || radix == 0) && body.startsWith("0o")) {
                    radix = 8;
                    digits = (neg ? "-" : "") + body.substring(2);
                } else if ((radix == 2 || radix == 0) && body.startsWith("0b")) {
                    radix = 2;
                    digits = (neg ? "-" : "") + body.substring(2);
                } else if (radix == 0) {
                    radix = 10;
                }
                try {
                    yield new Value.Int(Long.parseLong(digits, radix));
                } catch (NumberFormatException e) {
                    throw a.bad("invalid literal for int() with base " + radix + ": " + Values.repr(s));
                }
            }
            default -> throw a.wrong(0, v);
        };
    }

    static Value toFloat(Args a) {
        if (a.opt(0) == null) {
            return new Value.Float(0);
        }
        Value v = a.get(0);
        return switch (v) {
            case Value.Float f -> f;
            case Value.Int i -> new Value.Float(i.value());
            case Value.Bool b -> new Value.Float(b.value() ? 1 : 0);
            case Value.Str s -> {
                String t = s.value().strip().toLowerCase(java.util.Locale.ROOT);
                try {
                    yield new Value.Float(switch (t) {
                        case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
                        case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                        case "nan" -> Double.NaN;
                        default -> Double.parseDouble(t.replace("_", ""));
                    });
                } catch (NumberFormatException e) {
                    throw a.bad("could not convert string to float: " + Values.repr(s));
                }
            }
            default -> throw a.wrong(0, v);
        };
    }

    static List<Value> chars(String s) {
        List<Value> out = new ArrayList<>();
        s.codePoints().forEach(cp -> out.add(new Value.Str(new String(Character.toChars(cp)))));
        return out;
    }

    static Value toList(Args a) {
        if (a.opt(0) == null) {
            return Value.ListV.EMPTY;
        }
        Value v = a.get(0);
        return switch (v) {
            case Value.ListV l -> l;
            case Value.Str s -> new Value.ListV(chars(s.value()));
            default -> {
                Map<String, Value> e = Values.entries(v);
                if (e == null) {
                    throw a.wrong(0, v);
                }
                yield new Value.ListV(e.keySet().stream().map(k -> (Value) new Value.Str(k)).toList());
            }
        };
    }

    static Value toDict(Args a) {
        Map<String, Value> out = new LinkedHashMap<>();
        if (a.opt(0) != null) {
            Value v = a.get(0);
            Map<String, Value> e = Values.entries(v);
            if (e != null) {
                out.putAll(e);
            } else if (v instanceof Value.ListV l) {
                for (Value pair : l.items()) {
                    if (!(pair instanceof Value.ListV p) || p.items().size() != 2) {
                        throw a.bad("`dict` needs a list of [key, value] pairs");
                    }
                    out.put(Values.toStr(p.items().get(0)), p.items().get(1));
                }
            } else if (!Values.isNoneLike(v)) {
                throw a.wrong(0, v);
            }
        }
        out.putAll(a.extra()); // dict(x, key=value): the keyword arguments after the entries of x
        return new Value.DictV(out);
    }
}
