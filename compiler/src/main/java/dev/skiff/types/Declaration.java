package dev.skiff.types;

import java.util.List;
import java.util.Map;

/**
 * What the library declares about one of its names, beside the implementation: a function with its signatures
 * (several for an overloaded one, such as {@code range}), a constant of a system module ({@code units.Ki}), or a
 * type a system module provides ({@code units.NumberMultiplier}). The checker, the evaluator's argument binding
 * and the editor all read these; nothing else describes the library.
 */
public sealed interface Declaration {
    /** The name as code writes it after its module: {@code len}, {@code sqrt}, {@code upper}. */
    String name();

    /** One paragraph saying what it is or does. */
    String doc();

    /** The type of the name read as a value. */
    Type type();

    /**
     * A function. {@code rule} computes the result type from the argument types where it depends on them
     * ({@code abs}, {@code sorted}); it returns null to fall back on the declared result.
     */
    record Function(String name, List<Signature> overloads, ResultRule rule) implements Declaration {
        public Function {
            overloads = List.copyOf(overloads);
            if (overloads.isEmpty()) {
                throw new IllegalArgumentException(name + " has no signature");
            }
        }

        @Override
        public String doc() {
            return overloads.get(0).doc();
        }

        @Override
        public Type type() {
            if (overloads.size() == 1) {
                return overloads.get(0).type();
            }
            List<Type> results = overloads.stream().map(Signature::result).toList();
            return new Type.Function(null, Type.union(results));
        }

        /**
         * What a call returns, given what is known of its arguments' types ({@code any} when unknown): the rule's
         * answer, else the union of the results of the overloads.
         */
        public Type result(List<Type> positional, Map<String, Type> keywords) {
            Type byRule = rule == null ? null : rule.result(positional, keywords);
            if (byRule != null) {
                return byRule;
            }
            return Type.union(overloads.stream().map(Signature::result).toList());
        }
    }

    /** A value a module provides, such as {@code units.Mi}. */
    record Constant(String name, Type type, String doc) implements Declaration {
    }

    /** A type a module provides for annotations, such as {@code units.NumberMultiplier}; it cannot be called. */
    record TypeName(String name, String doc) implements Declaration {
        @Override
        public Type type() {
            return Type.ANY;
        }
    }

    /** The result type of a call from its arguments' types; null when the declared result is all that is known. */
    @FunctionalInterface
    interface ResultRule {
        Type result(List<Type> positional, Map<String, Type> keywords);
    }
}
