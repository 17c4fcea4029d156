package dev.skiff;

import dev.skiff.diag.Diagnostic;
import dev.skiff.emit.JsonWriter;
import dev.skiff.emit.YamlWriter;
import java.util.List;

/**
 * The outcome of compiling a program: diagnostics, and when there were no errors, the output data as plain
 * Java values (ordered maps, lists, strings, longs, doubles, booleans, null).
 *
 * @param data     the output document, or null when the program has errors
 * @param stream   when the program chose its own output documents ({@code manifests.yaml_stream}), those;
 *                 otherwise null
 * @param internal the exception behind an internal error, for {@code --debug}; null normally
 * @param evaluated the evaluated values behind {@code data} (they remember where each entry was written), or
 *                  null when the program has errors
 * @param validation the Kubernetes objects and what the validator found in them, when the request asked for
 *                   validation and evaluation succeeded; null otherwise
 */
public record Compilation(List<Diagnostic> diagnostics, Object data, List<Object> stream, Throwable internal,
                          dev.skiff.eval.Evaluator.Output evaluated, dev.skiff.validate.Validation validation) {
    public Compilation(List<Diagnostic> diagnostics, Object data, List<Object> stream, Throwable internal) {
        this(diagnostics, data, stream, internal, null, null);
    }

    /** The validated Kubernetes objects in output order; empty when there was no validation. */
    public List<dev.skiff.validate.Manifest> manifests() {
        return validation == null ? List.of() : validation.manifests();
    }

    public Compilation {
        diagnostics = List.copyOf(diagnostics);
        stream = stream == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(stream));
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The output as YAML, exactly as {@code kcl run} prints it. */
    public String yaml() {
        if (stream != null) {
            return YamlWriter.writeStream(stream);
        }
        return data == null ? "" : YamlWriter.write(data);
    }

    /** The output as JSON, indented by four spaces as `kcl run --format json` prints it. */
    public String json() {
        if (stream != null) {
            return JsonWriter.write(stream, 4);
        }
        return data == null ? "" : JsonWriter.write(data, 4);
    }
}
