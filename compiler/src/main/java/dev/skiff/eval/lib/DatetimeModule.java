package dev.skiff.eval.lib;

import dev.skiff.eval.value.Value;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;

/** The {@code datetime} module: the clock, so its results change from run to run; {@code validate} does not. */
final class DatetimeModule {
    private DatetimeModule() {
    }

    static void register(Namespace ns) {
        ns.fn("today() -> str",
                "The current local date and time, as `2024-08-26 10:30:00.123456`.", a -> new Value.Str(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"))));
        ns.fn("now(format: str = \"%a %b %d %H:%M:%S %Y\") -> str",
                "The current local time, formatted with C `strftime` directives.", a -> {
            String fmt = a.optStr(0, "%a %b %d %H:%M:%S %Y");
            return new Value.Str(LocalDateTime.now().format(formatter(a, fmt)));
        });
        ns.fn("ticks() -> float",
                "The current time in seconds since the Unix epoch.",
                        a -> new Value.Float(System.currentTimeMillis() / 1000.0));
        // as KCL: the date and the time of day
        ns.fn("date() -> str",
                "The current local date and time, as `2024-08-26 10:30:00`.", a -> new Value.Str(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))));
        ns.fn("validate(date: str, format: str) -> bool",
                "Whether the whole of `date` is written in the `strftime` format `format` and names a date that "
                        + "exists.", a -> {
            DateTimeFormatter f = formatter(a, a.str(1));
            try {
                f.parse(a.str(0));
                return Value.Bool.TRUE;
            } catch (java.time.format.DateTimeParseException e) {
                return Value.Bool.FALSE;
            }
        });
    }

    /**
     * A strict formatter for a C {@code strftime} format: the whole text must match, and the date must exist
     * ({@code 2023-02-29} does not).
     */
    private static DateTimeFormatter formatter(Args a, String format) {
        StringBuilder p = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                literal.append(c);
                continue;
            }
            char d = format.charAt(++i);
            String field = switch (d) {
                case 'Y' -> "uuuu";
                case 'y' -> "uu";
                case 'm' -> "MM";
                case 'd' -> "dd";
                case 'e' -> "d";
                case 'H' -> "HH";
                case 'I' -> "hh";
                case 'M' -> "mm";
                case 'S' -> "ss";
                case 'f' -> "SSSSSS";
                case 'p' -> "a";
                case 'a' -> "EEE";
                case 'A' -> "EEEE";
                case 'b', 'h' -> "MMM";
                case 'B' -> "MMMM";
                case 'j' -> "DDD";
                case 'z' -> "xx";
                case 'Z' -> "zzz";
                case '%' -> null;
                default -> throw a.bad("the format directive `%" + d + "` is not known")
                        .withHint("known: %Y %y %m %d %e %H %I %M %S %f %p %a %A %b %B %j %z %Z %%");
            };
            if (field == null) {
                literal.append('%');
                continue;
            }
            quote(literal, p);
            p.append(field);
        }
        quote(literal, p);
        return DateTimeFormatter.ofPattern(p.toString(), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Appends pending literal text to a pattern, quoted, and empties it. */
    private static void quote(StringBuilder literal, StringBuilder pattern) {
        if (!literal.isEmpty()) {
            pattern.append('\'').append(literal.toString().replace("'", "''")).append('\'');
            literal.setLength(0);
        }
    }
}
