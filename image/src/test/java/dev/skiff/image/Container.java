package dev.skiff.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command inside an unpacked image as a container runtime would, without one: in a new mount and PID
 * namespace with its own {@code /proc}, {@code chroot}ed to the image's file system, as the image's user, with
 * exactly the image's environment (plus what the caller adds) and working directory. Needs root and
 * {@code unshare}; {@link #available()} says whether this machine has them.
 */
record Container(Path root, String user, Map<String, String> environment, String workingDir) {
    /** What a process did. */
    record Run(int exit, String out, String err) {
    }

    static boolean available() {
        try {
            Process id = new ProcessBuilder("id", "-u").start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            id.waitFor(10, TimeUnit.SECONDS);
            Process un = new ProcessBuilder(host("unshare"), "--mount", "--pid", "--fork", "true").start();
            return uid.equals("0") && un.waitFor(10, TimeUnit.SECONDS) && un.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String host(String tool) {
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return dir + "/" + tool;
            }
        }
        return tool;
    }

    Run run(String stdin, List<String> command) throws IOException, InterruptedException {
        // the host's tools by full path: the environment below is the image's, whose PATH means nothing here
        List<String> cmd = new ArrayList<>(List.of(host("unshare"), "--mount", "--pid", "--fork",
                "--mount-proc=" + root.resolve("proc"), host("chroot"), "--userspec=" + user, root.toString(),
                // chroot starts in /: the working directory is the image's, set by its own shell
                "/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", workingDir));
        cmd.addAll(command);
        Files.createDirectories(root.resolve("proc"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(environment);
        Path in = Files.createTempFile("stdin", ".txt");
        try {
            Files.writeString(in, stdin == null ? "" : stdin, StandardCharsets.UTF_8);
            pb.redirectInput(in.toFile());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the container did not finish in 120 s: " + command);
            }
            return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(in);
        }
    }
}
