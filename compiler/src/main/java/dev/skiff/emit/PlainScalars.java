package dev.skiff.emit;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a string may be written as a plain YAML scalar, in one pass over its characters: as KCL's emitter
 * decides, anything a YAML 1.1 or 1.2 reader could take for something other than this string (a number, a
 * boolean, null, an indicator, a comment) is quoted instead. Every number, timestamp and sexagesimal form YAML
 * knows starts with a digit, a sign or a dot, and all of those are quoted, so no pattern needs matching; the
 * words that read as booleans or null are at most five letters long.
 */
final class PlainScalars {
    private PlainScalars() {
    }

    private static final Set<String> RESERVED = Set.of("", "~", "null", "Null", "NULL", "true", "True", "TRUE",
            "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y",
            "Y", "n", "N", "<<", "=");

    /** Compared in lower case: KCL quotes these in any spelling. */
    private static final Set<String> LOOSE = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n", "nil",
            "nan", "inf", "~");

    /** The longest word of {@link #RESERVED} and {@link #LOOSE}. */
    private static final int LONGEST_WORD = 5;

    private static final String INDICATORS = "[]{},#&*!|>'\"%@`";

    static boolean plainAllowed(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        char first = s.charAt(0);
        // numbers in every notation, `.inf`, `.nan`, `---`, `...` and `- ` all start so
        if (Character.isDigit(first) || first == '-' || first == '.' || first == '+') {
            return false;
        }
        if (INDICATORS.indexOf(first) >= 0) {
            return false;
        }
        if ((first == '?' || first == ':') && (n == 1 || s.charAt(1) == ' ')) {
            return false;
        }
        char last = s.charAt(n - 1);
        if (Character.isWhitespace(first) || Character.isWhitespace(last) || last == ':') {
            return false;
        }
        // lower-casing never makes a string shorter, so a longer one cannot be one of the words
        if (n <= LONGEST_WORD && (RESERVED.contains(s) || LOOSE.contains(s.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\uFEFF' || c == '\u2028' || c == '\u2029' || c == 0x85) {
                return false;
            }
            if (c == ':' && i + 1 < n && s.charAt(i + 1) == ' ') {
                return false; // `key: value` inside the string
            }
            if (c == '#' && s.charAt(i - 1) == ' ') {
                return false; // a comment (i > 0: a leading `#` is an indicator, refused above)
            }
        }
        return true;
    }
}
