package dev.skiff.eval.lib;

import dev.skiff.eval.value.Value;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** The {@code net} module: helpers over IP address text, with Go's semantics as KCL has them; no network. */
final class NetModule {
    private NetModule() {
    }

    static void register(Namespace ns) {
        ns.fn("split_host_port(ip_end_point: str) -> [str]",
                "The host and the port of `host:port` (or `[host]:port` for IPv6).", a -> {
            String s = a.str(0);
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
        ns.fn("join_host_port(host: str, port: int | str) -> str",
                "`host:port`, with the host in brackets when it is an IPv6 address.", a -> {
            String host = a.str(0);
            String port = dev.skiff.eval.value.Values.toStr(a.get(1));
            return new Value.Str((host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        });
        ns.fn("is_IPv4(ip: str) -> bool",
                "Whether the text is an IPv4 address in dotted decimal form.", a -> Value.Bool.of(a.str(0).matches(
                "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)")));
        ns.fn("to_IP4(ip: str) -> str",
                "The IPv4 form of an address (of an IPv4-mapped IPv6 one too), or \"\" when it has none.", a -> {
            byte[] b = IpAddresses.parse(a.str(0));
            byte[] v4 = b == null ? null : b.length == 4 ? b : IpAddresses.mappedV4(b);
            return new Value.Str(v4 == null ? "" : IpAddresses.format(v4));
        });
        ns.fn("to_IP6(ip: str) -> str",
                "The IPv6 form of an address (IPv4 ones mapped), or \"\" when the text is not an address.", a -> {
            byte[] b = IpAddresses.parse(a.str(0));
            if (b == null) {
                return new Value.Str("");
            }
            return new Value.Str(b.length == 4 ? "::ffff:" + IpAddresses.format(b) : IpAddresses.format(b));
        });
        ipTest(ns, "is_loopback_IP",
                "Whether the text is a loopback address (127.0.0.0/8, ::1).",
                b -> b.length == 4 ? (b[0] & 0xff) == 127 : IpAddresses.isZero(b, 0, 15) && b[15] == 1);
        ipTest(ns, "is_multicast_IP",
                "Whether the text is a multicast address (224.0.0.0/4, ff00::/8).",
                b -> b.length == 4 ? (b[0] & 0xf0) == 0xe0 : (b[0] & 0xff) == 0xff);
        ipTest(ns, "is_interface_local_multicast_IP",
                "Whether the text is an interface-local multicast address (ff01::/16).",
                b -> b.length == 16 && (b[0] & 0xff) == 0xff && (b[1] & 0x0f) == 0x01);
        ipTest(ns, "is_link_local_multicast_IP",
                "Whether the text is a link-local multicast address (224.0.0.0/24, ff02::/16).",
                b -> b.length == 4
                ? (b[0] & 0xff) == 224 && b[1] == 0 && b[2] == 0
                : (b[0] & 0xff) == 0xff && (b[1] & 0x0f) == 0x02);
        ipTest(ns, "is_link_local_unicast_IP",
                "Whether the text is a link-local unicast address (169.254.0.0/16, fe80::/10).",
                b -> b.length == 4
                ? (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254
                : (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80);
        ipTest(ns, "is_unspecified_IP",
                "Whether the text is the unspecified address (0.0.0.0, ::).",
                b -> IpAddresses.isZero(b, 0, b.length));
        ipTest(ns, "is_global_unicast_IP",
                "Whether the text is a global unicast address: none of the unspecified, loopback, multicast, "
                        + "link-local or broadcast ones.",
                b -> !IpAddresses.isZero(b, 0, b.length)
                && !(b.length == 4 ? (b[0] & 0xff) == 127 : IpAddresses.isZero(b, 0, 15) && b[15] == 1)
                && !(b.length == 4 ? (b[0] & 0xf0) == 0xe0 : (b[0] & 0xff) == 0xff)
                && !(b.length == 4 ? (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254
                        : (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80)
                && !(b.length == 4 && IpAddresses.isAll(b, 0xff)));
        ns.fn("is_IP(ip: str) -> bool",
                "Whether the text is an IPv4 or IPv6 address.", a -> {
            String ip = a.str(0);
            return Value.Bool.of(ip.matches("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)")
                    || (ip.contains(":") && ip.matches("[0-9a-fA-F:.]+")));
        });
        ns.fn("is_IPv6(ip: str) -> bool",
                "Whether the text is an IPv6 address.", a -> {
            byte[] b = IpAddresses.parse(a.str(0));
            return Value.Bool.of(b != null && b.length == 16);
        });
        for (String name : List.of("parse_IP", "IP_string")) {
            ns.fn(name + "(ip: str) -> str", "The address in its canonical form, or \"\" when the text is not one.",
                    a -> {
                byte[] b = IpAddresses.parse(a.str(0));
                return new Value.Str(b == null ? "" : IpAddresses.format(b));
            });
        }
        cidr(ns);
    }

    /** The functions over networks in CIDR notation; all but {@code parse_CIDR} refuse a malformed one. */
    private static void cidr(Namespace ns) {
        ns.fn("parse_CIDR(cidr: str) -> {str:any}",
                "A network in CIDR notation as `{ip: <first address>, mask: <prefix length>}`, or an empty dict "
                        + "when the text is not one.", a -> {
            try {
                Cidr c = Cidr.parse(a.str(0));
                Map<String, Value> parts = new java.util.LinkedHashMap<>();
                parts.put("ip", new Value.Str(c.address()));
                parts.put("mask", new Value.Int(c.prefix()));
                return new Value.DictV(parts);
            } catch (Cidr.BadCidr e) {
                return Value.DictV.EMPTY; // as KCL: an empty dict says the text is not a network
            }
        });
        ns.fn("is_IP_in_CIDR(ip: str, cidr: str) -> bool",
                "Whether the address is inside the network.", a -> {
            String ip = a.str(0);
            byte[] b = IpAddresses.parse(ip);
            if (b == null) {
                throw a.bad("`net.is_IP_in_CIDR`: `" + ip + "` is not an IP address");
            }
            return Value.Bool.of(cidr(a, "is_IP_in_CIDR").contains(b));
        });
        ns.fn("CIDR_subnet(cidr: str, additional_bits: int, net_num: int) -> str",
                "The `net_num`th network inside `cidr` whose prefix is `additional_bits` longer.",
                        a -> cidrResult(a, "CIDR_subnet", c -> {
            long number = a.integer(2);
            return new Value.Str(c.subnet(bits(a, 1), BigInteger.valueOf(number)).toString());
        }));
        ns.fn("CIDR_subnets(cidr: str, additional_bits: [int]) -> [str]",
                "Networks inside `cidr`, one per item of `additional_bits` (how much longer its prefix is), each at "
                        + "the lowest place still free.", a -> cidrResult(a, "CIDR_subnets", c -> {
            List<Integer> bits = new java.util.ArrayList<>();
            for (Value v : a.list(1)) {
                if (!(v instanceof Value.Int i)) {
                    throw a.wrong("additional_bits", "a list of int", v);
                }
                bits.add((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, i.value())));
            }
            return new Value.ListV(c.subnets(bits).stream().map(s -> (Value) new Value.Str(s.toString())).toList());
        }));
        ns.fn("CIDR_host(cidr: str, host_num: int) -> str",
                "The `host_num`th address of the network; a negative number counts from its end (-1 is the last).",
                        a -> cidrResult(a, "CIDR_host", c -> new Value.Str(
                c.host(BigInteger.valueOf(a.integer(1))))));
        ns.fn("CIDR_netmask(cidr: str) -> str",
                "The netmask of an IPv4 network, such as `255.255.255.0` for a /24.",
                        a -> cidrResult(a, "CIDR_netmask", c -> new Value.Str(c.netmask())));
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
        String text = a.str(index);
        try {
            return Cidr.parse(text);
        } catch (Cidr.BadCidr e) {
            throw a.bad("`net." + name + "`: `" + text + "` is not a network in CIDR notation: " + e.getMessage())
                    .withHint("write a network as `address/prefix`, e.g. `10.0.0.0/8` or `2001:db8::/32`");
        }
    }

    private static int bits(Args a, int index) {
        long n = a.integer(index);
        return (int) Math.max(-1, Math.min(Integer.MAX_VALUE, n));
    }

    /** A test on an IP address, with Go's net semantics as KCL's net module has them; false for a non-IP. */
    private static void ipTest(Namespace ns, String name, String doc, java.util.function.Predicate<byte[]> test) {
        ns.fn(name + "(ip: str) -> bool", doc, a -> {
            byte[] b = IpAddresses.parse(a.str(0));
            if (b != null && b.length == 16 && IpAddresses.mappedV4(b) != null) {
                b = IpAddresses.mappedV4(b);
            }
            return Value.Bool.of(b != null && test.test(b));
        });
    }
}
