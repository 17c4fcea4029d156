package dev.skiff.types;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a signature written as text, in Skiff's type syntax:
 * {@code name(p: T, q: T = default, *, k: T = default, *rest: T, **more) -> R}. Types are {@code int}, {@code float},
 * {@code str}, {@code bool}, {@code any}, {@code None}, {@code list}, {@code dict}, {@code number},
 * {@code [T]}, {@code {K:V}}, {@code (T, …) -> R} and unions {@code A | B}. A parameter without a type is
 * {@code any}; a signature without {@code -> R} returns {@code any}.
 *
 * <p>The declarations are written by Skiff's authors, so a malformed one throws: the library fails to load and
 * every test shows it.
 */
final class SignatureText {
    private final String text;
    private int pos;

    private SignatureText(String text) {
        this.text = text;
    }

    static Signature parse(String text, String doc) {
        return new SignatureText(text).signature(doc);
    }

    private Signature signature(String doc) {
        int open = text.indexOf('(');
        if (open <= 0) {
            throw error("expected `name(`");
        }
        String name = text.substring(0, open).strip();
        pos = open + 1;
        List<Param> params = new ArrayList<>();
        boolean keywordOnly = false;
        skipSpaces();
        while (!at(")")) {
            if (!params.isEmpty() || keywordOnly) {
                expect(",");
            }
            skipSpaces();
            if (at("**")) {
                pos += 2;
                params.add(param(Param.Kind.KEYWORDS));
            } else if (at("*")) {
                pos++;
                skipSpaces();
                if (at(",")) {
                    keywordOnly = true; // a bare `*`: the parameters after it are keyword-only
                    continue;
                }
                params.add(param(Param.Kind.REST));
                keywordOnly = true;
            } else {
                params.add(param(keywordOnly ? Param.Kind.KEYWORD_ONLY : Param.Kind.POSITIONAL));
            }
            skipSpaces();
        }
        expect(")");
        skipSpaces();
        Type result = Type.ANY;
        String resultText = "any";
        if (at("->")) {
            pos += 2;
            skipSpaces();
            int start = pos;
            result = type();
            resultText = text.substring(start, pos).strip();
        }
        skipSpaces();
        if (pos != text.length()) {
            throw error("unexpected text");
        }
        return new Signature(name, params, result, resultText, doc);
    }

    private Param param(Param.Kind kind) {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a parameter name");
        }
        String name = text.substring(start, pos);
        skipSpaces();
        Type type = Type.ANY;
        String written = "any";
        if (at(":")) {
            pos++;
            skipSpaces();
            int typeStart = pos;
            type = type();
            written = text.substring(typeStart, pos).strip();
        }
        skipSpaces();
        String dflt = null;
        if (at("=")) {
            if (kind == Param.Kind.REST || kind == Param.Kind.KEYWORDS) {
                throw error("a rest parameter has no default");
            }
            pos++;
            dflt = defaultText();
        }
        return new Param(name, type, written, kind, dflt);
    }

    /** A default as written: everything up to the next `,` or `)` outside brackets and strings. */
    private String defaultText() {
        int start = pos;
        int depth = 0;
        char quote = 0;
        for (; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == '\\') {
                    pos++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        String out = text.substring(start, pos).strip();
        if (out.isEmpty()) {
            throw error("expected a default");
        }
        return out;
    }

    private Type type() {
        List<Type> members = new ArrayList<>();
        members.add(member());
        skipSpaces();
        while (at("|")) {
            pos++;
            members.add(member());
            skipSpaces();
        }
        return Type.union(members);
    }

    private Type member() {
        skipSpaces();
        if (at("[")) {
            pos++;
            Type element = type();
            expect("]");
            return new Type.ListOf(element);
        }
        if (at("{")) {
            pos++;
            Type key = type();
            expect(":");
            Type value = type();
            expect("}");
            return new Type.DictOf(key, value);
        }
        if (at("(")) {
            pos++;
            List<Type> params = new ArrayList<>();
            skipSpaces();
            while (!at(")")) {
                if (!params.isEmpty()) {
                    expect(",");
                }
                params.add(type());
                skipSpaces();
            }
            expect(")");
            skipSpaces();
            expect("->");
            return new Type.Function(params, type());
        }
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        return switch (text.substring(start, pos)) {
            case "int" -> Type.INT;
            case "float" -> Type.FLOAT;
            case "str" -> Type.STR;
            case "bool" -> Type.BOOL;
            case "any" -> Type.ANY;
            case "None" -> Type.NONE;
            case "list" -> new Type.ListOf(Type.ANY);
            case "dict" -> new Type.DictOf(Type.ANY, Type.ANY);
            case "number" -> Type.union(Type.INT, Type.FLOAT);
            default -> throw error("unknown type `" + text.substring(start, pos) + "`");
        };
    }

    private boolean at(String s) {
        return text.startsWith(s, pos);
    }

    private void expect(String s) {
        skipSpaces();
        if (!at(s)) {
            throw error("expected `" + s + "`");
        }
        pos += s.length();
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed signature `" + text + "` at " + pos + ": " + what);
    }
}
