package dev.skiff.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.grammar.SkiffLexer;
import dev.skiff.source.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formatter: golden cases ({@code fmt/NAME.input.k} → {@code fmt/NAME.k}), and three laws over every
 * golden program that parses — the layout is idempotent, the tokens (so the meaning) and the comments are
 * unchanged, and the program compiles to exactly the same output after formatting.
 */
class FormatterTest {
    @TempDir
    Path tmp;

    private static Path resources() {
        String base = System.getenv("SKIFF_SOURCE_ROOT");
        return (base == null ? Path.of("").toAbsolutePath() : Path.of(base)).resolve("src/test/resources");
    }

    @TestFactory
    Stream<DynamicTest> goldenLayouts() throws IOException {
        List<Path> inputs;
        try (Stream<Path> s = Files.list(resources().resolve("fmt"))) {
            inputs = s.filter(p -> p.toString().endsWith(".input.k")).sorted().toList();
        }
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(6);
        return inputs.stream().map(in -> DynamicTest.dynamicTest(in.getFileName().toString(), () -> {
            Path expected = in.resolveSibling(in.getFileName().toString().replace(".input.k", ".k"));
            String formatted = Formatter.format(Files.readString(in));
            assertThat(formatted).isEqualTo(Files.readString(expected));
            assertThat(Formatter.format(formatted)).as("idempotent").isEqualTo(formatted);
        }));
    }

    @TestFactory
    Stream<DynamicTest> lawsOverTheGoldenCorpus() throws IOException {
        List<Path> programs;
        try (Stream<Path> s = Files.walk(resources().resolve("golden"))) {
            programs = s.filter(p -> p.toString().endsWith(".k") && p.getFileName().toString().indexOf('.') == p
                    .getFileName().toString().lastIndexOf('.')).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : programs) {
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                continue; // the binary and non-UTF-8 cases
            }
            if (!Parser.parse(SourceFile.ofString("x.k", text)).diagnostics().isEmpty()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(resources().resolve("golden").relativize(p).toString(), () -> {
                String once = Formatter.format(text);
                assertThat(Formatter.format(once)).as("idempotent").isEqualTo(once);
                assertThat(tokens(once)).as("same tokens and comments").isEqualTo(tokens(text));
                assertThat(Parser.parse(SourceFile.ofString("x.k", once)).diagnostics()).isEmpty();
                if (Files.exists(p.resolveSibling(p.getFileName().toString().replace(".k", ".yaml")))) {
                    assertThat(output(p.getFileName().toString(), once)).as("same output")
                            .isEqualTo(output(p.getFileName().toString(), text));
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThan(250);
        return tests.stream();
    }

    private String output(String name, String text) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "case");
        Files.writeString(dir.resolve(name), text);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Compilation c = Skiff.compile(new CompileRequest(List.of(Path.of(name)), Map.of(), dir,
                new PrintStream(printed, true, StandardCharsets.UTF_8)));
        return c.hasErrors() ? "errors: " + c.diagnostics().size() : printed + c.yaml();
    }

    private static List<String> tokens(String text) {
        SkiffLexer lexer = new SkiffLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getType() != SkiffLexer.NEWLINE && t.getType() != SkiffLexer.INDENT
                    && t.getType() != SkiffLexer.DEDENT && t.getType() != SkiffLexer.SEP) {
                out.add(t.getType() + ":" + t.getText());
            }
        }
        return out;
    }
}
