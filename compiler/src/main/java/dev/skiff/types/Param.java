package dev.skiff.types;

/**
 * A parameter of a library function as its declaration states it: the name a keyword argument uses, the type
 * its argument must have, how it is passed, and the default shown when it may be left out.
 *
 * @param name         the parameter's name (without the {@code *} or {@code **} of a rest parameter)
 * @param type         what an argument must be; {@code any} when anything is accepted
 * @param written      the type as the declaration writes it ({@code int | float}), shown in signatures
 * @param kind         how arguments reach it
 * @param defaultValue the default as written ({@code None}, {@code " "}), or null when the argument is required;
 *                     rest parameters have none
 */
public record Param(String name, Type type, String written, Kind kind, String defaultValue) {
    /** How arguments are passed to a parameter. */
    public enum Kind {
        /** By position or by keyword ({@code x}). */
        POSITIONAL,
        /** Only by keyword: declared after {@code *} or after a rest parameter. */
        KEYWORD_ONLY,
        /** {@code *args}: every positional argument after the positional parameters. */
        REST,
        /** {@code **kwargs}: every keyword argument that names no parameter. */
        KEYWORDS
    }

    /** Whether a call must give this parameter an argument. */
    public boolean required() {
        return defaultValue == null && (kind == Kind.POSITIONAL || kind == Kind.KEYWORD_ONLY);
    }

    /** Whether a keyword argument can name this parameter. */
    public boolean named() {
        return kind == Kind.POSITIONAL || kind == Kind.KEYWORD_ONLY;
    }

    /** The parameter as a signature shows it: {@code sep: str = " "}, {@code *args}. */
    public String label() {
        String prefix = kind == Kind.REST ? "*" : kind == Kind.KEYWORDS ? "**" : "";
        boolean showType = !(type instanceof Type.Any) || !(kind == Kind.REST || kind == Kind.KEYWORDS);
        return prefix + name + (showType ? ": " + written : "") + (defaultValue == null ? "" : " = " + defaultValue);
    }
}
