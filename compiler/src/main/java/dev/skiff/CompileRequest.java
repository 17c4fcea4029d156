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
 * {@code validate} turns the validation stage on; {@code validationOptions} says what it leaves unchecked.
 */
public record CompileRequest(List<Path> inputs, Map<String, String> options, Path workDir, PrintStream printOut,
                             String k8sVersion, List<Path> crds, Map<Path, String> overlay, boolean writeFiles,
                             boolean validate, boolean staticChecks,
                             dev.skiff.validate.ValidationOptions validationOptions) {
    public CompileRequest {
        validationOptions = validationOptions == null ? dev.skiff.validate.ValidationOptions.STRICT : validationOptions;
        inputs = List.copyOf(inputs);
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        crds = List.copyOf(crds);
        overlay = Map.copyOf(overlay);
    }

    public CompileRequest(List<Path> inputs, Map<String, String> options, Path workDir, PrintStream printOut,
                          String k8sVersion, List<Path> crds, Map<Path, String> overlay, boolean writeFiles) {
        this(inputs, options, workDir, printOut, k8sVersion, crds, overlay, writeFiles, false, true, null);
    }

    public CompileRequest(List<Path> inputs, Map<String, String> options, Path workDir, PrintStream printOut,
                          String k8sVersion, List<Path> crds, Map<Path, String> overlay) {
        this(inputs, options, workDir, printOut, k8sVersion, crds, overlay, false);
    }

    /**
     * The same request with the validation stage on: the program's Kubernetes objects are collected and checked
     * against their schemas ({@link Compilation#manifests()}), as {@code skiff build} and {@code skiff check} do.
     */
    public CompileRequest withValidation(boolean on) {
        return new CompileRequest(inputs, options, workDir, printOut, k8sVersion, crds, overlay, writeFiles, on,
                staticChecks, validationOptions);
    }

    /**
     * The same request with the validation stage on, leaving unchecked what {@code leaving} says (kinds skipped,
     * kinds without a schema); {@link dev.skiff.validate.ValidationOptions#STRICT} checks every object.
     */
    public CompileRequest withValidation(dev.skiff.validate.ValidationOptions leaving) {
        return new CompileRequest(inputs, options, workDir, printOut, k8sVersion, crds, overlay, writeFiles, true,
                staticChecks, leaving);
    }

    /**
     * The same request with the checks before evaluation on (the default) or off. Off, every mistake is found by
     * evaluation alone, one at a time; the parity test of the checker compares the two.
     */
    public CompileRequest withStaticChecks(boolean on) {
        return new CompileRequest(inputs, options, workDir, printOut, k8sVersion, crds, overlay, writeFiles, validate,
                on, validationOptions);
    }

    public CompileRequest(List<Path> inputs, Map<String, String> options, Path workDir, PrintStream printOut,
                          String k8sVersion, List<Path> crds) {
        this(inputs, options, workDir, printOut, k8sVersion, crds, Map.of());
    }

    /**
     * Texts that stand in for files on disk (an editor's unsaved buffers), keyed by absolute normalized path.
     */
    public CompileRequest withOverlay(Map<Path, String> texts) {
        return new CompileRequest(inputs, options, workDir, printOut, k8sVersion, crds, texts, writeFiles, validate,
                staticChecks, validationOptions);
    }

    public CompileRequest(List<Path> inputs, Map<String, String> options, Path workDir, PrintStream printOut) {
        this(inputs, options, workDir, printOut, null, List.of());
    }

    public CompileRequest(List<Path> inputs, Map<String, String> options, Path workDir, PrintStream printOut,
                          String k8sVersion) {
        this(inputs, options, workDir, printOut, k8sVersion, List.of());
    }

    public CompileRequest withK8sVersion(String version) {
        return new CompileRequest(inputs, options, workDir, printOut, version, crds, overlay, writeFiles, validate,
                staticChecks, validationOptions);
    }

    /** CRD files or directories whose kinds become {@code crds.<group>.<version>} modules. */
    public CompileRequest withCrds(List<Path> files) {
        return new CompileRequest(inputs, options, workDir, printOut, k8sVersion, files, overlay, writeFiles, validate,
                staticChecks, validationOptions);
    }

    /** Inputs relative to the current directory, no options, {@code print()} discarded. */
    public static CompileRequest of(Path... inputs) {
        return new CompileRequest(List.of(inputs), Map.of(), Path.of("").toAbsolutePath(),
                new PrintStream(OutputStream.nullOutputStream()));
    }

    public CompileRequest withOptions(Map<String, String> newOptions) {
        return new CompileRequest(inputs, newOptions, workDir, printOut, k8sVersion, crds, overlay, writeFiles,
                validate, staticChecks, validationOptions);
    }

    public CompileRequest withWorkDir(Path dir) {
        return new CompileRequest(inputs, options, dir, printOut, k8sVersion, crds, overlay, writeFiles, validate,
                staticChecks, validationOptions);
    }

    /** The same request with the program's file writes carried out ({@code skiff run}) or only checked. */
    public CompileRequest withFileWrites(boolean write) {
        return new CompileRequest(inputs, options, workDir, printOut, k8sVersion, crds, overlay, write, validate,
                staticChecks, validationOptions);
    }

    /** The same request for other input files or directories. */
    public CompileRequest withInputs(List<Path> files) {
        return new CompileRequest(files, options, workDir, printOut, k8sVersion, crds, overlay, writeFiles, validate,
                staticChecks, validationOptions);
    }

    public CompileRequest withPrintOut(PrintStream out) {
        return new CompileRequest(inputs, options, workDir, out, k8sVersion, crds, overlay, writeFiles, validate,
                staticChecks, validationOptions);
    }
}
