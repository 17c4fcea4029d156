package dev.skiff.types;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages of type errors, one builder per kind of mistake. The checker (before evaluation), the evaluator
 * and the Kubernetes validator (after it) all build their diagnostics here, so one mistake gets one code and one
 * text however the value was written: in a typed {@code apps.Deployment {…}}, in a plain dict with
 * {@code apiVersion} and {@code kind}, or as a literal the checker sees before anything runs.
 *
 * <p>A value is described by the name of its type ({@code str}, {@code int}, a schema's name), which the
 * checker knows as well as the evaluator; a literal is shown as written where the expected type is a choice of
 * literals ({@code "Always" | "Never"}).
 */
public final class TypeErrors {
    private TypeErrors() {
    }

    /** How messages name a schema's attribute: {@code attribute `replicas` of `DeploymentSpec`}. */
    public static String attribute(String name, String schema) {
        return "attribute `" + name + "` of `" + schema + "`";
    }

    /** How messages name a variable, an argument or another named value: {@code `port`}. */
    public static String named(String name) {
        return "`" + name + "`";
    }

    /** The name of the type of a plain value (String, Long, Double, Boolean, List, Map, null) as messages show it. */
    public static String typeName(Object plain) {
        return switch (plain) {
            case null -> "NoneType";
            case String s -> "str";
            case Long l -> "int";
            case Integer i -> "int";
            case Double d -> "float";
            case Boolean b -> "bool";
            case List<?> l -> "list";
            case java.util.Map<?, ?> m -> "dict";
            default -> plain.getClass().getSimpleName();
        };
    }

    private static String forSubject(String subject) {
        return subject == null ? "" : " for " + subject;
    }

    /** {@link #mismatch(Span, Type, String, String, Object, Span)} of a value whose own place is not known. */
    public static Diagnostic mismatch(Span at, Type expected, String subject, String foundType, Object literal) {
        return mismatch(at, expected, subject, foundType, literal, null);
    }

    /**
     * A value of the wrong type. {@code literal} is the value when it is a string or number literal the message
     * may show (null otherwise): it is shown where {@code expected} is a choice of literals, and then the closest
     * allowed literal is offered as a hint, and as a fix replacing the literal written at {@code literalAt} when
     * that place is known.
     */
    public static Diagnostic mismatch(Span at, Type expected, String subject, String foundType, Object literal,
                                      Span literalAt) {
        List<Type.Literal> choices = Types.literals(expected);
        boolean showLiteral = !choices.isEmpty() && (literal instanceof String || literal instanceof Long);
        String found = showLiteral ? new Type.Literal(literal).display() : "`" + foundType + "`";
        Diagnostic d = Diagnostic.error(Code.E0301, at, "expected `" + expected.display() + "`" + forSubject(subject)
                + ", found " + found);
        if (showLiteral && literal instanceof String s) {
            List<String> allowed = new ArrayList<>();
            choices.forEach(c -> {
                if (c.value() instanceof String v) {
                    allowed.add(v);
                }
            });
            String closest = dev.skiff.diag.Suggestions.closest(s, allowed);
            if (closest != null) {
                d = d.withHint("did you mean `" + Type.quote(closest) + "`?");
                if (literalAt != null) {
                    d = d.withFix(new Diagnostic.Fix.Replace(literalAt, Type.quote(s), Type.quote(closest)));
                }
            }
        } else {
            d = quoteHint(d, expected, literal);
        }
        return d;
    }

    /** A list whose element has the wrong type. */
    public static Diagnostic elementMismatch(Span at, Type list, String subject, String elementType) {
        return Diagnostic.error(Code.E0301, at, "expected `" + list.display() + "`" + forSubject(subject)
                + ", found an element of type `" + elementType + "`");
    }

    /**
     * A dict whose value under {@code key} has the wrong type; {@code literal} is that value when it is a number
     * or boolean (a string is wanted: "quote the value"), else null.
     */
    public static Diagnostic valueMismatch(Span at, Type dict, String subject, String key, String valueType,
                                           Object literal) {
        Diagnostic d = Diagnostic.error(Code.E0301, at, "expected `" + dict.display() + "`" + forSubject(subject)
                + ", found the value of `" + key + "` of type `" + valueType + "`");
        Type value = Type.unrefined(dict) instanceof Type.DictOf of ? of.value() : Type.ANY;
        return quoteHint(d, value, literal);
    }

    /** "quote the value" where a string is wanted and a number or boolean was written. */
    private static Diagnostic quoteHint(Diagnostic d, Type wanted, Object literal) {
        if (Type.unrefined(wanted) instanceof Type.Str && (literal instanceof Number || literal instanceof Boolean)) {
            String text = literal instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(literal);
            return d.withHint("quote the value: `" + Type.quote(text) + "`");
        }
        return d;
    }

    /** A dict key its key type does not allow. */
    public static Diagnostic keyMismatch(Span at, Type dict, String subject, String key) {
        return Diagnostic.error(Code.E0301, at, "expected `" + dict.display() + "`" + forSubject(subject)
                + ", found the key " + Type.quote(key));
    }

    /** A config key that is not an attribute of the schema (and no index signature admits it). */
    public static Diagnostic unknownAttribute(Span at, SchemaType schema, String name) {
        return Diagnostic.error(Code.E0302, at, "schema `" + schema.name() + "` has no attribute `" + name + "`")
                .suggesting(name, schema.attributes().keySet());
    }

    /**
     * A required attribute without a value. {@code missing} lists every required attribute the instance lacks
     * (for the fix that adds them all); the message names the first.
     */
    public static Diagnostic missingAttribute(Span at, SchemaType schema, SchemaType.Attribute attr, List<String> missing) {
        String name = attr.name();
        Diagnostic d = Diagnostic.error(Code.E0303, at, "attribute `" + name + "` of `" + schema.name()
                        + "` is required and cannot be None or Undefined")
                .withLabel(attr.decls().isEmpty() ? null : attr.decls().get(0).name().span(),
                        "`" + name + "` is declared here")
                .withHint(attr.decls().isEmpty() ? "set `" + name + "`: Kubernetes requires it"
                        : "set `" + name + "` in the config, or declare it as `" + name + "?` to make it optional");
        return d.withFix(new Diagnostic.Fix.AddAttributes(missing.isEmpty() ? List.of(name) : missing));
    }

    /** A value that breaks a refined type's rule (an int32's range, a quantity's syntax, a pattern). */
    public static Diagnostic refinement(Span at, Refinement.Violation v, String subject) {
        Diagnostic d = Diagnostic.error(v.code(), at, "expected " + v.expected() + forSubject(subject) + ", found "
                + v.found());
        return d.withHint(v.hint());
    }
}
