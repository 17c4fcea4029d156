package dev.skiff.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engines the integration tests run Skiff under (helm, kubectl's kustomize, kpt): found in
 * {@code $SKIFF_TOOLS_DIR} (where {@code .ci/run} installs them) or on {@code PATH}. A test whose engine is
 * missing is skipped, and says which one.
 */
final class Tools {
    private Tools() {
    }

    static Optional<Path> find(String name) {
        List<String> dirs = new ArrayList<>();
        String tools = System.getenv("SKIFF_TOOLS_DIR");
        if (tools != null && !tools.isBlank()) {
            dirs.add(tools);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        for (String d : dirs) {
            Path p = Path.of(d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** A {@code skiff} command for engines to call: a script that runs the packaged jar on this JVM. */
    static Path skiffScript(Path dir) throws java.io.IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("skiff");
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -jar '" + System.getProperty("skiff.jar") + "' \"$@\"\n");
        script.toFile().setExecutable(true);
        return script;
    }
}
