package dev.skiff.eval.lib;

/** IP addresses as bytes (4 for IPv4, 16 for IPv6): parsed from literals only, and written as Go writes them. */
final class IpAddresses {
    private IpAddresses() {
    }

    /** The bytes of an IP literal (4 or 16), or null when the text is not one. Never looks up a name. */
    static byte[] parse(String text) {
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

    static byte[] mappedV4(byte[] b) {
        if (b.length != 16 || !isZero(b, 0, 10) || (b[10] & 0xff) != 0xff || (b[11] & 0xff) != 0xff) {
            return null;
        }
        return java.util.Arrays.copyOfRange(b, 12, 16);
    }

    static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isAll(byte[] b, int value) {
        for (byte x : b) {
            if ((x & 0xff) != value) {
                return false;
            }
        }
        return true;
    }

    /** Dotted IPv4, or IPv6 with the longest run of zero groups written as `::`, as Go writes them. */
    static String format(byte[] b) {
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        }
        if (mappedV4(b) != null) {
            return "::ffff:" + format(mappedV4(b));
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
    }}
