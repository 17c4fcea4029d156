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

    record Function() implements RType {
        @Override
        public String display() {
            return "function";
        }
    }
}
