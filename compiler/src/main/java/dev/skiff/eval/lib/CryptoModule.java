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

    static void register(Namespace ns) {
        for (String[] alg : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}, {"sha224", "SHA-224"},
                {"sha256", "SHA-256"}, {"sha384", "SHA-384"}, {"sha512", "SHA-512"}}) {
            Function<byte[], byte[]> digest = bytes -> digest(alg[1], bytes);
            ofText(ns, alg[0], digest);
        }
        ofText(ns, "blake3", Blake3::hash);
        ofFile(ns, "filesha256", bytes -> digest("SHA-256", bytes));
        ofFile(ns, "filesha512", bytes -> digest("SHA-512", bytes));
        ofFile(ns, "fileblake3", Blake3::hash);
    }

    /** The digest of a string's bytes. */
    private static void ofText(Namespace ns, String name, Function<byte[], byte[]> digest) {
        ns.fn(name + "(value: str, encoding: str = \"utf-8\") -> str", "The " + name.toUpperCase(java.util.Locale.ROOT)
                + " digest of the string's bytes in `encoding`, in lowercase hex.", a -> {
            String encoding = a.optStr(1, "utf-8");
            byte[] bytes = a.str(0).getBytes(charset(a, encoding));
            return new Value.Str(HexFormat.of().formatHex(digest.apply(bytes)));
        });
    }

    /** The digest of a file of the project. */
    private static void ofFile(Namespace ns, String name, Function<byte[], byte[]> digest) {
        String algorithm = name.substring("file".length()).toUpperCase(java.util.Locale.ROOT);
        ns.fn(name + "(filepath: str) -> str", "The " + algorithm + " digest of a file of the project, in lowercase hex.", a -> new Value.Str(HexFormat.of().formatHex(
                digest.apply(ProjectFiles.readBytes(a, a.str(0))))));
    }

    /** A character set by name, or an error naming it; the encodings KCL accepts are Java's too. */
    static Charset charset(Args a, String name) {
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
