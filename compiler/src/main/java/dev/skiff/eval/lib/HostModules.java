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
            throw a.ctx().error(Code.E0511, "`" + p + "` is outside the project; Skiff reads files only inside "
                    + "the project's directory").withHint("the project is the directory of `kcl.mod`, or of the main file");
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
        SystemModules.fn(m, "net", "to_IP4", a -> {
            byte[] b = ipBytes(a.str(0, "ip"));
            byte[] v4 = b == null ? null : b.length == 4 ? b : mappedV4(b);
            return new Value.Str(v4 == null ? "" : formatIp(v4));
        });
        SystemModules.fn(m, "net", "to_IP6", a -> {
            byte[] b = ipBytes(a.str(0, "ip"));
            if (b == null) {
                return new Value.Str("");
            }
            return new Value.Str(b.length == 4 ? "::ffff:" + formatIp(b) : formatIp(b));
        });
        ipTest(m, "is_loopback_IP", b -> b.length == 4 ? (b[0] & 0xff) == 127 : isZero(b, 0, 15) && b[15] == 1);
        ipTest(m, "is_multicast_IP", b -> b.length == 4 ? (b[0] & 0xf0) == 0xe0 : (b[0] & 0xff) == 0xff);
        ipTest(m, "is_interface_local_multicast_IP", b -> b.length == 16 && (b[0] & 0xff) == 0xff && (b[1] & 0x0f) == 0x01);
        ipTest(m, "is_link_local_multicast_IP", b -> b.length == 4
                ? (b[0] & 0xff) == 224 && b[1] == 0 && b[2] == 0
                : (b[0] & 0xff) == 0xff && (b[1] & 0x0f) == 0x02);
        ipTest(m, "is_link_local_unicast_IP", b -> b.length == 4
                ? (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254
                : (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80);
        ipTest(m, "is_unspecified_IP", b -> isZero(b, 0, b.length));
        ipTest(m, "is_global_unicast_IP", b -> !isZero(b, 0, b.length)
                && !(b.length == 4 ? (b[0] & 0xff) == 127 : isZero(b, 0, 15) && b[15] == 1)
                && !(b.length == 4 ? (b[0] & 0xf0) == 0xe0 : (b[0] & 0xff) == 0xff)
                && !(b.length == 4 ? (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254
                        : (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80)
                && !(b.length == 4 && isAll(b, 0xff)));
        SystemModules.fn(m, "net", "is_IP", a -> {
            String ip = a.str(0, "ip");
            return Value.Bool.of(ip.matches("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)")
                    || (ip.contains(":") && ip.matches("[0-9a-fA-F:.]+")));
        });
    }

    /** A test on an IP address, with Go's net semantics as KCL's net module has them; false for a non-IP. */
    private static void ipTest(Map<String, Value> m, String name, java.util.function.Predicate<byte[]> test) {
        SystemModules.fn(m, "net", name, a -> {
            byte[] b = ipBytes(a.str(0, "ip"));
            if (b != null && b.length == 16 && mappedV4(b) != null) {
                b = mappedV4(b);
            }
            return Value.Bool.of(b != null && test.test(b));
        });
    }

    /** The bytes of an IP literal (4 or 16), or null when the text is not one. Never looks up a name. */
    static byte[] ipBytes(String text) {
        String t = text.strip();
        if (t.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            byte[] out = new byte[4];
            String[] parts = t.split("\\.");
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                out[i] = (byte) v;
            }
            return out;
        }
        if (!t.contains(":") || !t.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            // a string with ':' and only hex digits, dots and colons is parsed as an IPv6 literal, never resolved
            java.net.InetAddress addr = java.net.InetAddress.getByName("[" + t + "]");
            byte[] b = addr.getAddress();
            if (b.length == 4) { // the JDK turns ::ffff:a.b.c.d into IPv4: keep the IPv6 form
                byte[] v6 = new byte[16];
                v6[10] = (byte) 0xff;
                v6[11] = (byte) 0xff;
                System.arraycopy(b, 0, v6, 12, 4);
                return v6;
            }
            return b;
        } catch (java.net.UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] mappedV4(byte[] b) {
        if (b.length != 16 || !isZero(b, 0, 10) || (b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) {
            return null;
        }
        return java.util.Arrays.copyOfRange(b, 12, 16);
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAll(byte[] b, int value) {
        for (byte x : b) {
            if ((x & 0xff) != value) {
                return false;
            }
        }
        return true;
    }

    /** Dotted IPv4, or IPv6 with the longest run of zero groups written as `::`, as Go writes them. */
    static String formatIp(byte[] b) {
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
        if (mappedV4(b) != null) {
            return "::ffff:" + formatIp(mappedV4(b));
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
