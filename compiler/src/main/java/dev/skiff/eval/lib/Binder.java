package dev.skiff.eval.lib;

import dev.skiff.eval.value.CallContext;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.types.Calls;
import dev.skiff.types.Declaration;
import dev.skiff.types.Param;
import dev.skiff.types.Signature;
import dev.skiff.types.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the arguments of calls of one library function to its declaration. Builtins run in the inner loops of
 * programs, so what {@link Calls} decides about a call is worked out once per function where it can be: whether
 * a call of only positional arguments fits (by their number), and which kinds of value each parameter accepts.
 * Anything else (keywords, overloads, a mistake to report) goes through {@link Calls} itself, so the evaluator
 * and the checker still decide every call alike.
 */
final class Binder {
    /** Kinds of values, as bits of the masks below. */
    private static final int NONE = 1;
    private static final int BOOL = 1 << 1;
    private static final int INT = 1 << 2;
    private static final int FLOAT = 1 << 3;
    private static final int STR = 1 << 4;
    private static final int LIST = 1 << 5;
    private static final int DICT = 1 << 6;
    private static final int FUNC = 1 << 7;
    private static final int OTHER = 1 << 8;
    private static final Type[] KIND_TYPES = {Type.NONE, Type.BOOL, Type.INT, Type.FLOAT, Type.STR,
            new Type.ListOf(Type.ANY), new Type.DictOf(Type.ANY, Type.ANY), Type.FUNCTION, Type.ANY};

    private final Declaration.Function function;
    /** With one signature: the fewest and most positional arguments a call without keywords may have. */
    private final int minPositional;
    private final int maxPositional;
    /** For each signature and parameter, the kinds of value it accepts; null until first needed. */
    private final int[][] accepted;

    Binder(Declaration.Function function) {
        this.function = function;
        Signature first = function.overloads().get(0);
        int min = 0;
        boolean keywordRequired = false;
        List<Param> positional = first.positional();
        for (int i = 0; i < positional.size(); i++) {
            if (positional.get(i).required()) {
                min = i + 1;
            }
        }
        for (Param p : first.params()) {
            keywordRequired |= p.kind() == Param.Kind.KEYWORD_ONLY && p.required();
        }
        boolean simple = function.overloads().size() == 1 && !keywordRequired;
        this.minPositional = simple ? min : Integer.MAX_VALUE;
        this.maxPositional = first.rest() != null ? Integer.MAX_VALUE : positional.size();
        this.accepted = new int[function.overloads().size()][];
    }

    /**
     * For each parameter of signature {@code s}, the kinds of value it accepts (see {@link Calls#accepts}); worked
     * out on the first call, so that starting up does not pay for functions a program never calls.
     */
    private int[] accepted(int s) {
        int[] masks = accepted[s];
        if (masks == null) {
            List<Param> params = function.overloads().get(s).params();
            masks = new int[params.size()];
            for (int i = 0; i < params.size(); i++) {
                for (int k = 0; k < KIND_TYPES.length; k++) {
                    if (Calls.accepts(KIND_TYPES[k], params.get(i).type())) {
                        masks[i] |= 1 << k;
                    }
                }
            }
            accepted[s] = masks; // computed alike by any thread that gets here first
        }
        return masks;
    }

    /** Binds a call's arguments, or throws what is wrong with them as {@link Calls} words it. */
    Args bind(CallContext ctx, List<Value> args, Map<String, Value> kwargs) {
        Signature s;
        int overload = 0;
        if (kwargs.isEmpty() && args.size() >= minPositional && args.size() <= maxPositional) {
            s = function.overloads().get(0); // exactly the calls Calls.problem finds nothing wrong with
        } else {
            Calls.Selection selection = Calls.select(function, args.size(), List.copyOf(kwargs.keySet()), ctx.span());
            if (selection.problem() != null) {
                throw new EvalException(selection.problem());
            }
            s = selection.signature();
            overload = function.overloads().indexOf(s);
        }
        List<Param> params = s.params();
        Value[] bound = new Value[params.size()];
        List<Value> rest = List.of();
        Map<String, Value> extra = Map.of();
        int next = 0;
        for (int i = 0; i < bound.length; i++) {
            Param.Kind kind = params.get(i).kind();
            if (kind == Param.Kind.POSITIONAL && next < args.size()) {
                bound[i] = args.get(next++);
            } else if (kind == Param.Kind.REST) {
                rest = new ArrayList<>(args.subList(Math.min(next, args.size()), args.size()));
            }
        }
        for (Map.Entry<String, Value> e : kwargs.isEmpty() ? Map.<String, Value>of().entrySet() : kwargs.entrySet()) {
            int i = s.indexOf(e.getKey());
            if (i >= 0) {
                bound[i] = e.getValue();
            } else {
                if (extra.isEmpty()) {
                    extra = new LinkedHashMap<>();
                }
                extra.put(e.getKey(), e.getValue());
            }
        }
        int[] masks = accepted(overload);
        for (int i = 0; i < bound.length; i++) {
            Param p = params.get(i);
            if (bound[i] != null) {
                check(ctx, s, p, masks[i], bound[i]);
            } else if (p.kind() == Param.Kind.REST) {
                for (Value v : rest) {
                    check(ctx, s, p, masks[i], v);
                }
            } else if (p.kind() == Param.Kind.KEYWORDS) {
                for (Value v : extra.values()) {
                    check(ctx, s, p, masks[i], v);
                }
            }
        }
        return new Args(ctx, s, overload, bound, rest, extra);
    }

    private static void check(CallContext ctx, Signature s, Param p, int mask, Value v) {
        boolean ok = v instanceof Value.SchemaV sv
                ? Calls.accepts(new Type.Schema(sv.type()), p.type()) // whether it fits may depend on the schema
                : (mask & kind(v)) != 0;
        if (!ok) {
            throw new EvalException(Calls.argumentType(ctx.span(), s, p, Values.typeName(v)));
        }
    }

    /** The kind of a value, as a bit of the masks (tests in the order values are most often seen). */
    private static int kind(Value v) {
        if (v instanceof Value.Str) {
            return STR;
        }
        if (v instanceof Value.Int) {
            return INT;
        }
        if (v instanceof Value.ListV) {
            return LIST;
        }
        if (v instanceof Value.DictV) {
            return DICT;
        }
        if (v instanceof Value.Bool) {
            return BOOL;
        }
        if (v instanceof Value.Float) {
            return FLOAT;
        }
        if (v instanceof Value.None || v instanceof Value.Undefined) {
            return NONE;
        }
        return v instanceof Value.Func ? FUNC : OTHER; // else a schema type (callable) or a module: the function decides
    }
}
