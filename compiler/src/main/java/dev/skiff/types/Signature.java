package dev.skiff.types;

import java.util.ArrayList;
import java.util.List;

/**
 * One way to call a library function, as declared beside its implementation: its name, parameters, result type
 * and a one-paragraph doc. Written as text in Skiff's own type syntax
 * ({@code "round(number: int | float, ndigits: int = None) -> int | float"}) and read once by
 * {@link SignatureText}; the evaluator binds arguments by it, the checker checks calls against it, and the editor
 * shows its {@link #label()} and {@link #doc()}.
 *
 * @param name       the name calls use: {@code len}, {@code math.sqrt}, or a string method's bare name {@code upper}
 * @param params     the parameters in order ({@code *} is not one: it makes those after it keyword-only)
 * @param result     what a call returns; {@code None} for a function called for its effect
 * @param resultText the result type as the declaration writes it
 */
public record Signature(String name, List<Param> params, Type result, String resultText, String doc) {
    public Signature {
        params = List.copyOf(params);
    }

    /** Reads a declaration such as {@code "len(x: str | list | dict) -> int"}; a malformed one is a bug in Skiff. */
    public static Signature parse(String text, String doc) {
        return SignatureText.parse(text, doc);
    }

    /** The parameters that take positional arguments, in order. */
    public List<Param> positional() {
        List<Param> out = new ArrayList<>();
        for (Param p : params) {
            if (p.kind() == Param.Kind.POSITIONAL) {
                out.add(p);
            }
        }
        return out;
    }

    /** The {@code *args} parameter, or null. */
    public Param rest() {
        return ofKind(Param.Kind.REST);
    }

    /** The {@code **kwargs} parameter, or null. */
    public Param keywords() {
        return ofKind(Param.Kind.KEYWORDS);
    }

    private Param ofKind(Param.Kind kind) {
        for (Param p : params) {
            if (p.kind() == kind) {
                return p;
            }
        }
        return null;
    }

    /** The index of the parameter a keyword argument names, or -1. */
    public int indexOf(String keyword) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).named() && params.get(i).name().equals(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** The signature as the editor shows it: {@code sorted(iterable: list, *, reverse: bool = False) -> list}. */
    public String label() {
        StringBuilder sb = new StringBuilder(name).append('(');
        List<int[]> unused = new ArrayList<>();
        appendParams(sb, unused);
        return sb.append(") -> ").append(resultText).toString();
    }

    /** Where each parameter is in {@link #label()}: {start, end} offsets, one pair per parameter in order. */
    public List<int[]> paramRanges() {
        StringBuilder sb = new StringBuilder(name).append('(');
        List<int[]> ranges = new ArrayList<>();
        appendParams(sb, ranges);
        return ranges;
    }

    private void appendParams(StringBuilder sb, List<int[]> ranges) {
        boolean keywordOnly = false;
        boolean first = true;
        for (Param p : params) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            if (p.kind() == Param.Kind.KEYWORD_ONLY && !keywordOnly && rest() == null) {
                sb.append("*, ");
            }
            keywordOnly |= p.kind() == Param.Kind.KEYWORD_ONLY;
            int start = sb.length();
            sb.append(p.label());
            ranges.add(new int[] {start, sb.length()});
        }
    }

    /** The signature as a function type: the types of its positional parameters and its result. */
    public Type type() {
        List<Type> types = new ArrayList<>();
        for (Param p : positional()) {
            types.add(p.type());
        }
        return new Type.Function(types, result);
    }
}
