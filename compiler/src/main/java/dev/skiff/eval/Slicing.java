package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.source.Span;
import dev.skiff.syntax.Expr;
import java.util.ArrayList;
import java.util.List;

/** Python's indexing and slicing rules for lists and strings. */
final class Slicing {
    private Slicing() {
    }

    /** The position {@code index} names in a sequence of {@code size}, negative counting from the end. */
    static int position(Value index, int size, Span span) {
        if (!(index instanceof Value.Int i)) {
            throw new EvalException(Code.E0301, span, "indices must be integers, not `" + Values.typeName(index) + "`");
        }
        long p = i.value() < 0 ? i.value() + size : i.value();
        if (p < 0 || p >= size) {
            throw new EvalException(Code.E0505, span, "index " + i.value() + " is out of range for a sequence of "
                    + size + (size == 1 ? " element" : " elements"));
        }
        return (int) p;
    }

    static Value slice(Expr.Slice s, Value target, Long lower, Long upper, Long step) {
        if (s.optional() && !Values.truthy(target)) {
            return Value.None.NONE;
        }
        long st = step == null ? 1 : step;
        if (st == 0) {
            throw new EvalException(Code.E0507, s.span(), "slice step cannot be zero");
        }
        if (target instanceof Value.ListV l) {
            List<Value> out = new ArrayList<>();
            for (int i : indices(l.items().size(), lower, upper, st)) {
                out.add(l.items().get(i));
            }
            return new Value.ListV(out);
        }
        if (target instanceof Value.Str str) {
            int[] cps = str.value().codePoints().toArray();
            StringBuilder sb = new StringBuilder();
            for (int i : indices(cps.length, lower, upper, st)) {
                sb.appendCodePoint(cps[i]);
            }
            return new Value.Str(sb.toString());
        }
        throw new EvalException(Code.E0308, s.span(), "`" + Values.typeName(target) + "` cannot be sliced");
    }

    private static List<Integer> indices(int size, Long lower, Long upper, long step) {
        long start;
        long stop;
        if (step > 0) {
            start = lower == null ? 0 : clamp(lower < 0 ? lower + size : lower, 0, size);
            stop = upper == null ? size : clamp(upper < 0 ? upper + size : upper, 0, size);
        } else {
            start = lower == null ? size - 1 : clamp(lower < 0 ? lower + size : lower, -1, size - 1);
            stop = upper == null ? -1 : clamp(upper < 0 ? upper + size : upper, -1, size - 1);
        }
        List<Integer> out = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            out.add((int) i);
        }
        return out;
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
