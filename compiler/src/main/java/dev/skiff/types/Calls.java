package dev.skiff.types;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Suggestions;
import dev.skiff.source.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Calls against declared signatures: which overload a call selects, what is wrong with its arguments, and the
 * messages for it. The evaluator decides with the values it has, the checker with what the source shows (the
 * number of arguments, the keywords, the types it infers), and both go through these functions, so a call the
 * checker rejects is one evaluation rejects the same way, at the same place.
 *
 * <p>An argument's type is judged shallowly, by its kind (a list, a string), never by what is inside it: that is
 * all evaluation checks before the function runs.
 */
public final class Calls {
    private Calls() {
    }

    /** The signature a call selects, or the problem that no signature fits. */
    public record Selection(Signature signature, Diagnostic problem) {
    }

    /**
     * The overload of {@code f} that takes {@code positional} positional arguments and these keywords, or, when
     * none does, the problem reported against the overload the call comes closest to (the first that takes that
     * many positional arguments, else the one that takes most).
     */
    public static Selection select(Declaration.Function f, int positional, List<String> keywords, Span at) {
        Signature blame = null;
        for (Signature s : f.overloads()) {
            Diagnostic d = problem(s, positional, keywords, at);
            if (d == null) {
                return new Selection(s, null);
            }
            if (blame == null && capacity(s) >= positional) {
                blame = s;
            }
        }
        if (blame == null) {
            for (Signature s : f.overloads()) {
                if (blame == null || capacity(s) > capacity(blame)) {
                    blame = s;
                }
            }
        }
        return new Selection(null, problem(blame, positional, keywords, at));
    }

    private static int capacity(Signature s) {
        return s.rest() != null ? Integer.MAX_VALUE : s.positional().size();
    }

    /**
     * What is wrong with passing {@code positional} positional arguments and these keyword arguments to
     * {@code s}, or null: too many positional arguments, a keyword naming no parameter, a parameter given twice,
     * a required parameter left out, in that order.
     */
    public static Diagnostic problem(Signature s, int positional, List<String> keywords, Span at) {
        List<Param> byPosition = s.positional();
        int takes = byPosition.size();
        if (positional > takes && s.rest() == null) {
            return Diagnostic.error(Code.E0305, at, tooMany(what(s), takes, positional));
        }
        for (String k : keywords) {
            int i = s.indexOf(k);
            if (i < 0) {
                if (s.keywords() == null) {
                    List<String> names = new ArrayList<>();
                    s.params().stream().filter(Param::named).forEach(p -> names.add(p.name()));
                    return unknownKeyword(at, what(s), k, names);
                }
            } else if (s.params().get(i).kind() == Param.Kind.POSITIONAL
                    && byPosition.indexOf(s.params().get(i)) < positional) {
                return Diagnostic.error(Code.E0305, at, what(s) + " is given the argument `" + k
                        + "` twice, by position and by keyword");
            }
        }
        for (Param p : s.params()) {
            if (p.required() && !keywords.contains(p.name())
                    && !(p.kind() == Param.Kind.POSITIONAL && byPosition.indexOf(p) < positional)) {
                return Diagnostic.error(Code.E0305, at, missing(what(s), p.name()));
            }
        }
        return null;
    }

    private static String what(Signature s) {
        return "`" + s.name() + "`";
    }

    /** {@code `len` takes 1 positional argument but 2 were given}; {@code what}: {@code `len`}, {@code lambda}, … */
    public static String tooMany(String what, int takes, int given) {
        return what + " takes " + takes + " positional argument" + (takes == 1 ? "" : "s") + " but " + given
                + " were given";
    }

    /** {@code `round` is missing the argument `number`}. */
    public static String missing(String what, String param) {
        return what + " is missing the argument `" + param + "`";
    }

    /** {@code `yaml.encode` has no parameter `sortkeys`}, with the closest parameter as a hint. */
    public static Diagnostic unknownKeyword(Span at, String what, String keyword, Collection<String> params) {
        Diagnostic d = Diagnostic.error(Code.E0305, at, what + " has no parameter `" + keyword + "`");
        String hint = Suggestions.didYouMean(keyword, params);
        return hint == null ? d : d.withHint(hint);
    }

    // ---------------------------------------------------------------- argument types

    /**
     * Whether an argument of type {@code found} may be accepted by a parameter of type {@code expected}: false only
     * when no value of that type could be. Judged by kind, as evaluation judges it before the function runs
     * ({@code [str]} is accepted where {@code [int]} is declared, and the function itself looks inside); a bool
     * counts as a number, as {@code True} is 1 to arithmetic; {@code None} is accepted everywhere (a parameter with
     * a default takes it as the default).
     */
    public static boolean accepts(Type found, Type expected) {
        Type kind = kindOf(found);
        if (Checker.compatible(kind, expected)) {
            return true;
        }
        return isBool(kind) && Checker.compatible(Type.INT, expected);
    }

    private static boolean isBool(Type t) {
        return t instanceof Type.Bool || t instanceof Type.Literal l && l.value() instanceof Boolean;
    }

    /** A type with what is inside lists and dicts forgotten. */
    private static Type kindOf(Type t) {
        return switch (t) {
            case Type.ListOf l -> new Type.ListOf(Type.ANY);
            case Type.DictOf d -> new Type.DictOf(Type.ANY, Type.ANY);
            case Type.Refined r -> kindOf(r.base());
            case Type.Union u -> Type.union(u.members().stream().map(Calls::kindOf).toList());
            default -> t;
        };
    }

    /** {@code `math.sqrt` expects an int or a float for `x`, found `str`}. */
    public static Diagnostic argumentType(Span at, Signature s, Param p, String found) {
        return Diagnostic.error(Code.E0305, at, "`" + s.name() + "` expects " + describe(p.type()) + " for `"
                + p.name() + "`, found `" + found + "`");
    }

    /** The name evaluation gives the type of a value of type {@code t} ({@code str}, {@code list}, a schema's). */
    public static String foundName(Type t) {
        return Checker.foundName(t);
    }

    /** A type in words, as argument messages say it: {@code an int or a float}, {@code a string, a list or a dict}. */
    static String describe(Type t) {
        List<String> words = new ArrayList<>();
        for (Type m : Type.members(Type.unrefined(t))) {
            words.add(switch (m) {
                case Type.Function f -> "a function";
                case Type.ListOf l -> "a list";
                case Type.DictOf d -> "a dict";
                case Type.Int i -> "an int";
                case Type.Float f -> "a float";
                case Type.Str st -> "a string";
                case Type.Bool b -> "a bool";
                case Type.Schema s -> "a `" + s.schema().name() + "`";
                default -> "`" + m.display() + "`";
            });
        }
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
