package dev.skiff.k8s;

import java.util.Objects;

/**
 * The type of a Kubernetes field: a scalar kind, a reference to a definition ({@link Kind#OBJECT}), or a list or
 * map of another type. Parsed from the schema resource's compact form ({@code string}, {@code []V1Volume},
 * {@code {}string}, {@code V1ObjectMeta}).
 *
 * @param definition the definition name for {@link Kind#OBJECT}, else null
 * @param element    the element type for {@link Kind#LIST} and {@link Kind#MAP} (map keys are strings), else null
 */
public record TypeRef(Kind kind, String definition, TypeRef element) {
    /** What a value of this type is. {@link #ANY} is a free-form value (for example a CRD's default). */
    public enum Kind {
        OBJECT, STRING, INT32, INT64, NUMBER, BOOLEAN, INT_OR_STRING, QUANTITY, DATE_TIME, LIST, MAP, ANY
    }

    public TypeRef {
        Objects.requireNonNull(kind, "kind");
    }

    static TypeRef parse(String compact) {
        if (compact.startsWith("[]")) {
            return new TypeRef(Kind.LIST, null, parse(compact.substring(2)));
        }
        if (compact.startsWith("{}")) {
            return new TypeRef(Kind.MAP, null, parse(compact.substring(2)));
        }
        return switch (compact) {
            case "string" -> new TypeRef(Kind.STRING, null, null);
            case "int32" -> new TypeRef(Kind.INT32, null, null);
            case "int64" -> new TypeRef(Kind.INT64, null, null);
            case "number" -> new TypeRef(Kind.NUMBER, null, null);
            case "boolean" -> new TypeRef(Kind.BOOLEAN, null, null);
            case "int-or-string" -> new TypeRef(Kind.INT_OR_STRING, null, null);
            case "quantity" -> new TypeRef(Kind.QUANTITY, null, null);
            case "date-time" -> new TypeRef(Kind.DATE_TIME, null, null);
            case "any" -> new TypeRef(Kind.ANY, null, null);
            default -> new TypeRef(Kind.OBJECT, compact, null);
        };
    }

    /** How the type reads in a message: {@code int32}, {@code list of Container}, {@code map of string}. */
    public String display() {
        return switch (kind) {
            case OBJECT -> SchemaRegistry.shortName(definition);
            case LIST -> "list of " + element.display();
            case MAP -> "map of " + element.display();
            case INT_OR_STRING -> "int-or-string";
            case DATE_TIME -> "date-time string";
            default -> kind.name().toLowerCase();
        };
    }
}
