package dev.skiff.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.diag.Diagnostic;
import dev.skiff.grammar.Shortcuts;
import dev.skiff.grammar.SkiffLexer;
import dev.skiff.grammar.SkiffParser;
import dev.skiff.grammar.SkiffParserBase;
import dev.skiff.source.SourceFile;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.DecisionInfo;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.atn.ProfilingATNSimulator;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.junit.jupiter.api.Test;

/**
 * Parsing stays linear in the input on the error path too, where {@link Parser} parses a second time with
 * full-context prediction and error recovery. Measured with ANTLR's profiler, not a clock: the longest
 * lookahead of any decision, the total lookahead per token, and the number of full-context predictions.
 * Each case is an input the fuzzing harness found to take seconds or longer (the first, exponentially in
 * its depth: an unclosed `{` before 20 nested `if`s did not parse in 8 seconds).
 */
class ParserErrorPathTest {
    /** What the profiler saw in both of the parser's passes. */
    private record Profile(int tokens, long longestLookahead, long totalLookahead, long fullContext) {
        double lookaheadPerToken() {
            return totalLookahead / (double) tokens;
        }
    }

    /** Parses as {@link Parser} does: SLL until the first error, then LL with recovery; sums both passes. */
    private static Profile profile(String program) {
        long longest = 0;
        long total = 0;
        long full = 0;
        int tokens = 0;
        for (boolean recovering : new boolean[] {false, true}) {
            SkiffLexer lexer = new SkiffLexer(CharStreams.fromString(program));
            lexer.removeErrorListeners();
            CommonTokenStream stream = new CommonTokenStream(lexer);
            stream.fill();
            tokens = stream.size();
            SkiffParser parser = new SkiffParser(stream);
            parser.removeErrorListeners();
            parser.getInterpreter().setPredictionMode(recovering ? PredictionMode.LL : PredictionMode.SLL);
            parser.setErrorHandler(recovering ? new DefaultErrorStrategy() : new BailErrorStrategy());
            parser.setInterpreter(new ShortcutProfiler(parser)); // the profiler, with the parser's own shortcuts
            try {
                parser.file();
            } catch (ParseCancellationException expected) {
                // the first pass stops at the error
            }
            for (DecisionInfo d : parser.getParseInfo().getDecisionInfo()) {
                longest = Math.max(longest, Math.max(d.SLL_MaxLook, d.LL_MaxLook));
                total += d.SLL_TotalLook + d.LL_TotalLook;
                full += d.LL_Fallback;
            }
        }
        return new Profile(tokens, longest, total, full);
    }

    /** ANTLR's profiler, taking the {@link Shortcuts} the parser takes (decisions they settle count no lookahead). */
    private static final class ShortcutProfiler extends ProfilingATNSimulator {
        ShortcutProfiler(SkiffParser parser) {
            super(parser);
        }

        @Override
        public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
            int alt = Shortcuts.predict((SkiffParserBase) parser, input, decision);
            return alt != 0 ? alt : super.adaptivePredict(input, decision, outerContext);
        }
    }

    private static String nestedIfs(String margin, int depth, String body) {
        return IntStream.range(0, depth).mapToObj(i -> margin + " ".repeat(i) + "if True:\n").collect(Collectors.joining())
                + margin + " ".repeat(depth) + body + "\n";
    }

    @Test
    void anUnclosedBraceBeforeNestedIfsIsReadWithShortLookahead() {
        String program = "x = {\n\n" + nestedIfs("", 20, "a = 1");
        assertThat(profile(program).longestLookahead()).isLessThan(8);
        var parsed = Parser.parse(SourceFile.ofString("main.k", program));
        assertThat(parsed.diagnostics()).extracting(Diagnostic::message).containsExactly("`{` is never closed");
    }

    @Test
    void nestedIfItemsOfListsAndLambdaBodiesToo() {
        assertThat(profile("x = [\n" + nestedIfs(" ", 20, "1")).longestLookahead()).isLessThan(8);
        assertThat(profile("f = lambda {\n" + nestedIfs(" ", 20, "a = 1")).longestLookahead()).isLessThan(8);
    }

    @Test
    void deeperNestingCostsTheSamePerToken() {
        Profile shallow = profile("x = {\n\n" + nestedIfs("", 50, "a = 1"));
        Profile deep = profile("x = {\n\n" + nestedIfs("", 400, "a = 1"));
        assertThat(deep.lookaheadPerToken()).isLessThan(shallow.lookaheadPerToken() * 1.1);
    }

    @Test
    void nestedCallsAreReadOnce() {
        // `S(args) {…}` is told from a call after the `)`: were they two alternatives, each level of calls
        // would be read again by the level around it
        Profile shallow = profile("x = " + "str(".repeat(20) + "1" + ")".repeat(20) + "\ny = )\n");
        Profile deep = profile("x = " + "str(".repeat(180) + "1" + ")".repeat(180) + "\ny = )\n");
        assertThat(deep.longestLookahead()).isLessThan(8);
        assertThat(deep.lookaheadPerToken()).isLessThan(shallow.lookaheadPerToken() * 1.1);
    }

    @Test
    void aLongStatementIsNotReadAheadToItsEnd() {
        // an assignment, a typed one, an augmented one and a bare expression start alike; the parser reads
        // the expression once and goes by what follows it
        String sum = IntStream.range(0, 400).mapToObj(i -> "(a" + i + ")").collect(Collectors.joining(" + "));
        assertThat(profile(sum + "\ny = )\n").longestLookahead()).isLessThan(16);
        assertThat(profile("f = lambda a {\n    x = " + sum + "\n    y = )\n}\n").longestLookahead()).isLessThan(16);
    }

    @Test
    void schemaAttributesNeedNoFullContextPredictionAfterAnError() {
        String attrs = IntStream.range(0, 200).mapToObj(i -> "    a" + i + ": int = " + i + "\n").collect(Collectors.joining());
        Profile p = profile("schema S:\n" + attrs + "x = )\n");
        assertThat(p.fullContext()).isZero();
    }

    @Test
    void nestedInstancesListsAndConfigsCostTheSamePerTokenAtAnyDepth() {
        // `S {` was told from a name by reading to the end of the config (a lambda's default value may be
        // followed by its body), and a list from a comprehension by reading its first item: at every level
        for (String[] shape : new String[][] {{"N {next = ", "None", "}"}, {"[", "1", "]"}, {"{a: ", "1", "}"},
                {"f(x) {a = ", "1", "}"}}) {
            Profile shallow = profile("x = " + shape[0].repeat(20) + shape[1] + shape[2].repeat(20) + "\ny = )\n");
            Profile deep = profile("x = " + shape[0].repeat(180) + shape[1] + shape[2].repeat(180) + "\ny = )\n");
            assertThat(deep.lookaheadPerToken()).as(shape[0]).isLessThan(shallow.lookaheadPerToken() * 1.1);
            assertThat(deep.longestLookahead()).as(shape[0]).isLessThan(8);
        }
    }

    @Test
    void aLongListIsLinear() {
        Profile small = profile("x = [" + String.join(", ", java.util.Collections.nCopies(5_000, "1")) + "]\ny = )\n");
        Profile large = profile("x = [" + String.join(", ", java.util.Collections.nCopies(40_000, "1")) + "]\ny = )\n");
        assertThat(large.longestLookahead()).isLessThan(4);
        assertThat(large.lookaheadPerToken()).isLessThan(small.lookaheadPerToken() * 1.1);
    }
}
