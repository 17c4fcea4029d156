package dev.skiff;

import dev.skiff.diag.Diagnostic;
import dev.skiff.emit.JsonWriter;
import dev.skiff.emit.YamlWriter;
import dev.skiff.eval.value.Value;
import dev.skiff.eval.value.ValueYaml;
import dev.skiff.eval.value.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of compiling a program: diagnostics, and when there were no errors, the output data as plain
 * Java values (ordered maps, lists, strings, longs, doubles, booleans, null).
 *
 * <p>A compilation made from evaluated values ({@link #of}) makes the plain data only when {@link #data()} or
 * {@link #stream()} is first asked for: {@link #yaml()} writes the values directly, so a run that only prints
 * YAML never holds a second copy of its output.
 */
public final class Compilation {
    private final List<Diagnostic> diagnostics;
    private final Throwable internal;
    private final dev.skiff.eval.Evaluator.Output evaluated;
    private final dev.skiff.validate.Validation validation;
    /** Whether {@link #data} and {@link #stream} are still to be made from {@link #evaluated}. */
    private boolean lazy;
    private Object data;
    private List<Object> stream;

    /**
     * @param data       the output document, or null when the program has errors
     * @param stream     when the program chose its own output documents ({@code manifests.yaml_stream}), those;
     *                   otherwise null
     * @param internal   the exception behind an internal error, for {@code --debug}; null normally
     * @param evaluated  the evaluated values behind {@code data} (they remember where each entry was written), or
     *                   null when the program has errors
     * @param validation the Kubernetes objects and what the validator found in them, when the request asked for
     *                   validation and evaluation succeeded; null otherwise
     */
    public Compilation(List<Diagnostic> diagnostics, Object data, List<Object> stream, Throwable internal,
                       dev.skiff.eval.Evaluator.Output evaluated, dev.skiff.validate.Validation validation) {
        this.diagnostics = List.copyOf(diagnostics);
        this.data = data;
        this.stream = stream == null ? null : Collections.unmodifiableList(new ArrayList<>(stream));
        this.internal = internal;
        this.evaluated = evaluated;
        this.validation = validation;
    }

    public Compilation(List<Diagnostic> diagnostics, Object data, List<Object> stream, Throwable internal) {
        this(diagnostics, data, stream, internal, null, null);
    }

    /** A successful evaluation's outcome, whose plain data is made from {@code evaluated} when first needed. */
    public static Compilation of(List<Diagnostic> diagnostics, dev.skiff.eval.Evaluator.Output evaluated,
                                 dev.skiff.validate.Validation validation) {
        Compilation c = new Compilation(diagnostics, null, null, null, Objects.requireNonNull(evaluated), validation);
        c.lazy = true;
        return c;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The output document as plain data, or null when the program has errors. */
    public synchronized Object data() {
        materialize();
        return data;
    }

    /** The documents of {@code manifests.yaml_stream} as plain data, or null when the program did not choose them. */
    public synchronized List<Object> stream() {
        materialize();
        return stream;
    }

    public Throwable internal() {
        return internal;
    }

    public dev.skiff.eval.Evaluator.Output evaluated() {
        return evaluated;
    }

    public dev.skiff.validate.Validation validation() {
        return validation;
    }

    private void materialize() {
        if (!lazy) {
            return;
        }
        if (evaluated.stream() != null) {
            List<Object> docs = new ArrayList<>();
            for (Value doc : evaluated.stream()) {
                // manifests.yaml_stream has already left out what its options say (private keys by default)
                docs.add(Values.toJavaWithPrivate(doc));
            }
            stream = Collections.unmodifiableList(docs);
        }
        data = evaluated.document().toJava();
        lazy = false;
    }

    /** The validated Kubernetes objects in output order; empty when there was no validation. */
    public List<dev.skiff.validate.Manifest> manifests() {
        return validation == null ? List.of() : validation.manifests();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The output as YAML, exactly as {@code kcl run} prints it. */
    public synchronized String yaml() {
        if (lazy) {
            return evaluated.stream() != null ? ValueYaml.writeStream(evaluated.stream(), true)
                    : ValueYaml.write(evaluated.document(), false);
        }
        if (stream != null) {
            return YamlWriter.writeStream(stream);
        }
        return data == null ? "" : YamlWriter.write(data);
    }

    /** The output as JSON, indented by four spaces as `kcl run --format json` prints it. */
    public String json() {
        List<Object> s = stream();
        if (s != null) {
            return JsonWriter.write(s, 4);
        }
        Object d = data();
        return d == null ? "" : JsonWriter.write(d, 4);
    }

    @Override
    public String toString() {
        return "Compilation[diagnostics=" + diagnostics + ", internal=" + internal + "]";
    }
}
