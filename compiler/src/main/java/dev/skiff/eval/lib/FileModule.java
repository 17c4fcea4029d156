package dev.skiff.eval.lib;

import dev.skiff.diag.Code;
import dev.skiff.eval.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code file} module. Every path is relative to the project root and must stay inside the project
 * ({@link ProjectFiles}); functions that change files do so only when the compilation carries writes out.
 */
final class FileModule {
    /** How deep {@code **} in a glob pattern looks below its base directory. */
    private static final int GLOB_DEPTH = 32;

    private FileModule() {
    }

    static void register(Namespace ns) {
        ns.fn("read(filepath: str) -> str",
                "The text of a file of the project, read as UTF-8.",
                        a -> new Value.Str(ProjectFiles.readString(a, a.str(0))));
        ns.fn("exists(filepath: str) -> bool",
                "Whether a file or directory of the project exists at the path.",
                        a -> Value.Bool.of(Files.exists(ProjectFiles.resolve(a, a.str(0)))));
        ns.fn("abs(filepath: str) -> str",
                "The absolute path of a path of the project.",
                        a -> new Value.Str(ProjectFiles.resolve(a, a.str(0)).toString()));
        ns.fn("size(filepath: str) -> int",
                "The size of a file of the project, in bytes.", a -> {
            String path = a.str(0);
            try {
                return new Value.Int(Files.size(ProjectFiles.resolve(a, path)));
            } catch (IOException e) {
                throw ProjectFiles.failed(a, "get the size of", path, e);
            }
        });
        // the directory relative paths start from; Skiff resolves them against the project root wherever it runs
        ns.fn("workdir() -> str",
                "The directory relative paths start from: the project's root.", a -> new Value.Str(root(a).toString()));
        ns.fn("modpath() -> str",
                "The project's root directory, where its `kcl.mod` is.", a -> new Value.Str(root(a).toString()));
        ns.fn("current() -> str",
                "The path of the file this call is written in.", a -> new Value.Str(currentFile(a)));
        ns.fn("glob(pattern: str) -> [str]",
                "The paths of the project's files matching a glob pattern (`*`, `?`, `[abc]`, `**`), sorted.",
                        FileModule::glob);
        ns.fn("read_env(key: str) -> str | None",
                "The value of an environment variable, or Undefined when it is not set.", a -> {
            String value = System.getenv(a.str(0));
            return value == null ? Value.Undefined.UNDEFINED : new Value.Str(value);
        });
        ns.fn("write(filepath: str, content: str) -> None",
                "Replaces the content of a file of the project with the text (when the run writes files).", a -> {
            ProjectFiles.write(a, a.str(0), a.str(1));
            return Value.None.NONE;
        });
        ns.fn("mkdir(directory: str, exists: bool = False) -> None",
                "Makes a directory of the project, with its parents; `exists=True` also accepts a file already at "
                        + "that path.", FileModule::mkdir);
        ns.fn("delete(filepath: str) -> None",
                "Deletes a file or an empty directory of the project.", a -> {
            String path = a.str(0);
            Path p = ProjectFiles.resolve(a, path);
            if (p.equals(root(a))) {
                throw a.ctx().error(Code.E0511, "`file.delete` cannot delete the project's own directory");
            }
            ProjectFiles.change(a, "delete", path, () -> Files.delete(p));
            return Value.None.NONE;
        });
        ns.fn("cp(src: str, dest: str) -> None",
                "Copies a file, or a directory with everything in it, within the project.", a -> {
            String src = a.str(0);
            Path from = ProjectFiles.resolve(a, src);
            Path to = ProjectFiles.resolve(a, a.str(1));
            ProjectFiles.change(a, "copy", src, () -> copy(from, to));
            return Value.None.NONE;
        });
        ns.fn("mv(src: str, dest: str) -> None",
                "Moves a file or a directory within the project.", a -> {
            String src = a.str(0);
            Path from = ProjectFiles.resolve(a, src);
            Path to = ProjectFiles.resolve(a, a.str(1));
            ProjectFiles.change(a, "move", src, () -> Files.move(from, to, StandardCopyOption.REPLACE_EXISTING));
            return Value.None.NONE;
        });
    }

    private static Path root(Args a) {
        return a.ctx().projectRoot().toAbsolutePath().normalize();
    }

    /** The file the call is written in: a path for a file on disk, else the name it was given. */
    private static String currentFile(Args a) {
        var file = a.ctx().span().file();
        return "file".equals(file.uri().getScheme()) ? Path.of(file.uri()).toString() : file.name();
    }

    /**
     * {@code mkdir(directory, exists=False)}: makes the directory and its parents; as in KCL an existing
     * directory is fine, and {@code exists=True} also accepts a file already at that path.
     */
    private static Value mkdir(Args a) {
        String path = a.str(0);
        Path dir = ProjectFiles.resolve(a, path);
        boolean existsOk = a.bool(1, false);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            if (existsOk) {
                return Value.None.NONE;
            }
            throw a.ctx().error(Code.E0511, "cannot make the directory `" + path + "`: a file is already there")
                    .withHint("pass `exists=True` to accept what is there");
        }
        ProjectFiles.change(a, "make the directory", path, () -> Files.createDirectories(dir));
        return Value.None.NONE;
    }

    /** A file, or a directory with everything in it. */
    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * The files matching a pattern, sorted. The pattern is split at its first component with a wildcard: the
     * part before names a directory inside the project, and matches are written as that part followed by the
     * rest of their path ({@code ./*.json} gives {@code ./a.json}, as KCL gives it).
     */
    private static Value glob(Args a) {
        String pattern = a.str(0);
        String[] parts = pattern.split("/", -1);
        int literal = 0;
        while (literal < parts.length - 1 && !hasWildcard(parts[literal])) {
            literal++;
        }
        String base = String.join("/", java.util.Arrays.copyOfRange(parts, 0, literal));
        String rest = String.join("/", java.util.Arrays.copyOfRange(parts, literal, parts.length));
        java.util.regex.Pattern matcher;
        try {
            matcher = GlobPattern.compile(rest);
        } catch (IllegalArgumentException e) {
            throw a.bad("`file.glob`: the pattern `" + pattern + "` is malformed: " + e.getMessage());
        }
        Path dir = ProjectFiles.resolve(a, base.isEmpty() && pattern.startsWith("/") ? "/" : base);
        if (rest.isEmpty() || !Files.isDirectory(dir)) {
            return new Value.ListV(rest.isEmpty() && Files.exists(dir) ? List.of(new Value.Str(pattern)) : List.of());
        }
        int depth = rest.contains("**") ? GLOB_DEPTH : rest.split("/").length;
        String prefix = base.isEmpty() ? (pattern.startsWith("/") ? "/" : "") : base + "/";
        List<Value> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, depth)) {
            s.filter(p -> !p.equals(dir))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> matcher.matcher(p).matches())
                    .sorted()
                    .forEach(p -> out.add(new Value.Str(prefix + p)));
        } catch (IOException e) {
            throw ProjectFiles.failed(a, "list the files of", base.isEmpty() ? "." : base, e);
        }
        return new Value.ListV(out);
    }

    private static boolean hasWildcard(String component) {
        return component.chars().anyMatch(c -> c == '*' || c == '?' || c == '[');
    }
}
