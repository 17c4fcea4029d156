package dev.skiff.eval.lib;

import java.util.regex.Pattern;

/**
 * Glob patterns as {@code file.glob} reads them (the Unix shell's, as Rust's {@code glob} crate that KCL uses):
 * {@code *} and {@code ?} stay within one path component, {@code **} spans any number of components, none
 * included, and {@code [abc]}, {@code [a-z]}, {@code [!abc]} match one character of a class. Paths use
 * {@code /}.
 */
final class GlobPattern {
    private GlobPattern() {
    }

    /** The regular expression matching the same paths, or an {@link IllegalArgumentException} saying why not. */
    static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && glob.startsWith("**", i)) {
                boolean wholeComponent = (i == 0 || glob.charAt(i - 1) == '/')
                        && (i + 2 == glob.length() || glob.charAt(i + 2) == '/');
                if (!wholeComponent) {
                    throw new IllegalArgumentException("`**` must be a whole path component, as in `a/**/b`");
                }
                boolean slashFollows = i + 2 < glob.length();
                re.append(slashFollows ? "(?:[^/]*/)*" : ".*");
                i += slashFollows ? 3 : 2;
                continue;
            }
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> i = characterClass(glob, i, re) - 1;
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return Pattern.compile(re.toString());
    }

    /** Appends the class that starts at {@code open} and returns the index after its {@code ]}. */
    private static int characterClass(String glob, int open, StringBuilder re) {
        int i = open + 1;
        boolean negated = i < glob.length() && glob.charAt(i) == '!';
        if (negated) {
            i++;
        }
        StringBuilder members = new StringBuilder();
        // a `]` right after the opening bracket is a member, as in the shell
        if (i < glob.length() && glob.charAt(i) == ']') {
            members.append("\\]");
            i++;
        }
        while (i < glob.length() && glob.charAt(i) != ']') {
            char c = glob.charAt(i);
            members.append(c == '-' ? "-" : Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            i++;
        }
        if (i >= glob.length()) {
            throw new IllegalArgumentException("a `[` is never closed by `]`");
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("the character class `[]` is empty");
        }
        re.append(negated ? "[^/" : "[").append(members).append(']');
        return i + 1;
    }
}
