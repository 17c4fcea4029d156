package dev.skiff.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.diag.Result;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.FormatCheck;
import dev.skiff.syntax.Formatter;
import dev.skiff.syntax.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The formatter keeps the meaning of every program of the repository that parses (golden tests, formatter
 * cases, examples, the stdlib), compiled where it lives, beside its packages: the formatted program
 * compiles to the same output, or fails with the same error codes, and formatting it again changes nothing.
 * Nothing is refused.
 */
class CorpusFormattingTest {
    @TestFactory
    Stream<DynamicTest> formattingKeepsTheMeaningOfEveryProgram() {
        Corpus corpus = Corpus.load(Corpus.findRepository());
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Seed seed : corpus.seeds()) {
            SourceFile file = SourceFile.of(seed.path(), seed.path().getFileName().toString(), seed.text());
            if (Parser.parse(file).hasErrors()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(corpus.repo().relativize(seed.path()).toString(), () -> {
                Result<String> r = FormatCheck.format(file);
                assertThat(r.diagnostics()).as("refused").isEmpty();
                String formatted = r.value();
                assertThat(Formatter.format(formatted)).as("idempotent").isEqualTo(formatted);
                if (!formatted.equals(seed.text())) {
                    assertThat(Pipeline.output(seed.path(), formatted)).as("same output")
                            .isEqualTo(Pipeline.output(seed.path(), seed.text()));
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThan(350);
        return tests.stream();
    }
}
