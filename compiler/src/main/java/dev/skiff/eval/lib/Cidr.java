package dev.skiff.eval.lib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An IP network in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/56}): its first address as a number,
 * the number of bits of the family (32 or 128) and the prefix length. The arithmetic is Terraform's
 * {@code cidrsubnet}, {@code cidrsubnets}, {@code cidrhost} and {@code cidrnetmask}, which KCL's {@code net}
 * functions follow.
 */
record Cidr(BigInteger network, int bits, int prefix) {
    /** A CIDR text that cannot be read, with the reason in plain words. */
    static final class BadCidr extends Exception {
        BadCidr(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads {@code address/prefix}, or an address alone (a network of that one address). The address's host
     * bits must be zero: {@code 10.0.0.1/8} is refused, as KCL refuses it.
     */
    static Cidr parse(String text) throws BadCidr {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = IpAddresses.parse(address);
        if (bytes == null || !address.equals(address.strip())) {
            throw new BadCidr("`" + address + "` is not an IP address");
        }
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bits) {
                throw new BadCidr("the prefix length `" + p + "` is not a number from 0 to " + bits);
            }
            prefix = Integer.parseInt(p);
        }
        BigInteger value = new BigInteger(1, bytes);
        Cidr cidr = new Cidr(value, bits, prefix);
        if (!value.equals(cidr.mask(value))) {
            Cidr network = new Cidr(cidr.mask(value), bits, prefix);
            throw new BadCidr("its host bits are not zero; the network is `" + network + "`");
        }
        return cidr;
    }

    private BigInteger mask(BigInteger address) {
        return address.shiftRight(bits - prefix).shiftLeft(bits - prefix);
    }

    /** The first address, written as Go and Rust write addresses. */
    String address() {
        return IpAddresses.format(toBytes(network));
    }

    private byte[] toBytes(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[bits / 8];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return out;
    }

    /** Whether the address (4 or 16 bytes) is in the network; IPv4 is in an IPv6 network as {@code ::ffff:a.b.c.d}. */
    boolean contains(byte[] ip) {
        byte[] in = ip.length * 8 == bits ? ip : ip.length == 4 ? mapped(ip) : null;
        return in != null && mask(new BigInteger(1, in)).equals(network);
    }

    private static byte[] mapped(byte[] v4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
    }

    /** The {@code number}th network of {@code newBits} more prefix bits inside this one. */
    Cidr subnet(int newBits, BigInteger number) throws BadCidr {
        if (newBits < 0) {
            throw new BadCidr("the additional bits cannot be negative");
        }
        int length = prefix + newBits;
        if (length > bits) {
            throw new BadCidr("adding " + newBits + " bits to a /" + prefix + " prefix makes it /" + length
                    + ", longer than the " + bits + " bits of an IPv" + (bits == 32 ? 4 : 6) + " address");
        }
        if (number.signum() < 0 || number.bitLength() > newBits) {
            throw new BadCidr(newBits + " additional bits do not accommodate the network number " + number);
        }
        return new Cidr(network.add(number.shiftLeft(bits - length)), bits, length);
    }

    /**
     * Networks with the given additional bits each, in order: each takes the lowest network number of its size
     * that no earlier one overlaps, so a smaller network may fill a gap an earlier larger one left.
     */
    List<Cidr> subnets(List<Integer> newBits) throws BadCidr {
        List<BigInteger> numbers = new ArrayList<>();
        for (int k = 0; k < newBits.size(); k++) {
            int add = newBits.get(k);
            subnet(add, BigInteger.ZERO); // checks the length
            BigInteger number = BigInteger.ZERO;
            for (boolean moved = true; moved; ) {
                moved = false;
                for (int i = 0; i < k; i++) {
                    int earlier = newBits.get(i);
                    // the earlier network's number at this network's size, and how many of these it covers
                    BigInteger start = earlier > add ? numbers.get(i).shiftRight(earlier - add)
                            : numbers.get(i).shiftLeft(add - earlier);
                    if (start.equals(number)) {
                        number = number.add(BigInteger.ONE.shiftLeft(Math.max(0, add - earlier)));
                        moved = true;
                    }
                }
            }
            numbers.add(number);
        }
        List<Cidr> out = new ArrayList<>();
        for (int k = 0; k < newBits.size(); k++) {
            if (numbers.get(k).bitLength() > newBits.get(k)) {
                throw new BadCidr("no room is left in " + this + " for a /" + (prefix + newBits.get(k)) + " network"
                        + (out.isEmpty() ? "" : " after " + out.get(out.size() - 1)));
            }
            out.add(subnet(newBits.get(k), numbers.get(k)));
        }
        return out;
    }

    /** The {@code number}th address of the network; a negative number counts from its end ({@code -1} is the last). */
    String host(BigInteger number) throws BadCidr {
        BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
        BigInteger offset = number.signum() < 0 ? size.add(number) : number;
        if (offset.signum() < 0 || offset.compareTo(size) >= 0) {
            throw new BadCidr("a /" + prefix + " network has no host numbered " + number);
        }
        return IpAddresses.format(toBytes(network.add(offset)));
    }

    /** The IPv4 netmask, as {@code 255.255.0.0}. */
    String netmask() throws BadCidr {
        if (bits != 32) {
            throw new BadCidr("an IPv6 network has no netmask");
        }
        BigInteger all = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
        return IpAddresses.format(toBytes(all.shiftRight(32 - prefix).shiftLeft(32 - prefix)));
    }

    @Override
    public String toString() {
        return address() + "/" + prefix;
    }
}
