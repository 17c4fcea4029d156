package dev.skiff.types;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A type of the language: what the checker infers, what an annotation means to the evaluator, what a
 * Kubernetes field allows, and what the editor shows. There is one vocabulary and one way to print it
 * ({@link #display()}), so the same mistake reads the same wherever it is found.
 *
 * <p>Kubernetes refinements (int32, quantity, int-or-string, date-time, patterns, bounds, label syntax) are
 * {@link Refined} types: a base type whose values must also pass a {@link Refinement}, checked on literals by
 * the checker and on values by the evaluator and the validator.
 */
public sealed interface Type {
    Type ANY = new Any();
    Type NEVER = new Never();
    Type BOOL = new Bool();
    Type INT = new Int();
    Type FLOAT = new Float();
    Type STR = new Str();
    Type NONE = new NoneType();

    /** How the type is written in Skiff ({@code [str]}, {@code {str:int}}, {@code "A" | "B"}) or named ({@code int32}). */
    String display();

    /** Any value; what an unannotated name or an unknown expression has. */
    record Any() implements Type {
        @Override
        public String display() {
            return "any";
        }
    }

    /** No value: the type of an expression that cannot produce one (an empty union). */
    record Never() implements Type {
        @Override
        public String display() {
            return "never";
        }
    }

    record Bool() implements Type {
        @Override
        public String display() {
            return "bool";
        }
    }

    record Int() implements Type {
        @Override
        public String display() {
            return "int";
        }
    }

    record Float() implements Type {
        @Override
        public String display() {
            return "float";
        }
    }

    record Str() implements Type {
        @Override
        public String display() {
            return "str";
        }
    }

    /** The type of {@code None} (and {@code Undefined}). */
    record NoneType() implements Type {
        @Override
        public String display() {
            return "None";
        }
    }

    /**
     * A literal type: exactly one value, a {@code String}, {@code Long}, {@code Double} or {@code Boolean}.
     * {@code written} keeps a number written with a multiplier ({@code 1Ki}) for display; null otherwise.
     */
    record Literal(Object value, String written) implements Type {
        public Literal {
            if (!(value instanceof String || value instanceof Long || value instanceof Double
                    || value instanceof Boolean)) {
                throw new IllegalArgumentException("not a literal: " + value);
            }
        }

        public Literal(Object value) {
            this(value, null);
        }

        @Override
        public String display() {
            if (written != null) {
                return written;
            }
            return switch (value) {
                case String s -> quote(s);
                case Boolean b -> b ? "True" : "False";
                default -> String.valueOf(value);
            };
        }

        /** The base type of the literal ({@code str} for {@code "a"}). */
        public Type base() {
            return switch (value) {
                case String s -> STR;
                case Long l -> INT;
                case Double d -> FLOAT;
                default -> BOOL;
            };
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Literal l && l.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    /** {@code [T]}. */
    record ListOf(Type element) implements Type {
        @Override
        public String display() {
            return "[" + element.display() + "]";
        }
    }

    /** {@code {K:V}}. */
    record DictOf(Type key, Type value) implements Type {
        @Override
        public String display() {
            return "{" + key.display() + ":" + value.display() + "}";
        }
    }

    /** {@code A | B}; build with {@link Type#union}, which flattens and removes duplicates. */
    record Union(List<Type> members) implements Type {
        public Union {
            members = List.copyOf(members);
        }

        @Override
        public String display() {
            return members.stream().map(Type::display).collect(Collectors.joining(" | "));
        }
    }

    /** An instance of a schema (a user's, a Kubernetes kind or a CRD's). Equal when the schema is the same. */
    record Schema(SchemaType schema) implements Type {
        @Override
        public String display() {
            return schema.name();
        }
    }

    /**
     * A function: its parameter types ({@code null} when the parameters are not known) and result.
     */
    record Function(List<Type> params, Type result) implements Type {
        public Function {
            params = params == null ? null : List.copyOf(params);
        }

        @Override
        public String display() {
            String ps = params == null ? "..." : params.stream().map(Type::display).collect(Collectors.joining(", "));
            return "(" + ps + ") -> " + result.display();
        }
    }

    /** A base type whose values must also pass a refinement: {@code int32}, {@code quantity}, a pattern. */
    record Refined(Type base, Refinement refinement) implements Type {
        @Override
        public String display() {
            String name = refinement.name();
            return name == null ? base.display() : name;
        }
    }

    // ---------------------------------------------------------------- building

    /** A function of unknown parameters returning {@code any}. */
    Type FUNCTION = new Function(null, ANY);

    /** The union of the given types: nested unions flattened, duplicates removed, {@code any} absorbing. */
    static Type union(List<Type> types) {
        Set<Type> members = new LinkedHashSet<>();
        for (Type t : types) {
            if (t instanceof Union u) {
                members.addAll(u.members());
            } else if (t instanceof Any) {
                return ANY;
            } else if (!(t instanceof Never)) {
                members.add(t);
            }
        }
        if (members.isEmpty()) {
            return NEVER;
        }
        return members.size() == 1 ? members.iterator().next() : new Union(new ArrayList<>(members));
    }

    static Type union(Type... types) {
        return union(List.of(types));
    }

    /** A string literal type. */
    static Type literal(String s) {
        return new Literal(s);
    }

    /** The members of a union, or the type itself. */
    static List<Type> members(Type t) {
        return t instanceof Union u ? u.members() : List.of(t);
    }

    /** The type with its refinement taken off ({@code int} for {@code int32}); other types as they are. */
    static Type unrefined(Type t) {
        return t instanceof Refined r ? unrefined(r.base()) : t;
    }

    /** A string in double quotes with {@code "} and {@code \} escaped, as literal types are written. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
