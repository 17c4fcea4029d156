package dev.skiff.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.diag.TextRenderer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tour is executable: every {@code ```k} block followed by a {@code ```yaml} block is run and
 * must print exactly that YAML; one followed by a {@code ```text} block must fail with those diagnostics.
 */
class ReadmeTest {
    private static final Pattern BLOCK = Pattern.compile("```(k|yaml|text)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path tmp;

    record Snippet(int index, String source, String expectedKind, String expected) {
    }

    static List<Snippet> snippets() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("skiff.repo", "..")).resolve("README.md"));
        Matcher m = BLOCK.matcher(readme);
        List<String[]> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(new String[] {m.group(1), m.group(2)});
        }
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i + 1 < blocks.size(); i++) {
            if (blocks.get(i)[0].equals("k") && !blocks.get(i + 1)[0].equals("k")) {
                out.add(new Snippet(out.size() + 1, blocks.get(i)[1], blocks.get(i + 1)[0], blocks.get(i + 1)[1]));
            }
        }
        return out;
    }

    @Test
    void theTourHasRunnableSnippets() throws IOException {
        assertThat(snippets()).hasSizeGreaterThanOrEqualTo(8);
    }

    @TestFactory
    List<DynamicTest> everySnippetPrintsWhatTheReadmeSays() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Snippet s : snippets()) {
            tests.add(DynamicTest.dynamicTest("snippet " + s.index(), () -> check(s)));
        }
        return tests;
    }

    private void check(Snippet s) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("s" + s.index()));
        Path main = dir.resolve("main.k");
        Files.writeString(main, s.source());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Compilation c = Skiff.compile(new CompileRequest(List.of(Path.of("main.k")), Map.of(), dir,
                new PrintStream(printed, true, StandardCharsets.UTF_8)));
        if (s.expectedKind().equals("text")) {
            assertThat(c.hasErrors()).as("snippet %d should fail", s.index()).isTrue();
            assertThat(new TextRenderer(false).render(c.diagnostics())).isEqualTo(s.expected());
        } else {
            assertThat(c.hasErrors()).as("snippet %d: %s", s.index(), c.diagnostics()).isFalse();
            assertThat(printed.toString(StandardCharsets.UTF_8) + c.yaml()).isEqualTo(s.expected());
        }
    }
}
