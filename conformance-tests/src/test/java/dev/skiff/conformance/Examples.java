package dev.skiff.conformance;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.validate.Manifest;
import dev.skiff.Skiff;
import dev.skiff.modules.Environments;
import dev.skiff.modules.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The examples under {@code examples/}, each built as {@code skiff build examples/NAME} does: once, or, when
 * its {@code kcl.mod} declares environments, once per environment (with {@code -D env=NAME}).
 */
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

    /** One build of an example: for one of its environments, or (null) for an example that declares none. */
    record Case(Path dir, String environment) {
        String name() {
            return dir.getFileName() + (environment == null ? "" : " [" + environment + "]");
        }

        /** The output checked in beside it: {@code expected.yaml}, or {@code expected/<env>.yaml}. */
        Path expected() {
            return environment == null ? dir.resolve("expected.yaml") : dir.resolve("expected").resolve(environment + ".yaml");
        }
    }

    /** Every build of every example. */
    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (Path dir : all()) {
            List<String> environments = Environments.of(Project.discover(dir.resolve("main.k")).value()).value();
            if (environments.isEmpty()) {
                out.add(new Case(dir, null));
            }
            environments.forEach(env -> out.add(new Case(dir, env)));
        }
        return out;
    }

    /** The example's package (all its {@code .k} files) compiled, and its Kubernetes objects validated. */
    record Built(Compilation compilation, List<Manifest> objects) {
    }

    static Built build(Case c) {
        CompileRequest request = CompileRequest.of(c.dir()).withWorkDir(root()).withValidation(true);
        if (c.environment() != null) {
            request = request.withOptions(Map.of(Environments.OPTION, c.environment()));
        }
        Compilation compiled = Skiff.compile(request);
        return new Built(compiled, compiled.manifests());
    }
}
