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

    static void register(Map<String, Value> m) {
        SystemModules.fn(m, "datetime", "today", a -> new Value.Str(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"))));
        SystemModules.fn(m, "datetime", "now", a -> {
            String fmt = a.optStr(0, "format", "%a %b %d %H:%M:%S %Y");
            return new Value.Str(LocalDateTime.now().format(formatter(a, fmt)));
        });
        SystemModules.fn(m, "datetime", "ticks", a -> new Value.Float(System.currentTimeMillis() / 1000.0));
        // as KCL: the date and the time of day
        SystemModules.fn(m, "datetime", "date", a -> new Value.Str(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))));
        SystemModules.fn(m, "datetime", "validate", a -> {
            DateTimeFormatter f = formatter(a, a.str(1, "format"));
            try {
                f.parse(a.str(0, "date"));
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
