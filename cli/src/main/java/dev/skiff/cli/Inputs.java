package dev.skiff.cli;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.modules.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the paths given to {@code check} and {@code build} stand for. A directory stands for every program
 * below it ({@link Programs#below}); {@code .k} files stand for themselves, those named from one directory
 * forming one program (as {@code skiff run base.k prod.k} does); YAML and JSON files are manifests to
 * validate; {@code -} is standard input. The meaning of a file is the one {@code run} and the Java API give it.
 */
final class Inputs {
    private Inputs() {
    }

    /** One thing to compile or validate. */
    sealed interface Unit permits Program, Manifests, Stdin {
    }

    /** Files compiled together as one program. */
    record Program(List<Path> files) implements Unit {
    }

    /** A YAML or JSON file of Kubernetes objects. */
    record Manifests(Path file) implements Unit {
    }

    /** Standard input: a program or manifests, whichever it is. */
    record Stdin() implements Unit {
    }

    static boolean isManifestFile(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }

    /** The units of {@code paths} (relative to {@code workDir}), in the order named; problems finding them are diagnostics. */
    static Result<List<Unit>> of(List<Path> paths, Path workDir) throws IOException {
        List<Unit> out = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        Map<Path, List<Path>> filesByDir = new LinkedHashMap<>();
        for (Path p : paths) {
            if (p.toString().equals("-")) {
                out.add(new Stdin());
                continue;
            }
            Path abs = workDir.resolve(p).normalize();
            if (Files.isDirectory(abs)) {
                Result<List<Programs.Program>> found = Programs.below(abs);
                problems.addAll(found.diagnostics());
                if (found.value().isEmpty()) {
                    problems.add(Diagnostic.error(Code.E0206, null, "no `.k` files in or below directory `" + p + "`")
                            .withHint("to validate YAML manifests, name the files: `skiff check " + p + "/*.yaml`"));
                }
                for (Programs.Program program : found.value()) {
                    out.add(new Program(relative(program.files(), workDir)));
                }
            } else if (isManifestFile(abs)) {
                out.add(new Manifests(p));
            } else {
                // files named from one directory form one program, at the place the first of them was named
                Path dir = abs.getParent();
                if (!filesByDir.containsKey(dir)) {
                    List<Path> group = new ArrayList<>();
                    filesByDir.put(dir, group);
                    out.add(new Program(group));
                }
                filesByDir.get(dir).add(p);
            }
        }
        // the groups of files were filled as they were named: freeze them
        List<Unit> frozen = new ArrayList<>();
        for (Unit u : out) {
            frozen.add(u instanceof Program p ? new Program(List.copyOf(p.files())) : u);
        }
        return Result.of(frozen, problems);
    }

    private static List<Path> relative(List<Path> files, Path workDir) {
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            out.add(f.startsWith(workDir) ? workDir.relativize(f) : f);
        }
        return out;
    }
}
