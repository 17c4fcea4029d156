package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;

/** {@code option(key, type=, required=, default=, help=)}: values given with {@code -D key=value}. */
final class Options {
    private Options() {
    }

    static Value option(Args a) {
        String key = a.str(0);
        String type = a.optStr(1, "");
        boolean required = a.bool(2, false);
        Value dflt = a.opt(3);
        String help = a.optStr(4, "");
        Value v = a.ctx().options().get(key);
        if (v == null) {
            if (required && (dflt == null || Values.isNoneLike(dflt))) {
                throw a.ctx().error(Code.E0508, "option `" + key + "` is required" + (help.isEmpty() ? "" : ": " + help))
                        .withHint("pass it with `-D " + key + "=...`");
            }
            if (dflt == null || Values.isNoneLike(dflt) || type.isEmpty() || type.equals("any")) {
                return dflt == null ? Value.None.NONE : dflt;
            }
            v = dflt; // a default is converted to the type as a given value would be
        } else if (type.equals("str") && a.ctx().rawOptions().get(key) != null) {
            // the text as written: `-D sha=12e1` is "12e1", not 120.0
            String raw = a.ctx().rawOptions().get(key).strip();
            boolean quoted = raw.length() >= 2 && (raw.startsWith("\"") && raw.endsWith("\"")
                    || raw.startsWith("'") && raw.endsWith("'"));
            return new Value.Str(quoted ? raw.substring(1, raw.length() - 1) : raw);
        }
        if (type.isEmpty() || type.equals("any")) {
            return v;
        }
        Value converted = convert(v, type);
        if (converted == null) {
            throw a.ctx().error(Code.E0508, "option `" + key + "` must be of type `" + type + "`, found "
                    + Values.repr(v) + " (`" + Values.typeName(v) + "`)");
        }
        return converted;
    }

    /** KCL's conversions of option values: numbers and numeric strings between int, float and bool. */
    private static Value convert(Value v, String type) {
        return switch (type) {
            case "str" -> v instanceof Value.ListV || Values.entries(v) != null ? null : new Value.Str(Values.toStr(v));
            case "int" -> switch (v) {
                case Value.Int i -> i;
                case Value.Float f -> new Value.Int((long) f.value());
                case Value.Bool b -> new Value.Int(b.value() ? 1 : 0);
                case Value.Str s when s.value().strip().matches("[-+]?\\d+") -> new Value.Int(Long.parseLong(s.value().strip()));
                default -> null;
            };
            case "float" -> switch (v) {
                case Value.Float f -> f;
                case Value.Int i -> new Value.Float(i.value());
                case Value.Str s when s.value().strip().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")
                        -> new Value.Float(Double.parseDouble(s.value().strip()));
                default -> null;
            };
            case "bool" -> switch (v) {
                case Value.Bool b -> b;
                case Value.Int i -> Value.Bool.of(i.value() != 0);
                case Value.Float f -> Value.Bool.of(f.value() != 0);
                case Value.Str s when s.value().isEmpty() || s.value().equalsIgnoreCase("false") -> Value.Bool.FALSE;
                case Value.Str s when s.value().equalsIgnoreCase("true") -> Value.Bool.TRUE;
                default -> null;
            };
            case "list" -> v instanceof Value.ListV ? v : null;
            case "dict" -> Values.entries(v) != null ? v : null;
            default -> v;
        };
    }
}
