package dev.skiff.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.diag.Result;
import dev.skiff.grammar.SkiffLexer;
import dev.skiff.source.SourceFile;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.junit.jupiter.api.Test;

/**
 * The parser's own bounds: how deep rules may nest while parsing, how much of a refused file is read, and
 * stopping when whoever asked for the parse has given up on it.
 */
class ParserLimitsTest {
    private static Result<SourceUnit> parse(String program) {
        return Parser.parse(SourceFile.ofString("main.k", program));
    }

    @Test
    void rulesNestedPastTheLimitStopTheParseWhereTheyHappen() {
        // no brackets and no blocks, so neither of the lexer's limits applies: only the parser's depth does
        String program = "a = True\nx = " + "not ".repeat(50_000) + "a\n";
        Result<SourceUnit> r = parse(program);
        assertThat(r.diagnostics()).hasSize(1);
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.code()).isEqualTo(Code.E0109);
        assertThat(d.message()).isEqualTo("this expression is nested too deeply: more than 2000 levels of operators,"
                + " brackets and blocks");
        // at the token where the parser passed the limit, not at the start of the file as an overflow would be
        assertThat(d.span().line()).isEqualTo(2);
        assertThat(d.span().start()).isGreaterThan(program.indexOf("not"));
        assertThat(r.value().body()).isEmpty();
    }

    @Test
    void nestingJustUnderTheLimitParses() {
        Result<SourceUnit> r = parse("a = True\nx = " + "not ".repeat(600) + "a\n");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.value().body()).hasSize(2);
    }

    @Test
    void theLexerStopsReadingAtTheBlockNestingLimit() {
        // 2,000 blocks one space apart (2 MB): the file is refused at the 101st, and the rest is not read
        String program = IntStream.range(0, 2000).mapToObj(i -> " ".repeat(i) + "if True:\n")
                .collect(Collectors.joining()) + " ".repeat(2000) + "a = 1\n";
        SkiffLexer lexer = new SkiffLexer(CharStreams.fromString(program));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        assertThat(lexer.tooDeep()).isTrue();
        assertThat(tokens.size()).isLessThan(110 * 6);
        Result<SourceUnit> r = parse(program);
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.E0109);
        assertThat(r.diagnostics().get(0).span().line()).isEqualTo(102);
    }

    @Test
    void anInterruptedParseEndsWithADiagnosticAndNoTree() {
        String program = IntStream.range(0, 5000).mapToObj(i -> "x" + i + " = " + i + "\n").collect(Collectors.joining());
        Thread.currentThread().interrupt();
        Result<SourceUnit> r;
        try {
            r = parse(program);
        } finally {
            // the parse leaves the flag for its caller; clear it so the test runner's thread is not disturbed
            assertThat(Thread.interrupted()).isTrue();
        }
        assertThat(r.diagnostics()).extracting(Diagnostic::message).containsExactly("parsing was cancelled");
        assertThat(r.value().body()).isEmpty();
        assertThat(parse(program).value().body()).hasSize(5000);
    }

    @Test
    void theLexerStopsWhenInterrupted() {
        String program = "x = 1\n".repeat(10_000);
        SkiffLexer lexer = new SkiffLexer(CharStreams.fromString(program));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        Thread.currentThread().interrupt();
        try {
            tokens.fill();
        } finally {
            Thread.interrupted();
        }
        assertThat(lexer.cancelled()).isTrue();
        assertThat(tokens.size()).isLessThan(2_000);
    }
}
