package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.Value;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The {@code file} module: reads only inside the project. */
final class FileModule {
    private FileModule() {
    }

    private static Path inside(Args a, String p) {
        Path root = a.ctx().projectRoot().toAbsolutePath().normalize();
        Path target = root.resolve(p).toAbsolutePath().normalize();
        if (!target.startsWith(root)) {
            throw a.ctx().error(Code.E0511, "`" + p + "` is outside the project; Skiff reads files only inside "
                    + "the project's directory").withHint("the project is the directory of `kcl.mod`, or of the main file");
        }
        return target;
    }

    static void register(Map<String, Value> m) {
        SystemModules.fn(m, "file", "read", a -> {
            Path p = inside(a, a.str(0, "filepath"));
            try {
                if (Files.size(p) > 16L << 20) {
                    throw a.ctx().error(Code.E0509, "`" + a.str(0, "filepath") + "` is larger than 16 MiB");
                }
                return new Value.Str(Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw a.ctx().error(Code.E0511, "cannot read `" + a.str(0, "filepath") + "`: " + e.getMessage());
            }
        });
        SystemModules.fn(m, "file", "exists", a -> Value.Bool.of(Files.exists(inside(a, a.str(0, "filepath")))));
        SystemModules.fn(m, "file", "abs", a -> new Value.Str(inside(a, a.str(0, "filepath")).toString()));
        SystemModules.fn(m, "file", "workdir", a -> new Value.Str(a.ctx().projectRoot().toAbsolutePath().toString()));
        SystemModules.fn(m, "file", "modpath", a -> new Value.Str(a.ctx().projectRoot().toAbsolutePath().toString()));
        SystemModules.fn(m, "file", "glob", a -> {
            Path root = a.ctx().projectRoot().toAbsolutePath().normalize();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + a.str(0, "pattern"));
            List<Value> out = new ArrayList<>();
            try (Stream<Path> s = Files.walk(root, 16)) {
                s.filter(p -> matcher.matches(root.relativize(p))).sorted()
                        .forEach(p -> out.add(new Value.Str(root.relativize(p).toString())));
            } catch (IOException e) {
                throw a.ctx().error(Code.E0511, "cannot list files: " + e.getMessage());
            }
            return new Value.ListV(out);
        });
    }
}
