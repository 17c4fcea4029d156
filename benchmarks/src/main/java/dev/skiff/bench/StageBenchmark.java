package dev.skiff.bench;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.skiff.Compilation;
import dev.skiff.CompileRequest;
import dev.skiff.Skiff;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Parser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Parsing and whole compilation of the shared workload, plain and typed (through the Kubernetes schemas),
 * beside a reference in the same run: Jackson
 * writing the same objects as YAML (the floor any YAML-producing tool pays). Compare ratios, not times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StageBenchmark {
    @Param({"100", "1000"})
    int services;

    /** {@code plain}: dicts and a lambda; {@code typed}: a service schema and the Kubernetes types. */
    @Param({"plain", "typed"})
    String variant;

    private SourceFile servicesFile;
    private SourceFile programFile;
    private Path dir;
    private Object referenceData;
    private final YAMLMapper yaml = new YAMLMapper();
    private final PrintStream devNull = new PrintStream(OutputStream.nullOutputStream());

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Workload.writeTo(Files.createTempDirectory("skiff-bench"), services);
        servicesFile = new SourceFile(URI.create("mem:/services.k"), "services.k", Workload.servicesSource(services));
        programFile = new SourceFile(URI.create("mem:/manifests-" + variant + ".k"), "manifests-" + variant + ".k",
                Workload.program(variant));
        referenceData = Map.of("services", Workload.services(services));
    }

    @Benchmark
    public Object parse() {
        return List.of(Parser.parse(servicesFile), Parser.parse(programFile));
    }

    @Benchmark
    public String compile() {
        Compilation c = Skiff.compile(new CompileRequest(
                List.of(dir.resolve("services.k"), dir.resolve("manifests-" + variant + ".k")), Map.of(), dir, devNull));
        if (c.hasErrors()) {
            throw new IllegalStateException(c.diagnostics().toString());
        }
        return c.yaml();
    }

    @Benchmark
    public String referenceJacksonYaml() throws IOException {
        return yaml.writeValueAsString(referenceData);
    }
}
