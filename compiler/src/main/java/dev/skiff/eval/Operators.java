package dev.skiff.eval;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.EvalException;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.source.Span;
import dev.skiff.syntax.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** KCL's arithmetic, bitwise and comparison operators on values. */
final class Operators {
    private Operators() {
    }

    static Value binary(Operator.Binary op, Value a, Value b, Span span, Limits limits) {
        switch (op) {
            case ADD -> {
                if (a instanceof Value.Str x && b instanceof Value.Str y) {
                    return new Value.Str(x.value() + y.value());
                }
                if (a instanceof Value.ListV x && b instanceof Value.ListV y) {
                    List<Value> all = new ArrayList<>(x.items());
                    all.addAll(y.items());
                    checkSize(all.size(), span, limits);
                    return new Value.ListV(all);
                }
                return arith(op, a, b, span);
            }
            case MUL -> {
                if (a instanceof Value.Str s && b instanceof Value.Int n) {
                    checkSize((long) s.value().length() * Math.max(0, n.value()), span, limits);
                    return new Value.Str(s.value().repeat((int) Math.max(0, n.value())));
                }
                if (a instanceof Value.Int n && b instanceof Value.Str s) {
                    return binary(op, s, n, span, limits);
                }
                if (a instanceof Value.ListV l && b instanceof Value.Int n) {
                    checkSize((long) l.items().size() * Math.max(0, n.value()), span, limits);
                    List<Value> all = new ArrayList<>();
                    for (long i = 0; i < n.value(); i++) {
                        all.addAll(l.items());
                    }
                    return new Value.ListV(all);
                }
                if (a instanceof Value.Int n && b instanceof Value.ListV l) {
                    return binary(op, l, n, span, limits);
                }
                return arith(op, a, b, span);
            }
            case BIT_OR -> {
                if (Values.entries(a) != null || a instanceof Value.ListV || Values.isNoneLike(a)) {
                    if (!Values.isNoneLike(a) && !Values.isNoneLike(b) && !Merge.sameKind(a, b)) {
                        throw badOperands(op, a, b, span);
                    }
                    return Merge.union(a, b, span);
                }
                return bitwise(op, a, b, span);
            }
            case LSHIFT, RSHIFT, BIT_AND, BIT_XOR -> {
                return bitwise(op, a, b, span);
            }
            default -> {
                return arith(op, a, b, span);
            }
        }
    }

    private static void checkSize(long size, Span span, Limits limits) {
        if (size > limits.maxListSize()) {
            throw new EvalException(Code.E0509, span,
                    "this value would have " + size + " elements, more than the limit of " + limits.maxListSize());
        }
    }

    private static Value bitwise(Operator.Binary op, Value a, Value b, Span span) {
        if (!(a instanceof Value.Int x) || !(b instanceof Value.Int y)) {
            throw badOperands(op, a, b, span);
        }
        long l = x.value();
        long r = y.value();
        return new Value.Int(switch (op) {
            case LSHIFT -> l << r;
            case RSHIFT -> l >> r;
            case BIT_AND -> l & r;
            case BIT_OR -> l | r;
            case BIT_XOR -> l ^ r;
            default -> throw new IllegalStateException(op.name());
        });
    }

    private static Value arith(Operator.Binary op, Value a, Value b, Span span) {
        if (!isArith(a) || !isArith(b)) {
            throw badOperands(op, a, b, span);
        }
        if (a instanceof Value.Int x && b instanceof Value.Int y && op != Operator.Binary.DIV) {
            long l = x.value();
            long r = y.value();
            try {
                return switch (op) {
                    case ADD -> new Value.Int(Math.addExact(l, r));
                    case SUB -> new Value.Int(Math.subtractExact(l, r));
                    case MUL -> new Value.Int(Math.multiplyExact(l, r));
                    case FLOOR_DIV -> new Value.Int(Math.floorDiv(l, nonZero(r, span)));
                    case MOD -> new Value.Int(Math.floorMod(l, nonZero(r, span)));
                    case POW -> r < 0 ? new Value.Float(Math.pow(l, r)) : new Value.Int(pow(l, r, span));
                    default -> throw new IllegalStateException(op.name());
                };
            } catch (ArithmeticException e) {
                throw new EvalException(Code.E0507, span, "integer overflow in `" + op.text() + "`");
            }
        }
        double l = Values.asDouble(a);
        double r = Values.asDouble(b);
        return new Value.Float(switch (op) {
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> l / nonZero(r, span);
            case FLOOR_DIV -> Math.floor(l / nonZero(r, span));
            case MOD -> {
                double m = l % nonZero(r, span);
                yield (m != 0 && (m < 0) != (r < 0)) ? m + r : m;
            }
            case POW -> Math.pow(l, r);
            default -> throw new IllegalStateException(op.name());
        });
    }

    private static boolean isArith(Value v) {
        return v instanceof Value.Int || v instanceof Value.Float || v instanceof Value.Bool;
    }

    private static long pow(long base, long exp, Span span) {
        long result = 1;
        for (long i = 0; i < exp; i++) {
            result = Math.multiplyExact(result, base);
        }
        return result;
    }

    private static long nonZero(long r, Span span) {
        if (r == 0) {
            throw new EvalException(Code.E0504, span, "division by zero");
        }
        return r;
    }

    private static double nonZero(double r, Span span) {
        if (r == 0) {
            throw new EvalException(Code.E0504, span, "division by zero");
        }
        return r;
    }

    static EvalException badOperands(Operator.Binary op, Value a, Value b, Span span) {
        return new EvalException(Code.E0307, span, "unsupported operand types for `" + op.text() + "`: `"
                + Values.typeName(a) + "` and `" + Values.typeName(b) + "`");
    }

    static Value unary(Operator.Unary op, Value v, Span span) {
        switch (op) {
            case NOT -> {
                return Value.Bool.of(!Values.truthy(v));
            }
            case NEG -> {
                if (v instanceof Value.Int i) {
                    return new Value.Int(-i.value());
                }
                if (v instanceof Value.Float f) {
                    return new Value.Float(-f.value());
                }
                if (v instanceof Value.Bool b) {
                    return new Value.Int(b.value() ? -1 : 0);
                }
            }
            case POS -> {
                if (v instanceof Value.Int || v instanceof Value.Float) {
                    return v;
                }
                if (v instanceof Value.Bool b) {
                    return new Value.Int(b.value() ? 1 : 0);
                }
            }
            case INVERT -> {
                if (v instanceof Value.Int i) {
                    return new Value.Int(~i.value());
                }
            }
        }
        throw new EvalException(Code.E0307, span, "bad operand type for unary `" + op.text() + "`: `"
                + Values.typeName(v) + "`");
    }

    static boolean compare(Operator.Compare op, Value a, Value b, Span span) {
        return switch (op) {
            case EQ -> Values.equal(a, b);
            case NE -> !Values.equal(a, b);
            case IS -> identical(a, b);
            case IS_NOT -> !identical(a, b);
            case IN -> contains(b, a, span);
            case NOT_IN -> !contains(b, a, span);
            case LT, LE, GT, GE -> {
                // KCL orders numbers and strings only (its type checker rejects lists)
                Integer c = a instanceof Value.ListV || b instanceof Value.ListV ? null : Values.compare(a, b);
                if (c == null) {
                    throw new EvalException(Code.E0307, span, "`" + op.text() + "` is not supported between `"
                            + Values.typeName(a) + "` and `" + Values.typeName(b) + "`");
                }
                yield switch (op) {
                    case LT -> c < 0;
                    case LE -> c <= 0;
                    case GT -> c > 0;
                    default -> c >= 0;
                };
            }
        };
    }

    private static boolean identical(Value a, Value b) {
        if (a instanceof Value.None || a instanceof Value.Undefined || a instanceof Value.Bool) {
            return a.equals(b);
        }
        return Values.equal(a, b) && Values.typeName(a).equals(Values.typeName(b));
    }

    static boolean contains(Value container, Value item, Span span) {
        if (container instanceof Value.Str s) {
            if (!(item instanceof Value.Str i)) {
                throw new EvalException(Code.E0307, span, "`in <string>` requires a string on the left, not `"
                        + Values.typeName(item) + "`");
            }
            return s.value().contains(i.value());
        }
        if (container instanceof Value.ListV l) {
            for (Value v : l.items()) {
                if (Values.equal(v, item)) {
                    return true;
                }
            }
            return false;
        }
        Map<String, Value> entries = Values.entries(container);
        if (entries != null) {
            return item instanceof Value.Str k && entries.containsKey(k.value());
        }
        if (Values.isNoneLike(container)) {
            return false;
        }
        throw new EvalException(Code.E0307, span, "`in` is not supported on `" + Values.typeName(container) + "`");
    }
}
