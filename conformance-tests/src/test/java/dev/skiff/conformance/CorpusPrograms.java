package dev.skiff.conformance;

import dev.skiff.modules.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the programs of a KCL repository the way its authors run them, so the corpus runner ({@link KclCorpus})
 * measures what a KCL user would try. In each directory, the first rule that applies:
 * <ol>
 *   <li>a {@code Makefile} whose recipes call {@code kcl} (or {@code kcl run}) with files and flags: each such
 *       command is a program, run in that directory;</li>
 *   <li>a {@code kcl.yaml}: {@code kcl run} there reads it (its files, options and output shaping);</li>
 *   <li>a {@code kcl.mod} with {@code [profile] entries}, or a {@code main.k}: {@code kcl run} in the directory
 *       (the entries, else the directory's package; beside a {@code stdout.golden}, {@code main.k} alone, as KCL's
 *       own test runners run it).</li>
 * </ol>
 * A directory with a {@code suite/good.yaml} (and maybe {@code bad.yaml}) holds a KRM function: it runs once on
 * each input, reading its items and parameters as {@code option("items")}, {@code option("params")} and
 * {@code option("resource_list")}, and must succeed on the good one and fail on the bad one.
 * Besides, a file {@code x.k} beside {@code x.stdout.golden} is a program of its own, and every {@code .k} file
 * of a folder named {@code exec_data} (expected to run) or {@code exec_err_data} (expected to fail), as KCL's
 * runner tests have them. Hidden folders, {@code node_modules}, {@code target} and a {@code tests/grammar} suite
 * (measured by {@link KclGrammarSuite}) are not searched.
 */
final class CorpusPrograms {
    /** What a program expects: to run, or to fail. */
    enum Expect { RUN, FAIL }

    /**
     * One program.
     *
     * @param dir    the directory it runs in
     * @param args   the words after {@code kcl run} (files and flags), empty for {@code kcl run} alone
     * @param expect whether it should succeed
     * @param golden the file holding its expected output, or null
     * @param origin how it was found (make, kcl.yaml, entries, main.k, golden, exec_data, krm suite)
     * @param krmInput a KRM function's input ({@code suite/good.yaml}), whose items and params it reads, or null
     */
    record Program(Path dir, List<String> args, Expect expect, Path golden, String origin, Path krmInput) {
        Program {
            args = List.copyOf(args);
        }

        Program(Path dir, List<String> args, Expect expect, Path golden, String origin) {
            this(dir, args, expect, golden, origin, null);
        }
    }

    private static final Set<String> OTHER_COMMANDS = Set.of("vet", "test", "mod", "fmt", "lint", "doc", "import",
            "play", "server", "version", "clean", "registry", "init", "add", "pull", "push", "tidy", "vendor", "graph",
            "metadata", "update", "package", "login", "logout", "help", "completion");

    private CorpusPrograms() {
    }

    static List<Program> find(Path repo) throws IOException {
        List<Program> out = new ArrayList<>();
        walk(repo.toAbsolutePath().normalize(), out);
        return out;
    }

    private static void walk(Path dir, List<Program> out) throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        }
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        if (name.equals("exec_data") || name.equals("exec_err_data")) {
            for (Path c : children) {
                if (c.getFileName().toString().endsWith(".k")) {
                    out.add(new Program(dir, List.of(c.getFileName().toString()),
                            name.equals("exec_data") ? Expect.RUN : Expect.FAIL, null, name));
                }
            }
            return;
        }
        List<Program> here = fromMakefile(dir);
        if (here.isEmpty() && Files.isRegularFile(dir.resolve("kcl.yaml"))) {
            here = List.of(new Program(dir, List.of(), Expect.RUN, settingsOutput(dir), "kcl.yaml"));
        }
        if (here.isEmpty() && Files.isRegularFile(dir.resolve("suite/good.yaml"))) {
            // a KRM function (kcl-lang/modules, krm-kcl): run on its suite's inputs, as its authors test it
            here = new ArrayList<>();
            here.add(new Program(dir, List.of(), Expect.RUN, null, "krm suite", dir.resolve("suite/good.yaml")));
            if (Files.isRegularFile(dir.resolve("suite/bad.yaml"))) {
                here.add(new Program(dir, List.of(), Expect.FAIL, null, "krm suite", dir.resolve("suite/bad.yaml")));
            }
        }
        if (here.isEmpty() && (Files.isRegularFile(dir.resolve("main.k")) || hasEntries(dir))) {
            Path golden = golden(dir);
            // beside a golden file (KCL's own tests) a main.k is run alone, as KCL's test runners run it
            List<String> args = golden != null && !hasEntries(dir) ? List.of("main.k") : List.of();
            here = List.of(new Program(dir, args, Expect.RUN, golden, hasEntries(dir) ? "entries" : "main.k"));
        }
        out.addAll(here);
        for (Path c : children) {
            String f = c.getFileName().toString();
            if (f.endsWith(".k") && Files.isRegularFile(dir.resolve(f.substring(0, f.length() - 2) + ".stdout.golden"))) {
                out.add(new Program(dir, List.of(f), Expect.RUN,
                        dir.resolve(f.substring(0, f.length() - 2) + ".stdout.golden"), "golden"));
            }
        }
        for (Path c : children) {
            String f = c.getFileName().toString();
            if (Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS) && !f.startsWith(".") && !f.equals("node_modules")
                    && !f.equals("target") && !(f.equals("grammar") && name.equals("tests"))) {
                walk(c, out);
            }
        }
    }

    private static boolean hasEntries(Path dir) {
        return Files.isRegularFile(dir.resolve(Project.MOD_FILE))
                && !Project.read(dir).value().entries().isEmpty();
    }

    private static Path golden(Path dir) {
        for (String g : List.of("stdout.golden", "stdout.golden.json")) {
            if (Files.isRegularFile(dir.resolve(g))) {
                return dir.resolve(g);
            }
        }
        return null;
    }

    /** A kcl.yaml's {@code output} names where KCL wrote the program's output: when that file is there, it is the golden. */
    private static Path settingsOutput(Path dir) {
        var read = dev.skiff.modules.CliSettings.read(List.of(dir.resolve("kcl.yaml")));
        Path out = read.value().output();
        return out != null && Files.isRegularFile(out) ? out : golden(dir);
    }

    /** The {@code kcl …} commands of a Makefile's recipes that run a program. */
    private static List<Program> fromMakefile(Path dir) throws IOException {
        Path make = dir.resolve("Makefile");
        if (!Files.isRegularFile(make)) {
            return List.of();
        }
        List<Program> out = new ArrayList<>();
        for (String line : Files.readAllLines(make)) {
            if (!line.startsWith("\t")) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of(line.strip().split("\\s+")));
            if (words.isEmpty() || !words.get(0).equals("kcl")) {
                continue;
            }
            words.remove(0);
            if (!words.isEmpty() && (words.get(0).equals("run") || words.get(0).equals("r"))) {
                words.remove(0);
            }
            if (!words.isEmpty() && OTHER_COMMANDS.contains(words.get(0))) {
                continue;
            }
            out.add(new Program(dir, unquote(words), Expect.RUN, null, "make"));
        }
        return out;
    }

    private static List<String> unquote(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            out.add(w.replaceAll("^'(.*)'$", "$1").replaceAll("=('([^']*)')$", "=$2"));
        }
        return out;
    }
}
