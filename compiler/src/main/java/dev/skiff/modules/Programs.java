package dev.skiff.modules;

import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The programs below a directory, for commands that take a whole repository ({@code skiff check .},
 * {@code skiff build deploy/}). A program is a package, the {@code .k} files of one directory, or, where a
 * {@code kcl.mod} names {@code [profile] entries}, those entry files. A project (a {@code kcl.mod} with
 * entries or with {@code .k} files of its own) is one program: the packages below it are its libraries,
 * compiled through its imports, not on their own (which would emit their objects twice). A file that some
 * project names as an entry belongs to that project's program only, so the parts of an overlay
 * ({@code ../base/base.k}) are not compiled alone as well. A {@code kcl.mod} deeper down starts a project of
 * its own. The search skips what {@link IgnoreRules} leaves out and does not follow symbolic
 * links to directories.
 */
public final class Programs {
    private Programs() {
    }

    /**
     * One program.
     *
     * @param dir   the directory it was found in (its package, or its project's root)
     * @param files its files in compilation order
     */
    public record Program(Path dir, List<Path> files) {
        public Program {
            files = List.copyOf(files);
        }
    }

    /** Every program below {@code dir} (itself included), in path order; problems reading a kcl.mod are reported. */
    public static Result<List<Program>> below(Path dir) throws IOException {
        Map<Path, List<Path>> packages = new LinkedHashMap<>();
        List<Program> projects = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        Path start = dir.toAbsolutePath().normalize();
        walk(start, IgnoreRules.at(start), false, packages, projects, problems);
        Set<Path> claimed = new HashSet<>();
        for (Program p : projects) {
            claimed.addAll(p.files());
        }
        List<Program> out = new ArrayList<>(projects);
        for (Map.Entry<Path, List<Path>> e : packages.entrySet()) {
            boolean isProject = projects.stream().anyMatch(p -> p.dir().equals(e.getKey()));
            if (!isProject && e.getValue().stream().noneMatch(claimed::contains)) {
                out.add(new Program(e.getKey(), e.getValue()));
            }
        }
        out.sort(java.util.Comparator.comparing(Program::dir));
        return Result.of(out, problems);
    }

    /** The files a directory argument stands for: its project's entries when it is a root that names them, else its {@code .k} files. */
    public static Result<List<Path>> ofDirectory(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isRegularFile(abs.resolve(Project.MOD_FILE))) {
            Result<Project> project = Project.read(abs);
            if (!project.value().entries().isEmpty()) {
                return Result.of(project.value().entries(), project.diagnostics());
            }
        }
        return Result.ok(ProjectResolver.moduleFiles(abs));
    }

    /** Every {@code .k} file below {@code dir} that the search does not leave out (for {@code skiff fmt}), in path order. */
    public static List<Path> sourceFiles(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        collectSources(dir, IgnoreRules.at(dir), out);
        return out;
    }

    private static void collectSources(Path dir, IgnoreRules rules, List<Path> out) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(children::add);
        }
        children.sort(null);
        for (Path c : children) {
            boolean isDir = Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS);
            if (rules.ignores(c, isDir)) {
                continue;
            }
            if (isDir) {
                collectSources(c, rules.enter(c), out);
            } else if (c.getFileName().toString().endsWith(".k") && Files.isRegularFile(c)) {
                out.add(c);
            }
        }
    }

    private static void walk(Path dir, IgnoreRules rules, boolean inProject, Map<Path, List<Path>> packages,
                             List<Program> projects, List<Diagnostic> problems) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(children::add);
        }
        children.sort(null);
        List<Path> sources = new ArrayList<>();
        List<Path> subdirs = new ArrayList<>();
        for (Path c : children) {
            boolean isDir = Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS);
            if (rules.ignores(c, isDir)) {
                continue;
            }
            String name = c.getFileName().toString();
            if (isDir) {
                subdirs.add(c);
            } else if (name.endsWith(".k") && !name.endsWith("_test.k") && Files.isRegularFile(c)) {
                sources.add(c);
            }
        }
        boolean hasMod = Files.isRegularFile(dir.resolve(Project.MOD_FILE));
        boolean library = inProject && !hasMod; // a kcl.mod deeper down starts a project of its own
        boolean owns = library;
        if (hasMod) {
            Result<Project> project = Project.read(dir);
            problems.addAll(project.diagnostics());
            if (!project.value().entries().isEmpty()) {
                projects.add(new Program(dir, project.value().entries()));
                owns = true;
            } else if (!sources.isEmpty()) {
                owns = true;
            }
        }
        if (!sources.isEmpty() && !library) {
            packages.put(dir, sources);
        }
        for (Path d : subdirs) {
            walk(d, rules.enter(d), owns, packages, projects, problems);
        }
    }
}
