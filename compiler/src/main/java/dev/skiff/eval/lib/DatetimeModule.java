package dev.skiff.eval.lib;

import dev.skiff.eval.value.Value;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The {@code datetime} module: the clock, so its results change from run to run. */
final class DatetimeModule {
    private DatetimeModule() {
    }

    static void register(Map<String, Value> m) {
        SystemModules.fn(m, "datetime", "today", a -> new Value.Str(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"))));
        SystemModules.fn(m, "datetime", "now", a -> {
            String fmt = a.optStr(0, "format", "%a %b %d %H:%M:%S %Y");
            return new Value.Str(LocalDateTime.now().format(DateTimeFormatter.ofPattern(strftime(fmt), java.util.Locale.ROOT)));
        });
        SystemModules.fn(m, "datetime", "ticks", a -> new Value.Float(System.currentTimeMillis() / 1000.0));
        SystemModules.fn(m, "datetime", "date", a -> new Value.Str(LocalDate.now().toString()));
        SystemModules.fn(m, "datetime", "validate", a -> {
            try {
                DateTimeFormatter.ofPattern(strftime(a.str(1, "format"))).parse(a.str(0, "date"));
                return Value.Bool.TRUE;
            } catch (RuntimeException e) {
                return Value.Bool.FALSE;
            }
        });
    }

    private static String strftime(String f) {
        return f.replace("'", "''").replace("%Y", "yyyy").replace("%m", "MM").replace("%d", "dd").replace("%H", "HH")
                .replace("%M", "mm").replace("%S", "ss").replace("%a", "EEE").replace("%b", "MMM").replace("%y", "yy")
                .replace("%f", "SSSSSS");
    }
}
