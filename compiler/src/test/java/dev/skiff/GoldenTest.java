package dev.skiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skiff.diag.Code;
import dev.skiff.diag.TextRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The language snippet tests: every program under {@code src/test/resources/golden} beside what it must
 * produce. A case is a file {@code area/name.k} with exactly one of {@code area/name.yaml} (the standard
 * output of {@code skiff run}: anything printed, then the YAML) or {@code area/name.err} (the diagnostics as
 * the CLI renders them, without colour, with paths relative to the golden root); or a folder holding a
 * {@code main.k} (a multi-file case, possibly with {@code kcl.mod} and packages) with {@code expected.yaml}
 * or {@code expected.err}.
 *
 * <p>A first line {@code # args: -D key=value ...} passes options. {@code SKIFF_UPDATE=1} (or
 * {@code -Dskiff.update=true}) rewrites every expected file from what Skiff now produces; a missing expected
 * file is written and the case fails, so a new case is reviewed once. Cases under {@code build/} are checked
 * as {@code skiff build} sees them: the validated Kubernetes objects, or the validator's diagnostics. {@code -Dgolden=GLOB} (e.g.
 * {@code schema/*}) runs a subset.
 */
class GoldenTest {
    private static final Pattern ARGS = Pattern.compile("^#\\s*args:(.*)$", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("\\[(E\\d{4})]");

    static Path root() {
        String base = System.getenv("SKIFF_SOURCE_ROOT");
        Path module = base == null ? Path.of("").toAbsolutePath() : Path.of(base);
        return module.resolve("src/test/resources/golden");
    }

    static boolean updating() {
        return "1".equals(System.getenv("SKIFF_UPDATE")) || Boolean.getBoolean("skiff.update");
    }

    /** A golden case: its input, the expected files it may have, and its name. */
    record Case(String name, Path input, Path expectedYaml, Path expectedErr) {
    }

    static List<Case> cases() throws IOException {
        Path root = root();
        List<Case> out = new ArrayList<>();
        collect(root, root, out);
        String glob = System.getProperty("golden");
        if (glob != null && !glob.isBlank()) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            out.removeIf(c -> !m.matches(Path.of(c.name())));
        }
        return out;
    }

    private static void collect(Path root, Path dir, List<Case> out) throws IOException {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        }
        for (Path p : children) {
            String file = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                if (Files.isRegularFile(p.resolve("main.k"))) {
                    out.add(new Case(rel(root, p), p.resolve("main.k"), p.resolve("expected.yaml"),
                            p.resolve("expected.err")));
                } else {
                    collect(root, p, out);
                }
            } else if (file.endsWith(".k")) {
                String stem = file.substring(0, file.length() - 2);
                out.add(new Case(rel(root, p).replaceAll("\\.k$", ""), p, p.resolveSibling(stem + ".yaml"),
                        p.resolveSibling(stem + ".err")));
            }
        }
    }

    private static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** What Skiff produces for a case: the .yaml text on success, the .err text on failure. */
    record Outcome(boolean failed, String text) {
    }

    static Outcome run(Case c) throws IOException {
        // Latin-1 never fails: cases with invalid UTF-8 are read by Skiff itself, this only looks for `# args:`
        String source = Files.readString(c.input(), StandardCharsets.ISO_8859_1);
        Map<String, String> options = new LinkedHashMap<>();
        Matcher m = ARGS.matcher(source);
        if (m.find()) {
            String[] words = m.group(1).trim().split("\\s+");
            for (int i = 0; i + 1 < words.length; i += 2) {
                if (words[i].equals("-D")) {
                    int eq = words[i + 1].indexOf('=');
                    options.put(words[i + 1].substring(0, eq), words[i + 1].substring(eq + 1));
                }
            }
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream printOut = new PrintStream(printed, true, StandardCharsets.UTF_8);
        // as `skiff run`: file writes happen (a case that writes removes what it wrote)
        CompileRequest request = new CompileRequest(List.of(c.input()), options, root(), printOut)
                .withFileWrites(true);
        // cases under build/ are what `skiff build` emits: the validated Kubernetes objects
        boolean build = c.name().startsWith("build/");
        Compilation compilation = Skiff.compile(request.withValidation(build));
        if (compilation.internal() != null) {
            throw new AssertionError("internal error in " + c.name(), compilation.internal());
        }
        if (compilation.hasErrors()) {
            return new Outcome(true, TextRenderer.renderPlain(compilation.diagnostics()));
        }
        if (build) {
            List<Object> docs = new java.util.ArrayList<>();
            compilation.manifests().forEach(o -> docs.add(o.data()));
            return new Outcome(false, dev.skiff.emit.YamlWriter.writeStream(docs));
        }
        return new Outcome(false, printed.toString(StandardCharsets.UTF_8) + compilation.yaml());
    }

    @TestFactory
    Stream<DynamicTest> golden() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), c.input().toUri(), () -> check(c)));
    }

    private static void check(Case c) throws IOException {
        boolean hasYaml = Files.exists(c.expectedYaml());
        boolean hasErr = Files.exists(c.expectedErr());
        if (hasYaml && hasErr) {
            fail(c.name() + " has both an expected output and expected errors; keep exactly one");
        }
        Outcome outcome = run(c);
        Path expected = outcome.failed() ? c.expectedErr() : c.expectedYaml();
        Path other = outcome.failed() ? c.expectedYaml() : c.expectedErr();
        if (updating() || (!hasYaml && !hasErr)) {
            Files.writeString(expected, outcome.text(), StandardCharsets.UTF_8);
            Files.deleteIfExists(other);
            if (!updating()) {
                fail(c.name() + ": no expected file; wrote " + expected.getFileName() + " — review it and run again");
            }
            return;
        }
        if (!Files.exists(expected)) {
            String was = Files.readString(other, StandardCharsets.UTF_8);
            fail(c.name() + (outcome.failed() ? " failed but was expected to succeed with:\n" + was
                    + "\n--- it reported:\n" : " succeeded but was expected to fail with:\n" + was
                    + "\n--- it produced:\n") + outcome.text());
        }
        assertThat(outcome.text()).as(c.name()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    /**
     * Codes a golden program cannot produce: a missing input file is tested through the CLI (CliIT), an
     * internal error cannot be provoked on purpose, and fetching packages (an unreachable source, a changed
     * checksum, an out-of-date lock under {@code --locked}) happens in {@code skiff mod}, tested by
     * PackageManagerTest and ModCommandIT.
     */
    private static final Set<Code> NOT_YET_COVERED = EnumSet.of(Code.E0206, Code.E0901, Code.E0209, Code.E0210,
            Code.E0211);

    @Test
    void everyDiagnosticCodeHasAGoldenCase() throws IOException {
        Set<Code> seen = EnumSet.noneOf(Code.class);
        // `skiff import` has its own cases (ImportGoldenTest) beside the programs'
        try (Stream<Path> files = Stream.concat(Files.walk(root()), Files.walk(root().resolveSibling("import")))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".err")).toList()) {
                Matcher m = CODE.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) {
                    try {
                        seen.add(Code.valueOf(m.group(1)));
                    } catch (IllegalArgumentException e) {
                        throw new UncheckedIOException(new IOException(p + " names unknown code " + m.group(1)));
                    }
                }
            }
        }
        Set<Code> missing = EnumSet.allOf(Code.class);
        missing.removeIf(Code::retired);
        missing.removeAll(seen);
        missing.removeAll(NOT_YET_COVERED);
        assertThat(missing).as("codes without any .err golden case").isEmpty();
        Set<Code> paid = EnumSet.copyOf(NOT_YET_COVERED);
        paid.retainAll(seen);
        assertThat(paid).as("codes listed as not yet covered that now have a golden case: remove them from the list")
                .isEmpty();
    }
}
