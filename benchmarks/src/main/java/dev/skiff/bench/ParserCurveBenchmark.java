package dev.skiff.bench;

import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Parser;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parser on growing pathological inputs, each with an error so that the second, recovering pass runs:
 * time per input at sizes 1, 4 and 16 should grow by the same factors (linear), never by their squares or
 * exponentially. The reference, {@code plain}, is well-formed statements of about the same length.
 * Compare each shape's curve with the reference's, not the times themselves.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ParserCurveBenchmark {
    /** How many units of the shape the input has (×1, ×4, ×16 of a base size). */
    @Param({"1", "4", "16"})
    int scale;

    @Param({"plain", "unclosedBraceBeforeNestedIfs", "longList", "manyStatementsWithError", "nestedInstances"})
    String shape;

    private SourceFile file;

    @Setup(Level.Trial)
    public void setUp() {
        file = SourceFile.ofString("bench.k", source(shape, scale));
    }

    static String source(String shape, int scale) {
        return switch (shape) {
            case "plain" -> IntStream.range(0, 2_000 * scale).mapToObj(i -> "x" + i + " = {a = " + i + "}\n")
                    .collect(Collectors.joining());
            // the reproducer, extended: a brace that never closes, then groups of 20 nested ifs
            case "unclosedBraceBeforeNestedIfs" -> "x = {\n\n" + IntStream.range(0, 20 * scale).mapToObj(g ->
                            IntStream.range(0, 20).mapToObj(i -> " ".repeat(i) + "if True:\n").collect(Collectors.joining())
                            + " ".repeat(20) + "a = 1\n")
                    .collect(Collectors.joining());
            case "longList" -> "_big = [" + "1, ".repeat(10_000 * scale) + "]\ny = )\n";
            case "manyStatementsWithError" -> "y = )\n" + IntStream.range(0, 2_000 * scale)
                    .mapToObj(i -> "x" + i + " = a.b(" + i + ") + [c for c in d]\n").collect(Collectors.joining());
            // instances nested 40 deep (within the bracket limit), repeated
            case "nestedInstances" -> IntStream.range(0, 50 * scale).mapToObj(g -> "x" + g + " = " + "S {a = ".repeat(40)
                    + "1" + "}".repeat(40) + "\n").collect(Collectors.joining()) + "y = )\n";
            default -> throw new IllegalArgumentException(shape);
        };
    }

    @Benchmark
    public Object parse() {
        return Parser.parse(file);
    }
}
