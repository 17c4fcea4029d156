package dev.skiff;

/**
 * One {@code -D KEY=VALUE} option as written on a command line. It is read as {@code kcl} reads it: exactly
 * one {@code =}, with a key before it and a value after it that are not blank. Anything else is refused
 * before the program runs, so a mistyped option ({@code -D env=}, {@code -D env=prod=}) never yields a value
 * nobody meant; an empty string is written quoted, {@code -D 'env=""'}.
 */
public record OptionArgument(String key, String value) {

    /**
     * Reads {@code text}.
     *
     * @throws IllegalArgumentException with a message for the user when {@code text} is not KEY=VALUE
     */
    public static OptionArgument parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new IllegalArgumentException("-D expects KEY=VALUE, got `" + text + "`");
        }
        String key = text.substring(0, eq);
        String value = text.substring(eq + 1);
        if (key.isBlank()) {
            throw new IllegalArgumentException("-D `" + text + "` has no key before `=`");
        }
        if (value.indexOf('=') >= 0) {
            throw new IllegalArgumentException("-D `" + text + "` has more than one `=`: neither the key nor the"
                    + " value may contain `=`");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("-D `" + text + "` has no value after `=`; for an empty string write"
                    + " -D '" + key + "=\"\"'");
        }
        return new OptionArgument(key, value);
    }
}
