package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Modules that look outside the program: {@code datetime} (the clock: its results change from run to run),
 * {@code file} (reads only inside the project) and {@code net} (string helpers; no network).
 */
final class HostModules {
    private HostModules() {
    }

    static void datetime(Map<String, Value> m) {
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

    private static Path inside(Args a, String p) {
        Path root = a.ctx().projectRoot().toAbsolutePath().normalize();
        Path target = root.resolve(p).toAbsolutePath().normalize();
        if (!target.startsWith(root)) {
            throw a.ctx().error(Code.E0511, "`" + p + "` is outside the project (" + root + "); Skiff reads files "
                    + "only inside it");
        }
        return target;
    }

    static void file(Map<String, Value> m) {
        SystemModules.fn(m, "file", "read", a -> {
            Path p = inside(a, a.str(0, "filepath"));
            try {
                if (Files.size(p) > 16L << 20) {
                    throw a.ctx().error(Code.E0509, "`" + a.str(0, "filepath") + "` is larger than 16 MiB");
                }
                return new Value.Str(Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw a.ctx().error(Code.E0511, "cannot read `" + a.str(0, "filepath") + "`: " + e.getMessage());
            }
        });
        SystemModules.fn(m, "file", "exists", a -> Value.Bool.of(Files.exists(inside(a, a.str(0, "filepath")))));
        SystemModules.fn(m, "file", "abs", a -> new Value.Str(inside(a, a.str(0, "filepath")).toString()));
        SystemModules.fn(m, "file", "workdir", a -> new Value.Str(a.ctx().projectRoot().toAbsolutePath().toString()));
        SystemModules.fn(m, "file", "modpath", a -> new Value.Str(a.ctx().projectRoot().toAbsolutePath().toString()));
        SystemModules.fn(m, "file", "glob", a -> {
            Path root = a.ctx().projectRoot().toAbsolutePath().normalize();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + a.str(0, "pattern"));
            List<Value> out = new ArrayList<>();
            try (Stream<Path> s = Files.walk(root, 16)) {
                s.filter(p -> matcher.matches(root.relativize(p))).sorted()
                        .forEach(p -> out.add(new Value.Str(root.relativize(p).toString())));
            } catch (IOException e) {
                throw a.ctx().error(Code.E0511, "cannot list files: " + e.getMessage());
            }
            return new Value.ListV(out);
        });
    }

    static void net(Map<String, Value> m) {
        SystemModules.fn(m, "net", "split_host_port", a -> {
            String s = a.str(0, "ip_end_point");
            int i = s.lastIndexOf(':');
            if (i < 0) {
                throw a.bad("missing port in address `" + s + "`");
            }
            String host = s.substring(0, i);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new Value.ListV(List.of(new Value.Str(host), new Value.Str(s.substring(i + 1))));
        });
        SystemModules.fn(m, "net", "join_host_port", a -> {
            String host = a.str(0, "host");
            String port = dev.skiff.eval.value.Values.toStr(a.get(1, "port"));
            return new Value.Str((host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        });
        SystemModules.fn(m, "net", "is_IPv4", a -> Value.Bool.of(a.str(0, "ip").matches(
                "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)")));
        SystemModules.fn(m, "net", "is_IP", a -> {
            String ip = a.str(0, "ip");
            return Value.Bool.of(ip.matches("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)")
                    || (ip.contains(":") && ip.matches("[0-9a-fA-F:.]+")));
        });
    }
}
