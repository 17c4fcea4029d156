package dev.skiff.eval.value;

/**
 * What the value layer needs to know about a schema; the evaluator's schema definitions implement it.
 */
public interface SchemaType {
    /** The schema's own name, e.g. {@code Deployment}. */
    String name();

    /** The module that declares it, as a dotted path ({@code __main__} for the main module). */
    String modulePath();

    /** Whether {@code other} is this schema or one of its ancestors. */
    boolean isSubtypeOf(SchemaType other);
}
