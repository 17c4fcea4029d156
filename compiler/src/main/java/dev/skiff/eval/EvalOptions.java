package dev.skiff.eval;

import dev.skiff.modules.ModuleResolver;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an evaluation needs from outside.
 *
 * @param options     the {@code -D key=value} options for {@code option()}
 * @param resolver    finds imported modules
 * @param projectRoot the only directory {@code file.*} functions may read
 * @param out         where {@code print} writes
 * @param k8sVersion  the Kubernetes schema version for {@code k8s.*} imports, or null for the newest
 */
public record EvalOptions(Map<String, String> options, ModuleResolver resolver, Path projectRoot, Appendable out,
                          Limits limits, String k8sVersion) {
    public EvalOptions {
        options = Map.copyOf(options);
    }

    public EvalOptions(Map<String, String> options, ModuleResolver resolver, Path projectRoot, Appendable out,
                       Limits limits) {
        this(options, resolver, projectRoot, out, limits, null);
    }
}
