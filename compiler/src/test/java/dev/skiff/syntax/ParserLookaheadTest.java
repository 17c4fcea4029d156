package dev.skiff.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.grammar.SkiffLexer;
import dev.skiff.grammar.SkiffParser;
import java.util.Arrays;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.DecisionInfo;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser decides every alternative by looking a bounded number of tokens ahead, so its time grows with
 * the input, not with its square. (When list items could follow each other without a separator, every
 * `+`, `-` or `*` after an operand made the parser read to the end of the list: 20,000 items of `a + 1`
 * took 40 seconds.) Measured as the longest lookahead ANTLR's profiler reports, not as time.
 */
class ParserLookaheadTest {
    private static String repeat(String item, String separator, int n) {
        return IntStream.range(0, n).mapToObj(i -> item).collect(Collectors.joining(separator));
    }

    private static int longestLookahead(String program) {
        SkiffLexer lexer = new SkiffLexer(CharStreams.fromString(program));
        SkiffParser parser = new SkiffParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setProfile(true);
        parser.file();
        assertThat(parser.getNumberOfSyntaxErrors()).as(program.substring(0, Math.min(80, program.length()))).isZero();
        DecisionInfo[] decisions = parser.getParseInfo().getDecisionInfo();
        return Collections.max(Arrays.stream(decisions).map(d -> (int) Math.max(d.SLL_MaxLook, d.LL_MaxLook)).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "-", "*", "**", "and", "|"})
    void longOperatorChainsAreParsedWithShortLookahead(String op) {
        assertThat(longestLookahead("a = 1\nb = " + repeat("a", " " + op + " ", 400) + "\n")).isLessThan(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {", ", "\n    "})
    void longListsAndConfigsOfExpressionsAreParsedWithShortLookahead(String separator) {
        assertThat(longestLookahead("a = 1\nb = [\n    " + repeat("a + 1", separator, 400) + "\n]\n")).isLessThan(16);
        assertThat(longestLookahead("a = 1\nb = {\n    " + repeat("k = -a * 2", separator, 400) + "\n}\n")).isLessThan(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"; ", "\n    "})
    void longLambdaBodiesAreParsedWithShortLookahead(String separator) {
        assertThat(longestLookahead("f = lambda a {\n    " + repeat("b = -a + 1", separator, 400) + "\n}\n")).isLessThan(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "{"})
    void ifItemsStillTakeTheirBranchesByLayout(String open) {
        String close = open.equals("[") ? "]" : "}";
        String item = open.equals("[") ? "-a" : "k = -a";
        String program = "a = 1\nb = " + open + "\n    if a:\n        " + item + "\n        " + item + ",\n    elif a:\n        "
                + item + "\n    else:\n        " + item + "\n    " + item + "\n" + close + "\n";
        assertThat(longestLookahead(program)).isLessThan(16);
    }

    /** A token stream that counts the tokens its readers step through: {@code LT(k)} steps through {@code k}. */
    private static final class CountingStream extends CommonTokenStream {
        long steps;

        CountingStream(SkiffLexer lexer) {
            super(lexer);
        }

        @Override
        public org.antlr.v4.runtime.Token LT(int k) {
            steps += Math.abs(k);
            return super.LT(k);
        }

        @Override
        public org.antlr.v4.runtime.Token get(int i) {
            steps++;
            return super.get(i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"b = a%s\n", "b = a # a comment\nc = a%s\n", "c = a%s {}\n"})
    void aLongDottedNameIsReadOnce(String template) {
        // found by the fuzzing harness: deciding whether `a.a.a…` starts an instance asked for the token after
        // each segment afresh, each asking stepping through all the tokens before it (10,000 segments: seconds)
        String dotted = template.formatted(".a".repeat(5_000));
        SkiffLexer lexer = new SkiffLexer(CharStreams.fromString(dotted));
        lexer.removeErrorListeners();
        CountingStream tokens = new CountingStream(lexer);
        tokens.fill();
        SkiffParser parser = new SkiffParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.file();
        assertThat(parser.getNumberOfSyntaxErrors()).isZero();
        assertThat(tokens.steps).isLessThan(40L * tokens.size());
    }
}
