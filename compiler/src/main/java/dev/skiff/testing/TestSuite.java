package dev.skiff.testing;

import dev.skiff.diag.Result;
import dev.skiff.modules.IgnoreRules;
import dev.skiff.modules.ProjectResolver;
import dev.skiff.modules.SourceReader;
import dev.skiff.syntax.Expr;
import dev.skiff.syntax.Parser;
import dev.skiff.syntax.SourceUnit;
import dev.skiff.syntax.Stmt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The tests of one package, found as {@code kcl test} finds them: the package's {@code *_test.k} files are
 * compiled with its other files, and every top-level {@code test_*} name bound to a lambda in a test file is a
 * test case. Files whose names start with {@code _} take no part, as in KCL.
 *
 * @param dir       the package directory
 * @param files     its ordinary {@code .k} files, in name order
 * @param testFiles its {@code *_test.k} files, in name order
 * @param cases     the test cases' names, in the order written
 */
public record TestSuite(Path dir, List<Path> files, List<Path> testFiles, List<String> cases) {
    public TestSuite {
        files = List.copyOf(files);
        testFiles = List.copyOf(testFiles);
        cases = List.copyOf(cases);
    }

    static final String TEST_SUFFIX = "_test.k";

    /**
     * The suites of {@code dir}, or of every package below it when {@code recursive} ({@code ./...}), keeping the
     * cases {@code selected} accepts; packages without test files are left out.
     */
    public static List<TestSuite> find(Path dir, boolean recursive, Predicate<String> selected) throws IOException {
        List<Path> dirs = new ArrayList<>();
        if (recursive) {
            Path start = dir.toAbsolutePath().normalize();
            walk(start, IgnoreRules.at(start), dirs);
        } else {
            dirs.add(dir);
        }
        List<TestSuite> out = new ArrayList<>();
        for (Path d : dirs) {
            List<Path> tests;
            try (Stream<Path> s = Files.list(d)) {
                tests = s.filter(Files::isRegularFile).filter(p -> own(p) && p.getFileName().toString()
                        .endsWith(TEST_SUFFIX)).sorted().toList();
            }
            if (tests.isEmpty()) {
                continue;
            }
            List<Path> files = ProjectResolver.moduleFiles(d).stream().filter(TestSuite::own).toList();
            List<String> cases = new ArrayList<>();
            for (Path t : tests) {
                cases(t).stream().filter(selected).filter(c -> !cases.contains(c)).forEach(cases::add);
            }
            out.add(new TestSuite(d, files, tests, cases));
        }
        return out;
    }

    /** {@code dir} and the directories below it that a search does not leave out (.gitignore, hidden, target). */
    private static void walk(Path dir, IgnoreRules rules, List<Path> out) throws IOException {
        out.add(dir);
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path c : children) {
            if (!rules.ignores(c, true)) {
                walk(c, rules.enter(c), out);
            }
        }
    }

    private static boolean own(Path p) {
        return !p.getFileName().toString().startsWith("_");
    }

    /** The {@code test_*} lambdas a test file assigns at the top level (a file that does not parse has none). */
    private static List<String> cases(Path file) {
        SourceReader.Read read = SourceReader.read(file, file.toString());
        if (read.problem() != null) {
            return List.of();
        }
        Result<SourceUnit> unit = Parser.parse(read.file());
        List<String> out = new ArrayList<>();
        for (Stmt s : unit.value().body()) {
            if (s instanceof Stmt.Assign a && a.value() instanceof Expr.Lambda) {
                for (Expr t : a.targets()) {
                    if (t instanceof Expr.Name n && n.id().startsWith("test_")) {
                        out.add(n.id());
                    }
                }
            }
        }
        return out;
    }
}
