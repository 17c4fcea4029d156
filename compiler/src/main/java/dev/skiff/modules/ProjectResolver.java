package dev.skiff.modules;

import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.SourceUnit;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Resolves imports the way KCL does: system modules by name, {@code skiff.*} from the stdlib shipped on the
 * classpath, local dependencies declared in {@code kcl.mod}, relative imports ({@code .sub}, {@code ..up})
 * from the importing file's directory, and absolute imports from the project root. A module is either a
 * file {@code a/b/c.k} or a directory {@code a/b/c/} whose {@code .k} files (except {@code *_test.k}) form
 * one module. Parsed packages are cached for the life of this resolver, which belongs to one compilation.
 */
public final class ProjectResolver implements ModuleResolver {
    /** KCL's system modules; the evaluator implements them. */
    public static final Set<String> SYSTEM_MODULES = Set.of("base32", "base64", "collection", "crypto", "datetime", "file",
            "json", "manifests", "math", "net", "regex", "runtime", "template", "units", "uuid", "yaml");

    private static final String STDLIB_PREFIX = "skiff.";

    private final Project project;
    private final Path displayBase;
    private final Map<String, Resolution> cache = new HashMap<>();
    private final PackageRoots roots;

    /**
     * @param displayBase files under it are named relative to it in messages (usually the working directory)
     */
    public ProjectResolver(Project project, Path displayBase) {
        this.project = project;
        this.displayBase = displayBase.toAbsolutePath().normalize();
        this.roots = new PackageRoots(project);
    }

    private Map<Path, String> overlay = Map.of();
    private ParseCache parser = ParseCache.NONE;

    /** Files are parsed through {@code cache} (an editor's, kept across compilations). */
    public ProjectResolver withParseCache(ParseCache cache) {
        this.parser = cache == null ? ParseCache.NONE : cache;
        return this;
    }

    /** Texts that stand in for main files on disk (an editor's unsaved buffers). */
    public ProjectResolver withOverlay(Map<Path, String> texts) {
        this.overlay = Map.copyOf(texts);
        return this;
    }

    public Project project() {
        return project;
    }

    @Override
    public Resolution resolve(String path, SourceFile from) {
        if (path.isEmpty() || path.endsWith(".") && !path.chars().allMatch(c -> c == '.')) {
            return new Resolution.NotFound("`" + path + "` is not a module path");
        }
        if (!path.startsWith(".") && SYSTEM_MODULES.contains(path)) {
            return new Resolution.Builtin(path);
        }
        if (path.startsWith(STDLIB_PREFIX)) {
            return cache.computeIfAbsent(path, this::loadStdlib);
        }
        Path target;
        if (path.startsWith(".")) {
            int dots = 0;
            while (dots < path.length() && path.charAt(dots) == '.') {
                dots++;
            }
            Path base = fileDirectory(from);
            if (base == null) {
                return new Resolution.NotFound("a relative import needs the importing file to be on disk");
            }
            for (int i = 1; i < dots; i++) {
                base = base.getParent();
                if (base == null) {
                    return new Resolution.NotFound("`" + path + "` goes above the file system root");
                }
            }
            String rest = path.substring(dots);
            target = rest.isEmpty() ? base : base.resolve(rest.replace('.', '/'));
        } else {
            // as in KCL, an absolute import resolves in the package of the importing file: the main project, or
            // the dependency the file belongs to, with that package's own dependencies
            PackageRoots.Root owner = roots.owner(fileDirectory(from));
            String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            Path dep = owner.dependencies().get(first);
            if (dep != null) {
                String rest = path.length() > first.length() ? path.substring(first.length() + 1) : "";
                target = rest.isEmpty() ? dep : dep.resolve(rest.replace('.', '/'));
            } else {
                target = owner.root().resolve(path.replace('.', '/'));
            }
        }
        target = target.toAbsolutePath().normalize();
        String canonical = canonicalName(target);
        Path finalTarget = target;
        return cache.computeIfAbsent(canonical, c -> loadFromDisk(path, c, finalTarget));
    }

    /** Parses the given main files (several files form one module). */
    public Result<List<SourceUnit>> loadMain(List<Path> files) {
        List<SourceUnit> units = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (Path f : files) {
            String unsaved = overlay.get(f.toAbsolutePath().normalize());
            SourceReader.Read read = unsaved != null
                    ? new SourceReader.Read(SourceFile.of(f.toAbsolutePath().normalize(), displayName(f), unsaved), null)
                    : SourceReader.read(f, displayName(f));
            if (read.problem() != null) {
                problems.add(read.problem());
                continue;
            }
            Result<SourceUnit> parsed = parser.parse(read.file());
            problems.addAll(parsed.diagnostics());
            if (parsed.value() != null) {
                units.add(parsed.value());
            }
        }
        return Result.of(units, problems);
    }

    /** The {@code .k} files that make up a package directory, in name order (tests excluded). */
    public static List<Path> moduleFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p))
                    .filter(p -> p.getFileName().toString().endsWith(".k"))
                    .filter(p -> !p.getFileName().toString().endsWith("_test.k"))
                    .sorted()
                    .toList();
        }
    }

    public String displayName(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(displayBase)) {
            return displayBase.relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString();
    }

    private Resolution loadFromDisk(String written, String canonical, Path target) {
        List<Path> files;
        Path asFile = target.getFileName() == null ? target : target.resolveSibling(target.getFileName() + ".k");
        try {
            if (Files.isDirectory(target)) {
                files = moduleFiles(target);
                if (files.isEmpty()) {
                    return new Resolution.NotFound("directory `" + displayName(target) + "` has no `.k` files");
                }
            } else if (Files.isRegularFile(asFile)) {
                files = List.of(asFile);
            } else {
                return new Resolution.NotFound("found neither `" + displayName(asFile) + "` nor a directory `"
                        + displayName(target) + "`");
            }
            for (Path f : files) {
                if (!inside(f)) {
                    return new Resolution.NotFound("imports load only packages of the project (the directory of"
                            + " `kcl.mod`, or of the main file) and of the dependencies `kcl.mod` declares", true);
                }
            }
        } catch (IOException e) {
            return new Resolution.NotFound("cannot list `" + displayName(target) + "`: " + e.getMessage());
        }
        Result<List<SourceUnit>> loaded = loadMain(files);
        return new Resolution.Package(canonical, loaded.value(), loaded.diagnostics());
    }

    /**
     * Whether a file lies inside the project or one of its declared dependencies, also once symbolic links
     * are followed: the rule the {@code file} functions keep for what a program reads.
     */
    private boolean inside(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path real = abs.toRealPath();
        List<Path> roots = new ArrayList<>();
        roots.add(project.root());
        roots.addAll(project.dependencies().values());
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            if (abs.startsWith(r) && Files.exists(r) && real.startsWith(r.toRealPath())) {
                return true;
            }
        }
        return false;
    }

    private Resolution loadStdlib(String path) {
        String resource = path.replace('.', '/') + ".k";
        ClassLoader loader = ProjectResolver.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return new Resolution.NotFound("the stdlib has no module `" + path + "`");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            SourceFile file = new SourceFile(URI.create("skiff-stdlib:/" + resource), "<stdlib>/" + resource, text);
            Result<SourceUnit> parsed = parser.parse(file);
            List<SourceUnit> units = parsed.value() == null ? List.of() : List.of(parsed.value());
            return new Resolution.Package(path, units, parsed.diagnostics());
        } catch (IOException e) {
            return new Resolution.NotFound("cannot read stdlib module `" + path + "`: " + e.getMessage());
        }
    }

    private String canonicalName(Path target) {
        PackageRoots.Root owner = roots.owner(target);
        if (target.startsWith(owner.root())) {
            Path rel = owner.root().relativize(target);
            if (owner.name() == null) {
                return rel.toString().isEmpty() ? "__main__" : dotted(null, rel);
            }
            return dotted(owner.name(), rel);
        }
        return target.toString();
    }

    private static String dotted(String prefix, Path rel) {
        StringBuilder sb = new StringBuilder(prefix == null ? "" : prefix);
        for (Path part : rel) {
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static Path fileDirectory(SourceFile from) {
        if (from == null || !"file".equals(from.uri().getScheme())) {
            return null;
        }
        return Path.of(from.uri()).getParent();
    }
}
