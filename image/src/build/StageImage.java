import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Lays out the container image's file system in a directory, for Jib to pack onto an empty base: no base image is
 * pulled (the build reaches no registry). Run by the build with the JDK the toolchain selected
 * ({@code java StageImage.java DIST ROOT MODE}), whose {@code jlink} makes the runtime.
 *
 * <ul>
 *   <li>{@code /opt/skiff}: the distribution (bin/skiff, lib/skiff.jar, examples);</li>
 *   <li>{@code /opt/java}: a Java runtime of the modules Skiff needs, linked from this JDK;</li>
 *   <li>the C libraries the runtime and the shell load, copied from this machine (Debian's packages on the
 *       build machines), and {@code /bin/sh} for the launcher and Argo CD's plugin commands;</li>
 *   <li>{@code /opt/skiff/lib/skiff.aot}: the JVM's AOT cache, recorded by building an example with the staged
 *       runtime and jar, so that the container starts from it;</li>
 *   <li>{@code /etc/passwd} and {@code /etc/group} with the unprivileged users {@code skiff} (65532) and
 *       {@code nobody} (65534), and a {@code /tmp}.</li>
 * </ul>
 * EMPTY_DIR, when given, is created: Jib refuses to run without a classes directory, and the image module has
 * none. MODE {@code layout} stages only the distribution and the files under {@code /etc}: an image with the same
 * configuration that builds in a second, for tests of that configuration.
 */
public final class StageImage {
    /** The modules Skiff needs (jdeps also names java.desktop and java.sql: optional, unused paths). */
    static final String MODULES = "java.base,java.logging,jdk.unsupported";
    /** Jib's modification time for every file: the AOT cache checks the jar's, so training must see the same. */
    static final FileTime JIB_TIME = FileTime.fromMillis(1000);
    /** The options the launcher starts the JVM with that the AOT cache must match. */
    static final List<String> JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4 || !Set.of("full", "layout").contains(args[2])) {
            System.err.println("usage: java StageImage.java DIST_DIR ROOT_DIR full|layout [EMPTY_DIR]");
            System.exit(2);
        }
        Path dist = Path.of(args[0]).toAbsolutePath();
        Path root = Path.of(args[1]).toAbsolutePath();
        boolean full = args[2].equals("full");
        if (args.length == 4) {
            Files.createDirectories(Path.of(args[3])); // Jib wants a classes directory, even an empty one
        }
        deleteTree(root);
        Files.createDirectories(root);
        copyTree(dist, root.resolve("opt/skiff"));
        etc(root);
        if (full) {
            runtime(root.resolve("opt/java"));
            Set<Path> binaries = new TreeSet<>();
            binaries.add(Path.of("/bin/sh").toRealPath());
            try (Stream<Path> s = Files.walk(root.resolve("opt/java"))) {
                s.filter(p -> Files.isRegularFile(p) && (p.toString().endsWith(".so") || p.getParent().endsWith("bin")))
                        .forEach(binaries::add);
            }
            for (Path lib : libraries(binaries)) {
                copyFile(lib, root.resolve(lib.toString().substring(1)));
            }
            copyFile(Path.of("/bin/sh").toRealPath(), root.resolve("bin/sh"));
            aotCache(root);
        }
        System.out.println("staged the image's files (" + args[2] + ") in " + root);
    }

    /** Users: {@code skiff} runs the image; kustomize and kpt run functions as {@code nobody}, looked up here. */
    private static void etc(Path root) throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/passwd"), """
                root:x:0:0:root:/root:/sbin/nologin
                skiff:x:65532:65532:skiff:/tmp:/sbin/nologin
                nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin
                """, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("etc/group"), """
                root:x:0:
                skiff:x:65532:
                nogroup:x:65534:
                """, StandardCharsets.UTF_8);
        Files.createDirectories(root.resolve("tmp"));
    }

    private static void runtime(Path out) {
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IllegalStateException("this JDK has no jlink: " + System.getProperty("java.home")));
        int rc = jlink.run(System.out, System.err, "--add-modules", MODULES, "--strip-debug", "--no-header-files",
                "--no-man-pages", "--output", out.toString());
        if (rc != 0) {
            throw new IllegalStateException("jlink failed with exit code " + rc);
        }
    }

    /** The shared libraries the binaries load (ldd's answer), the dynamic loader included, as real files. */
    private static Set<Path> libraries(Set<Path> binaries) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ldd"));
        binaries.forEach(b -> cmd.add(b.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        Set<Path> libs = new TreeSet<>();
        for (String line : out.lines().toList()) {
            String t = line.strip();
            // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" and "/lib64/ld-linux-x86-64.so.2 (0x...)"
            int arrow = t.indexOf("=> /");
            String path = arrow >= 0 ? t.substring(arrow + 3) : t.startsWith("/") ? t : null;
            if (path != null) {
                path = path.replaceAll(" \\(0x[0-9a-f]+\\)$", "");
                Path lib = Path.of(path);
                if (Files.exists(lib)) {
                    libs.add(lib);
                }
            }
        }
        // libraries of the runtime itself (libjli, libjvm) are already there; copy only the system's
        libs.removeIf(l -> l.toString().contains("/opt/java/"));
        return libs;
    }

    /** Records a build of an example with the staged runtime and jar, then creates the AOT cache from it. */
    private static void aotCache(Path root) throws IOException, InterruptedException {
        Path java = root.resolve("opt/java/bin/java");
        Path jar = root.resolve("opt/skiff/lib/skiff.jar");
        Files.setLastModifiedTime(jar, JIB_TIME);
        Path work = Files.createTempDirectory("skiff-aot");
        Path config = work.resolve("skiff.aotconf");
        Path cache = root.resolve("opt/skiff/lib/skiff.aot");
        List<String> record = new ArrayList<>(List.of(java.toString(), "-XX:AOTMode=record",
                "-XX:AOTConfiguration=" + config));
        record.addAll(JVM);
        record.addAll(List.of("-Xlog:aot=off", "-jar", jar.toString(), "build",
                root.resolve("opt/skiff/examples/app-environments").toString()));
        run(record, work);
        List<String> create = new ArrayList<>(List.of(java.toString(), "-XX:AOTMode=create",
                "-XX:AOTConfiguration=" + config, "-XX:AOTCache=" + cache));
        create.addAll(JVM);
        create.addAll(List.of("-Xlog:aot=off", "-jar", jar.toString()));
        run(create, work);
        deleteTree(work);
        if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
            throw new IllegalStateException("the JVM made no AOT cache");
        }
    }

    private static void run(List<String> cmd, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", cmd) + "\n" + err);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    copyFile(p, target);
                }
            }
        }
    }

    private static void copyFile(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        if (Files.isExecutable(from)) {
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
