package dev.skiff.lsp;

import dev.skiff.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * What editor features know about a schema, whether the user declared it or it is a Kubernetes kind or a
 * CRD: its attributes with types, docs and whether they are required, and the schema an attribute holds.
 */
interface SchemaInfo {
    String name();

    String doc();

    List<Attr> attrs();

    /** The schema of an attribute's value (or of its elements, for a list or map), when it is one. */
    Optional<SchemaInfo> attrSchema(String attr);

    /**
     * One attribute.
     *
     * @param declared where the user declared it, or null for Kubernetes fields
     * @param values   allowed values (an enumeration), or empty
     */
    record Attr(String name, String type, boolean required, String doc, Span declared, List<String> values) {
    }

    default Optional<Attr> attr(String name) {
        return attrs().stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
