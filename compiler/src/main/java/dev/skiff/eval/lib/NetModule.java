package dev.skiff.eval.lib;

import dev.skiff.eval.value.Value;
import java.util.List;
import java.util.Map;

/** The {@code net} module: helpers over IP address text, with Go's semantics as KCL has them; no network. */
final class NetModule {
    private NetModule() {
    }

    static void register(Map<String, Value> m) {
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
            byte[] b = IpAddresses.parse(a.str(0, "ip"));
            byte[] v4 = b == null ? null : b.length == 4 ? b : IpAddresses.mappedV4(b);
            return new Value.Str(v4 == null ? "" : IpAddresses.format(v4));
        });
        SystemModules.fn(m, "net", "to_IP6", a -> {
            byte[] b = IpAddresses.parse(a.str(0, "ip"));
            if (b == null) {
                return new Value.Str("");
            }
            return new Value.Str(b.length == 4 ? "::ffff:" + IpAddresses.format(b) : IpAddresses.format(b));
        });
        ipTest(m, "is_loopback_IP", b -> b.length == 4 ? (b[0] & 0xff) == 127 : IpAddresses.isZero(b, 0, 15) && b[15] == 1);
        ipTest(m, "is_multicast_IP", b -> b.length == 4 ? (b[0] & 0xf0) == 0xe0 : (b[0] & 0xff) == 0xff);
        ipTest(m, "is_interface_local_multicast_IP", b -> b.length == 16 && (b[0] & 0xff) == 0xff && (b[1] & 0x0f) == 0x01);
        ipTest(m, "is_link_local_multicast_IP", b -> b.length == 4
                ? (b[0] & 0xff) == 224 && b[1] == 0 && b[2] == 0
                : (b[0] & 0xff) == 0xff && (b[1] & 0x0f) == 0x02);
        ipTest(m, "is_link_local_unicast_IP", b -> b.length == 4
                ? (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254
                : (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80);
        ipTest(m, "is_unspecified_IP", b -> IpAddresses.isZero(b, 0, b.length));
        ipTest(m, "is_global_unicast_IP", b -> !IpAddresses.isZero(b, 0, b.length)
                && !(b.length == 4 ? (b[0] & 0xff) == 127 : IpAddresses.isZero(b, 0, 15) && b[15] == 1)
                && !(b.length == 4 ? (b[0] & 0xf0) == 0xe0 : (b[0] & 0xff) == 0xff)
                && !(b.length == 4 ? (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254
                        : (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80)
                && !(b.length == 4 && IpAddresses.isAll(b, 0xff)));
        SystemModules.fn(m, "net", "is_IP", a -> {
            String ip = a.str(0, "ip");
            return Value.Bool.of(ip.matches("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)")
                    || (ip.contains(":") && ip.matches("[0-9a-fA-F:.]+")));
        });
    }

    /** A test on an IP address, with Go's net semantics as KCL's net module has them; false for a non-IP. */
    private static void ipTest(Map<String, Value> m, String name, java.util.function.Predicate<byte[]> test) {
        SystemModules.fn(m, "net", name, a -> {
            byte[] b = IpAddresses.parse(a.str(0, "ip"));
            if (b != null && b.length == 16 && IpAddresses.mappedV4(b) != null) {
                b = IpAddresses.mappedV4(b);
            }
            return Value.Bool.of(b != null && test.test(b));
        });
    }
}
