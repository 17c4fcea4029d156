package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.CallContext;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.types.Calls;
import dev.skiff.types.Signature;
import java.util.List;
import java.util.Map;

/**
 * The arguments of a call of a library function, bound to the parameters of its declared {@link Signature} by a
 * {@link Binder}: the call fits the signature and every argument is of the declared kind, so the function reads
 * its arguments by parameter index, and reports in the declaration's words what it finds wrong inside them.
 */
final class Args {
    private final CallContext ctx;
    private final Signature sig;
    private final int overload;
    private final Value[] bound;
    private final List<Value> rest;
    private final Map<String, Value> extra;

    Args(CallContext ctx, Signature sig, int overload, Value[] bound, List<Value> rest,
                 Map<String, Value> extra) {
        this.ctx = ctx;
        this.sig = sig;
        this.overload = overload;
        this.bound = bound;
        this.rest = rest;
        this.extra = extra;
    }

    /** Which of the function's signatures the call selected (0 for a function with one). */
    int overload() {
        return overload;
    }

    /** The positional arguments beyond the positional parameters (those of {@code *args}). */
    List<Value> rest() {
        return rest;
    }

    /** The keyword arguments that name no parameter (those of {@code **kwargs}), in the order written. */
    Map<String, Value> extra() {
        return extra;
    }

    /** The argument of parameter {@code i}, or null when the call gives none. */
    Value opt(int i) {
        return bound[i];
    }

    Value get(int i) {
        Value v = bound[i];
        if (v == null) {
            throw ctx.error(Code.E0305, Calls.missing("`" + sig.name() + "`", sig.params().get(i).name()));
        }
        return v;
    }

    String str(int i) {
        Value v = get(i);
        if (v instanceof Value.Str s) {
            return s.value();
        }
        throw wrong(i, v);
    }

    /** A string argument; {@code dflt} when it is left out or None. */
    String optStr(int i, String dflt) {
        Value v = opt(i);
        if (v == null || Values.isNoneLike(v)) {
            return dflt;
        }
        if (v instanceof Value.Str s) {
            return s.value();
        }
        throw wrong(i, v);
    }

    long integer(int i) {
        Value v = get(i);
        if (v instanceof Value.Int n) {
            return n.value();
        }
        if (v instanceof Value.Bool b) {
            return b.value() ? 1 : 0;
        }
        throw wrong(i, v);
    }

    /** An integer argument; null when it is left out or None. */
    Long optInt(int i) {
        Value v = opt(i);
        if (v == null || Values.isNoneLike(v)) {
            return null;
        }
        return integer(i);
    }

    double number(int i) {
        Value v = get(i);
        if (Values.isNumber(v)) {
            return Values.asDouble(v);
        }
        throw wrong(i, v);
    }

    /** Whether a flag argument is true; {@code dflt} when it is left out or None. */
    boolean bool(int i, boolean dflt) {
        Value v = opt(i);
        return v == null || Values.isNoneLike(v) ? dflt : Values.truthy(v);
    }

    List<Value> list(int i) {
        Value v = get(i);
        if (v instanceof Value.ListV l) {
            return l.items();
        }
        throw wrong(i, v);
    }

    /** An argument of parameter {@code i} that is not what the parameter's declared type says. */
    EvalException wrong(int i, Value found) {
        return new EvalException(Calls.argumentType(ctx.span(), sig, sig.params().get(i), Values.typeName(found)));
    }

    /** An argument that is not what the function needs, in the function's own words ({@code expected}). */
    EvalException wrong(String param, String expected, Value found) {
        return ctx.error(Code.E0305, "`" + sig.name() + "` expects " + expected + " for `" + param + "`, found `"
                + Values.typeName(found) + "`");
    }

    EvalException bad(String message) {
        return ctx.error(Code.E0507, message);
    }

    /** The function's name as messages show it: {@code len}, {@code math.sqrt}. */
    String name() {
        return sig.name();
    }

    CallContext ctx() {
        return ctx;
    }
}
