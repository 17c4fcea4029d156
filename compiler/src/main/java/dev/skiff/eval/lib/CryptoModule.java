package dev.skiff.eval.lib;

import dev.skiff.eval.value.Value;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code crypto} module: digests of strings (of their bytes in an encoding, UTF-8 by default) and of files of
 * the project, as lowercase hex. KCL's {@code crypto.uuid()} is left out: a random value would make every run's
 * output differ.
 */
final class CryptoModule {
    private CryptoModule() {
    }

    static void register(Map<String, Value> m) {
        for (String[] alg : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}, {"sha224", "SHA-224"},
                {"sha256", "SHA-256"}, {"sha384", "SHA-384"}, {"sha512", "SHA-512"}}) {
            Function<byte[], byte[]> digest = bytes -> digest(alg[1], bytes);
            ofText(m, alg[0], digest);
        }
        ofText(m, "blake3", Blake3::hash);
        ofFile(m, "filesha256", bytes -> digest("SHA-256", bytes));
        ofFile(m, "filesha512", bytes -> digest("SHA-512", bytes));
        ofFile(m, "fileblake3", Blake3::hash);
    }

    /** {@code name(value: str, encoding: str = "utf-8") -> str}. */
    private static void ofText(Map<String, Value> m, String name, Function<byte[], byte[]> digest) {
        SystemModules.fn(m, "crypto", name, a -> {
            String encoding = a.optStr(1, "encoding", "utf-8");
            byte[] bytes = a.str(0, "value").getBytes(charset(a, encoding));
            return new Value.Str(HexFormat.of().formatHex(digest.apply(bytes)));
        });
    }

    /** {@code name(filepath: str) -> str}: the digest of a file of the project. */
    private static void ofFile(Map<String, Value> m, String name, Function<byte[], byte[]> digest) {
        SystemModules.fn(m, "crypto", name, a -> new Value.Str(HexFormat.of().formatHex(
                digest.apply(ProjectFiles.readBytes(a, a.str(0, "filepath"))))));
    }

    private static Charset charset(Args a, String name) {
        if (name.equalsIgnoreCase("utf-8") || name.equalsIgnoreCase("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw a.bad("unknown encoding `" + name + "`")
                    .withHint("`utf-8` is the default; others are named as in `utf-16le`, `iso-8859-1` or `gbk`");
        }
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
