package dev.skiff.eval.lib;

import dev.skiff.eval.value.Value;
import java.math.BigInteger;
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
        SystemModules.fn(m, "net", "is_IPv6", a -> {
            byte[] b = IpAddresses.parse(a.str(0, "ip"));
            return Value.Bool.of(b != null && b.length == 16);
        });
        for (String name : List.of("parse_IP", "IP_string")) {
            SystemModules.fn(m, "net", name, a -> {
                byte[] b = IpAddresses.parse(a.str(0, "ip"));
                return new Value.Str(b == null ? "" : IpAddresses.format(b));
            });
        }
        cidr(m);
    }

    /** The functions over networks in CIDR notation; all but {@code parse_CIDR} refuse a malformed one. */
    private static void cidr(Map<String, Value> m) {
        SystemModules.fn(m, "net", "parse_CIDR", a -> {
            try {
                Cidr c = Cidr.parse(a.str(0, "cidr"));
                Map<String, Value> parts = new java.util.LinkedHashMap<>();
                parts.put("ip", new Value.Str(c.address()));
                parts.put("mask", new Value.Int(c.prefix()));
                return new Value.DictV(parts);
            } catch (Cidr.BadCidr e) {
                return Value.DictV.EMPTY; // as KCL: an empty dict says the text is not a network
            }
        });
        SystemModules.fn(m, "net", "is_IP_in_CIDR", a -> {
            String ip = a.str(0, "ip");
            byte[] b = IpAddresses.parse(ip);
            if (b == null) {
                throw a.bad("`net.is_IP_in_CIDR`: `" + ip + "` is not an IP address");
            }
            return Value.Bool.of(cidr(a, "is_IP_in_CIDR").contains(b));
        });
        SystemModules.fn(m, "net", "CIDR_subnet", a -> cidrResult(a, "CIDR_subnet", c -> {
            long number = a.integer(2, "net_num");
            return new Value.Str(c.subnet(bits(a, 1, "additional_bits"), BigInteger.valueOf(number)).toString());
        }));
        SystemModules.fn(m, "net", "CIDR_subnets", a -> cidrResult(a, "CIDR_subnets", c -> {
            List<Integer> bits = new java.util.ArrayList<>();
            for (Value v : a.list(1, "additional_bits")) {
                if (!(v instanceof Value.Int i)) {
                    throw a.wrong("additional_bits", "a list of int", v);
                }
                bits.add((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, i.value())));
            }
            return new Value.ListV(c.subnets(bits).stream().map(s -> (Value) new Value.Str(s.toString())).toList());
        }));
        SystemModules.fn(m, "net", "CIDR_host", a -> cidrResult(a, "CIDR_host", c -> new Value.Str(
                c.host(BigInteger.valueOf(a.integer(1, "host_num"))))));
        SystemModules.fn(m, "net", "CIDR_netmask", a -> cidrResult(a, "CIDR_netmask", c -> new Value.Str(c.netmask())));
    }

    /** A computation on a network that may find its arguments do not fit the network. */
    @FunctionalInterface
    private interface CidrFunction {
        Value apply(Cidr cidr) throws Cidr.BadCidr;
    }

    private static Value cidrResult(Args a, String name, CidrFunction body) {
        Cidr c = cidr(a, name);
        try {
            return body.apply(c);
        } catch (Cidr.BadCidr e) {
            throw a.bad("`net." + name + "`: " + e.getMessage());
        }
    }

    /** The {@code cidr} argument, read, or an error naming the function. */
    private static Cidr cidr(Args a, String name) {
        int index = name.equals("is_IP_in_CIDR") ? 1 : 0;
        String text = a.str(index, "cidr");
        try {
            return Cidr.parse(text);
        } catch (Cidr.BadCidr e) {
            throw a.bad("`net." + name + "`: `" + text + "` is not a network in CIDR notation: " + e.getMessage())
                    .withHint("write a network as `address/prefix`, e.g. `10.0.0.0/8` or `2001:db8::/32`");
        }
    }

    private static int bits(Args a, int index, String name) {
        long n = a.integer(index, name);
        return (int) Math.max(-1, Math.min(Integer.MAX_VALUE, n));
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
