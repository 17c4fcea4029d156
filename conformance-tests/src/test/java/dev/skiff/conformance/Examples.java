package dev.skiff.conformance;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.validate.Manifest;
import dev.skiff.Skiff;
import dev.skiff.diag.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The examples under {@code examples/}, each built as {@code skiff build examples/NAME} does. */
final class Examples {
    private Examples() {
    }

    static Path root() {
        return Path.of(System.getProperty("skiff.repo", "..")).resolve("examples").toAbsolutePath().normalize();
    }

    static List<Path> all() throws IOException {
        try (Stream<Path> s = Files.list(root())) {
            return s.filter(d -> Files.isRegularFile(d.resolve("main.k"))).sorted().toList();
        }
    }

    /** The example's package (all its {@code .k} files) compiled, and its Kubernetes objects validated. */
    record Built(Compilation compilation, List<Manifest> objects) {
    }

    static Built build(Path example) {
        Compilation c = Skiff.compile(CompileRequest.of(example).withWorkDir(root()).withValidation(true));
        return new Built(c, c.manifests());
    }
}
