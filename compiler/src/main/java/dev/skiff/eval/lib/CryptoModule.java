package dev.skiff.eval.lib;

import dev.skiff.eval.value.Value;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** The {@code crypto} module: message digests of strings, as lowercase hex. */
final class CryptoModule {
    private CryptoModule() {
    }

    static void register(Map<String, Value> m) {
        for (String[] alg : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}, {"sha224", "SHA-224"},
                {"sha256", "SHA-256"}, {"sha384", "SHA-384"}, {"sha512", "SHA-512"}}) {
            SystemModules.fn(m, "crypto", alg[0], a -> new Value.Str(digest(alg[1], a.str(0, "value").getBytes(StandardCharsets.UTF_8))));
        }
    }

    static String digest(String algorithm, byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
