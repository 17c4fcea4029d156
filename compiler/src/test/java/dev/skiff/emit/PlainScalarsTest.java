package dev.skiff.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The one-pass classifier of plain scalars decides as the pattern-based one it replaced, kept here as the oracle:
 * on strings made of the characters that matter to YAML (digits of several scripts, signs, dots, colons, spaces,
 * hashes, indicators, the letters of the boolean and null words, characters whose case mapping is unusual, and
 * control characters).
 */
class PlainScalarsTest {
    @Property(tries = 20_000)
    void decidesAsThePatternsDid(@ForAll("yamlish") String s) {
        assertThat(PlainScalars.plainAllowed(s)).as("plain allowed for [%s]", s).isEqualTo(Oracle.plainAllowed(s));
    }

    @Property(tries = 5_000)
    void decidesAsThePatternsDidOnAnyText(@ForAll String s) {
        assertThat(PlainScalars.plainAllowed(s)).as("plain allowed for [%s]", s).isEqualTo(Oracle.plainAllowed(s));
    }

    @Example
    void quotesWhatAReaderWouldTakeForSomethingElse() {
        for (String s : new String[]{"", "1.2.3", "10Gi", "-5", ".inf", "NO", "nil", "Nan", "~", "<<", "=", "a: b",
                "a #b", "key:", " x", "x ", "? x", ": x", "#x", "*x", "---", "\u0663x", "x\u2028"}) {
            assertThat(PlainScalars.plainAllowed(s)).as(s).isFalse();
        }
        for (String s : new String[]{"http://x", "a:b", "a#b", "nginx:1.25", "ON_CALL", "info", "app.kubernetes.io/name",
                "\u0130nf", "n\u0131l", "?x", "~x"}) {
            assertThat(PlainScalars.plainAllowed(s)).as(s).isTrue();
        }
    }

    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<Character> chars = Arbitraries.of('0', '1', '7', '9', '_', 'x', 'X', 'o', 'b', 'e', 'E', '-', '+',
                '.', ':', ' ', '#', '?', '[', '{', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ',', '~', '<',
                '=', 'n', 'N', 'u', 'l', 'L', 't', 'T', 'r', 'f', 'F', 'a', 's', 'y', 'Y', 'i', 'I', 'O', 'S',
                '\u0130', '\u0131', '\u212A', '\u0663', '\uFF11', '\u00A0', '\u2028', '\u0085', '\t', '\n', '\u0001',
                '\u007f', '\uFEFF', '/', 'a');
        Arbitrary<String> words = Arbitraries.of("null", "Null", "TRUE", "true", "False", "yes", "No", "on", "OFF",
                "nil", "NaN", ".inf", ".NaN", "~", "<<", "0x1F", "0o17", "0b101", "1_000", "1:30", "1e5", "---", "...");
        Arbitrary<String> random = chars.list().ofMaxSize(8).map(cs -> {
            StringBuilder sb = new StringBuilder();
            cs.forEach(sb::append);
            return sb.toString();
        });
        return Arbitraries.oneOf(random, words, Arbitraries.strings().withChars("nulNULtrefasTREFASyoYO").ofMaxLength(6),
                Arbitraries.of("", "a").flatMap(p -> words.map(w -> p + w)));
    }

    /** The classifier as it was, with its patterns. */
    private static final class Oracle {
        private static final Pattern INT = Pattern.compile("[-+]?(0|[1-9][0-9_]*|0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|0[bB][01_]+)");
        private static final Pattern FLOAT = Pattern.compile(
                "[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
        private static final Pattern SEXAGESIMAL = Pattern.compile("[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?");
        private static final Set<String> RESERVED = Set.of("", "~", "null", "Null", "NULL", "true", "True", "TRUE",
                "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
                "y", "Y", "n", "N", "<<", "=");
        private static final Set<String> LOOSE = Set.of("null", "true", "false", "yes", "no", "on", "off", "y", "n",
                "nil", "nan", "inf", "~");

        static boolean plainAllowed(String s) {
            if (s.isEmpty()) {
                return false;
            }
            char c0 = s.charAt(0);
            if (Character.isDigit(c0) || c0 == '-' || c0 == '.' || c0 == '+') {
                return false;
            }
            if (LOOSE.contains(s.toLowerCase(Locale.ROOT))) {
                return false;
            }
            if (RESERVED.contains(s) || INT.matcher(s).matches() || FLOAT.matcher(s).matches()
                    || SEXAGESIMAL.matcher(s).matches()) {
                return false;
            }
            char first = s.charAt(0);
            if ("[]{},#&*!|>'\"%@`".indexOf(first) >= 0) {
                return false;
            }
            if ((first == '-' || first == '?' || first == ':') && (s.length() == 1 || s.charAt(1) == ' ')) {
                return false;
            }
            if (s.startsWith("---") || s.startsWith("...")) {
                return false;
            }
            if (Character.isWhitespace(first) || Character.isWhitespace(s.charAt(s.length() - 1))) {
                return false;
            }
            if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c == 0x7f || c == '\uFEFF' || c == '\u2028' || c == '\u2029' || c == 0x85) {
                    return false;
                }
            }
            return true;
        }
    }
}
