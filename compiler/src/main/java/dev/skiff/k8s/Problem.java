package dev.skiff.k8s;

import dev.skiff.diag.Code;
import java.util.Objects;

/**
 * One way a value fails its Kubernetes schema. The validator knows no source spans: the caller, which knows which
 * {@code .k} span wrote the value at {@code path}, turns a problem into a {@code Diagnostic}.
 *
 * @param path    the field path, e.g. {@code spec.template.spec.containers[0].image}; empty for the object itself
 * @param message one plain sentence
 * @param hint    extra help (a "did you mean"), or null
 */
public record Problem(Code code, String path, String message, String hint) {
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }
}
