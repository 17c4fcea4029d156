package dev.skiff.eval;

import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.Values;
import dev.skiff.syntax.TypeExpr;
import java.util.List;
import java.util.stream.Collectors;

/** A type annotation resolved against its scope, as the evaluator checks values against it. */
sealed interface RType {
    RType ANY = new Basic(TypeExpr.Basic.ANY);

    /** How the type is written, for messages. */
    String display();

    record Basic(TypeExpr.Basic kind) implements RType {
        @Override
        public String display() {
            return kind == TypeExpr.Basic.NONE ? "None" : kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code [T]}; element is {@link #ANY} for a bare {@code []}. */
    record ListT(RType element) implements RType {
        @Override
        public String display() {
            return "[" + element.display() + "]";
        }
    }

    record DictT(RType key, RType value) implements RType {
        @Override
        public String display() {
            return "{" + key.display() + ":" + value.display() + "}";
        }
    }

    record Union(List<RType> members) implements RType {
        @Override
        public String display() {
            return members.stream().map(RType::display).collect(Collectors.joining(" | "));
        }
    }

    record Literal(Value value) implements RType {
        @Override
        public String display() {
            return Values.repr(value).replace('\'', '"');
        }
    }

    record Schema(SchemaDef def) implements RType {
        @Override
        public String display() {
            return def.name();
        }
    }

    /** A type of a system module ({@code units.NumberMultiplier}). */
    record Native(dev.skiff.eval.value.NativeType type) implements RType {
        @Override
        public String display() {
            return type.name();
        }
    }

    record Function() implements RType {
        @Override
        public String display() {
            return "function";
        }
    }

    /**
     * Whether every value of {@code from} is a value of {@code to}: the check KCL's type checker makes when a
     * child schema redeclares an attribute or an attribute must meet the index signature.
     */
    static boolean assignable(RType from, RType to) {
        if (to instanceof Basic b && b.kind() == TypeExpr.Basic.ANY || from.display().equals(to.display())) {
            return true;
        }
        if (from instanceof Union u) {
            return u.members().stream().allMatch(m -> assignable(m, to));
        }
        if (to instanceof Union u) {
            return u.members().stream().anyMatch(m -> assignable(from, m));
        }
        return switch (from) {
            case Basic b when b.kind() == TypeExpr.Basic.ANY -> true;
            case Basic b -> to instanceof Basic t && b.kind() == TypeExpr.Basic.INT && t.kind() == TypeExpr.Basic.FLOAT;
            case Literal l -> to instanceof Basic t && switch (l.value()) {
                case Value.Str s -> t.kind() == TypeExpr.Basic.STR;
                case Value.Int i -> t.kind() == TypeExpr.Basic.INT || t.kind() == TypeExpr.Basic.FLOAT;
                case Value.Float f -> t.kind() == TypeExpr.Basic.FLOAT;
                case Value.Bool x -> t.kind() == TypeExpr.Basic.BOOL;
                default -> false;
            };
            case ListT l -> to instanceof ListT t && assignable(l.element(), t.element());
            case DictT d -> to instanceof DictT t && assignable(d.key(), t.key()) && assignable(d.value(), t.value());
            case Schema s -> to instanceof Schema t && s.def().isOrExtends(t.def());
            case Function f -> to instanceof Function;
            case Native n -> false; // the same type is handled above
            case Union u -> false; // handled above
        };
    }
}
