package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;

/** {@code option(key, type=, required=, default=, help=)}: values given with {@code -D key=value}. */
final class Options {
    private Options() {
    }

    static Value option(Args a) {
        String key = a.str(0, "key");
        String type = a.optStr(-1, "type", "");
        boolean required = a.bool(-1, "required", false);
        Value dflt = a.opt(-1, "default");
        String help = a.optStr(-1, "help", "");
        Value v = a.ctx().options().get(key);
        if (v == null) {
            if (required && (dflt == null || Values.isNoneLike(dflt))) {
                throw a.ctx().error(Code.E0508, "option `" + key + "` is required" + (help.isEmpty() ? "" : ": " + help))
                        .withHint("pass it with `-D " + key + "=...`");
            }
            return dflt == null ? Value.None.NONE : dflt;
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

    private static Value convert(Value v, String type) {
        return switch (type) {
            case "str" -> new Value.Str(Values.toStr(v));
            case "int" -> v instanceof Value.Int ? v : null;
            case "float" -> v instanceof Value.Float ? v : v instanceof Value.Int i ? new Value.Float(i.value()) : null;
            case "bool" -> v instanceof Value.Bool ? v : null;
            case "list" -> v instanceof Value.ListV ? v : null;
            case "dict" -> v instanceof Value.DictV ? v : null;
            default -> v;
        };
    }
}
