package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.CallContext;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import java.util.List;
import java.util.Map;

/** Argument access for builtins: by position or keyword, with KCL-style messages for mistakes. */
final class Args {
    private final CallContext ctx;
    private final String fn;
    private final List<Value> args;
    private final Map<String, Value> kwargs;

    Args(CallContext ctx, String fn, List<Value> args, Map<String, Value> kwargs) {
        this.ctx = ctx;
        this.fn = fn;
        this.args = args;
        this.kwargs = kwargs;
    }

    int size() {
        return args.size();
    }

    List<Value> all() {
        return args;
    }

    /** The argument at {@code i} or named {@code name}, or null. */
    Value opt(int i, String name) {
        if (i >= 0 && i < args.size()) {
            return args.get(i);
        }
        return name == null ? null : kwargs.get(name);
    }

    Value get(int i, String name) {
        Value v = opt(i, name);
        if (v == null) {
            throw ctx.error(Code.E0305, "`" + fn + "` is missing the argument `" + (name == null ? "#" + (i + 1) : name) + "`");
        }
        return v;
    }

    void atMost(int n) {
        if (args.size() > n) {
            throw ctx.error(Code.E0305, "`" + fn + "` takes at most " + n + " argument" + (n == 1 ? "" : "s")
                    + ", " + args.size() + " given");
        }
    }

    String str(int i, String name) {
        Value v = get(i, name);
        if (v instanceof Value.Str s) {
            return s.value();
        }
        throw wrong(name == null ? "#" + (i + 1) : name, "str", v);
    }

    String optStr(int i, String name, String dflt) {
        Value v = opt(i, name);
        if (v == null || Values.isNoneLike(v)) {
            return dflt;
        }
        if (v instanceof Value.Str s) {
            return s.value();
        }
        throw wrong(name, "str", v);
    }

    long integer(int i, String name) {
        Value v = get(i, name);
        if (v instanceof Value.Int n) {
            return n.value();
        }
        if (v instanceof Value.Bool b) {
            return b.value() ? 1 : 0;
        }
        throw wrong(name == null ? "#" + (i + 1) : name, "int", v);
    }

    Long optInt(int i, String name) {
        Value v = opt(i, name);
        if (v == null || Values.isNoneLike(v)) {
            return null;
        }
        return integer(i < args.size() ? i : -1, name);
    }

    double number(int i, String name) {
        Value v = get(i, name);
        if (Values.isNumber(v)) {
            return Values.asDouble(v);
        }
        throw wrong(name == null ? "#" + (i + 1) : name, "int or float", v);
    }

    boolean bool(int i, String name, boolean dflt) {
        Value v = opt(i, name);
        return v == null ? dflt : Values.truthy(v);
    }

    List<Value> list(int i, String name) {
        Value v = get(i, name);
        if (v instanceof Value.ListV l) {
            return l.items();
        }
        throw wrong(name == null ? "#" + (i + 1) : name, "list", v);
    }

    EvalException wrong(String what, String expected, Value found) {
        return ctx.error(Code.E0305, "`" + fn + "` expects " + expected + " for " + (what == null ? "its argument"
                : "`" + what + "`") + ", found `" + Values.typeName(found) + "`");
    }

    EvalException bad(String message) {
        return ctx.error(Code.E0507, message);
    }

    CallContext ctx() {
        return ctx;
    }
}
