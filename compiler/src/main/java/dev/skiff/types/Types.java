package dev.skiff.types;

import java.util.ArrayList;
import java.util.List;

/** Relations between types: assignability and join. */
public final class Types {
    private Types() {
    }

    /**
     * Whether every value of {@code from} is a value of {@code to}: the check KCL's type checker makes when a
     * child schema redeclares an attribute, an attribute must meet an index signature, or a value whose type is
     * known meets an annotation. Refinements are about values, so {@code int} is assignable to {@code int32}.
     */
    public static boolean assignable(Type from, Type to) {
        if (to instanceof Type.Any || from instanceof Type.Any || from instanceof Type.Never || from.equals(to)) {
            return true;
        }
        if (from instanceof Type.Refined r) {
            return assignable(r.base(), to);
        }
        if (to instanceof Type.Refined r) {
            return assignable(from, r.base());
        }
        if (from instanceof Type.Union u) {
            for (Type m : u.members()) {
                if (!assignable(m, to)) {
                    return false;
                }
            }
            return true;
        }
        if (to instanceof Type.Union u) {
            for (Type m : u.members()) {
                if (assignable(from, m)) {
                    return true;
                }
            }
            return false;
        }
        return switch (from) {
            case Type.Int i -> to instanceof Type.Float;
            case Type.Literal l -> to instanceof Type.Literal ? l.equals(to) : assignable(l.base(), to);
            case Type.ListOf l -> to instanceof Type.ListOf t && assignable(l.element(), t.element());
            case Type.DictOf d -> to instanceof Type.DictOf t && assignable(d.key(), t.key())
                    && assignable(d.value(), t.value());
            case Type.Schema s -> to instanceof Type.Schema t && s.schema().isSubtypeOf(t.schema());
            case Type.Function f -> to instanceof Type.Function;
            default -> false;
        };
    }

    /** The least type both {@code a} and {@code b} are assignable to (their union, simplified). */
    public static Type join(Type a, Type b) {
        if (assignable(a, b)) {
            return b;
        }
        if (assignable(b, a)) {
            return a;
        }
        return Type.union(a, b);
    }

    /** The join of several types; {@code never} for none. */
    public static Type join(List<Type> types) {
        Type out = Type.NEVER;
        for (Type t : types) {
            out = join(out, t);
        }
        return out;
    }

    /** The literal types of a type ({@code "A" | "B"}), with their values; empty when it has none. */
    public static List<Type.Literal> literals(Type t) {
        List<Type.Literal> out = new ArrayList<>();
        for (Type m : Type.members(Type.unrefined(t))) {
            if (m instanceof Type.Literal l) {
                out.add(l);
            }
        }
        return out;
    }
}
