package dev.skiff.packages;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Unpacks a package archive, a tar file gzipped or not (KCL pushed plain tars first and gzipped ones later), with
 * POSIX (pax) and GNU long names. Only directories and regular files are written; links, devices and any entry
 * whose path would leave the target directory are refused, so an archive cannot write outside the package.
 */
final class TarArchive {
    private TarArchive() {
    }

    static void extract(byte[] archive, Path into) throws IOException {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(archive));
        if (archive.length > 2 && (archive[0] & 0xff) == 0x1f && (archive[1] & 0xff) == 0x8b) {
            in = new BufferedInputStream(new GZIPInputStream(new ByteArrayInputStream(archive)));
        }
        Path root = into.toAbsolutePath().normalize();
        Files.createDirectories(root);
        byte[] header = new byte[512];
        String longName = null;
        while (readFully(in, header)) {
            if (isZero(header)) {
                break;
            }
            String name = longName != null ? longName : name(header);
            longName = null;
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            byte[] body = in.readNBytes((int) size);
            if (body.length != size) {
                throw new IOException("the archive ends inside `" + name + "`");
            }
            in.skipNBytes((512 - size % 512) % 512);
            switch (type) {
                case 'L' -> longName = cString(body);
                case 'x' -> longName = paxPath(body);
                case 'g' -> { }
                case '5' -> Files.createDirectories(inside(root, name));
                case '0', '\0', '7' -> {
                    Path target = inside(root, name);
                    Files.createDirectories(target.getParent());
                    Files.write(target, body);
                }
                default -> throw new IOException("the archive holds `" + name + "`, which is neither a file nor a directory");
            }
        }
    }

    private static Path inside(Path root, String name) throws IOException {
        Path p = root.resolve(name.replaceFirst("^(\\./)+", "")).normalize();
        if (!p.startsWith(root) || name.startsWith("/")) {
            throw new IOException("the archive's entry `" + name + "` would be written outside the package");
        }
        return p;
    }

    private static String name(byte[] h) {
        String name = cString(java.util.Arrays.copyOfRange(h, 0, 100));
        String magic = new String(h, 257, 5, StandardCharsets.US_ASCII);
        String prefix = magic.equals("ustar") ? cString(java.util.Arrays.copyOfRange(h, 345, 500)) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        for (String record : text.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 6);
            }
        }
        return null;
    }

    private static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int off, int len) throws IOException {
        if ((h[off] & 0x80) != 0) {
            throw new IOException("the archive holds a file too large to be a package source");
        }
        String s = new String(h, off, len, StandardCharsets.US_ASCII).replace("\0", "").strip();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readFully(InputStream in, byte[] b) throws IOException {
        int n = in.readNBytes(b, 0, b.length);
        if (n == 0) {
            return false;
        }
        if (n != b.length) {
            throw new IOException("the archive is truncated");
        }
        return true;
    }
}
