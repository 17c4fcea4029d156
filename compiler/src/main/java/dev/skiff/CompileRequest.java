package dev.skiff;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to compile: input files or directories (several files form one main module), {@code -D} options in
 * order, the directory messages are relative to, where {@code print()} writes, and the Kubernetes version
 * whose schemas {@code k8s.*} imports use (null: the project's {@code [skiff] k8s}, else the newest).
 * {@code writeFiles} says whether the program's file writes ({@code file.write}, {@code json.dump_to_file}, …)
 * happen; without it they are checked but change nothing, as {@code skiff check} and the editor need.
 */
public record CompileRequest(List<Path> inputs, Map<String, String> options, Path workDir, PrintStream printOut,
                             String k8sVersion, List<Path> crds, Map<Path, String> overlay, boolean writeFiles) {
    public CompileRequest {
        inputs = List.copyOf(inputs);
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        crds = List.copyOf(crds);
        overlay = Map.copyOf(overlay);
    }

    public CompileRequest(List<Path> inputs, Map<String, String> options, Path workDir, PrintStream printOut,
                          String k8sVersion, List<Path> crds, Map<Path, String> overlay) {
        this(inputs, options, workDir, printOut, k8sVersion, crds, overlay, false);
    }

    public CompileRequest(List<Path> inputs, Map<String, String> options, Path workDir, PrintStream printOut,
                          String k8sVersion, List<Path> crds) {
        this(inputs, options, workDir, printOut, k8sVersion, crds, Map.of());
    }

    /**
     * Texts that stand in for files on disk (an editor's unsaved buffers), keyed by absolute normalized path.
     */
    public CompileRequest withOverlay(Map<Path, String> texts) {
        return new CompileRequest(inputs, options, workDir, printOut, k8sVersion, crds, texts, writeFiles);
    }

    public CompileRequest(List<Path> inputs, Map<String, String> options, Path workDir, PrintStream printOut) {
        this(inputs, options, workDir, printOut, null, List.of());
    }

    public CompileRequest(List<Path> inputs, Map<String, String> options, Path workDir, PrintStream printOut,
                          String k8sVersion) {
        this(inputs, options, workDir, printOut, k8sVersion, List.of());
    }

    public CompileRequest withK8sVersion(String version) {
        return new CompileRequest(inputs, options, workDir, printOut, version, crds, overlay, writeFiles);
    }

    /** CRD files or directories whose kinds become {@code crds.<group>.<version>} modules. */
    public CompileRequest withCrds(List<Path> files) {
        return new CompileRequest(inputs, options, workDir, printOut, k8sVersion, files, overlay, writeFiles);
    }

    /** Inputs relative to the current directory, no options, {@code print()} discarded. */
    public static CompileRequest of(Path... inputs) {
        return new CompileRequest(List.of(inputs), Map.of(), Path.of("").toAbsolutePath(),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    public CompileRequest withOptions(Map<String, String> newOptions) {
        return new CompileRequest(inputs, newOptions, workDir, printOut, k8sVersion, crds, overlay, writeFiles);
    }

    public CompileRequest withWorkDir(Path dir) {
        return new CompileRequest(inputs, options, dir, printOut, k8sVersion, crds, overlay, writeFiles);
    }

    /** The same request with the program's file writes carried out ({@code skiff run}) or only checked. */
    public CompileRequest withFileWrites(boolean write) {
        return new CompileRequest(inputs, options, workDir, printOut, k8sVersion, crds, overlay, write);
    }

    /** The same request for other input files or directories. */
    public CompileRequest withInputs(List<Path> files) {
        return new CompileRequest(files, options, workDir, printOut, k8sVersion, crds, overlay, writeFiles);
    }

    public CompileRequest withPrintOut(PrintStream out) {
        return new CompileRequest(inputs, options, workDir, out, k8sVersion, crds, overlay, writeFiles);
    }
}
