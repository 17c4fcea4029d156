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
 * @param crds        CRD files whose kinds become {@code crds.<group>.<version>} modules
 * @param writeFiles  whether the program's file writes happen, or are only checked
 * @param cancelled   asked now and then: when true, evaluation stops with a {@link
 *                    java.util.concurrent.CancellationException} (an editor's stale compile)
 */
public record EvalOptions(Map<String, String> options, ModuleResolver resolver, Path projectRoot, Appendable out,
                          Limits limits, String k8sVersion, java.util.List<Path> crds, boolean writeFiles,
                          java.util.function.BooleanSupplier cancelled) {
    public EvalOptions {
        options = Map.copyOf(options);
        crds = java.util.List.copyOf(crds);
        cancelled = cancelled == null ? () -> false : cancelled;
    }

    public EvalOptions(Map<String, String> options, ModuleResolver resolver, Path projectRoot, Appendable out,
                       Limits limits, String k8sVersion, java.util.List<Path> crds, boolean writeFiles) {
        this(options, resolver, projectRoot, out, limits, k8sVersion, crds, writeFiles, null);
    }

    public EvalOptions(Map<String, String> options, ModuleResolver resolver, Path projectRoot, Appendable out,
                       Limits limits) {
        this(options, resolver, projectRoot, out, limits, null, java.util.List.of(), false);
    }
}
