package dev.skiff.modules;

import dev.skiff.diag.Code;
import dev.skiff.diag.Diagnostic;
import dev.skiff.k8s.SchemaRegistry;
import java.util.List;
import java.util.Map;

/**
 * A KCL project's {@code [dependencies] k8s = "1.31"}: KCL's package of Kubernetes schemas, whose version is
 * the Kubernetes version. Skiff reads it as {@code [skiff] k8s} (which wins when both are given): the
 * version's schemas when Skiff carries them, otherwise the nearest it carries, with a warning that says so.
 */
final class KubernetesPin {
    private KubernetesPin() {
    }

    static void choose(String pinned, Map<String, Object> skiff, List<Diagnostic> problems) {
        String wanted = pinned.replaceFirst("^v?(\\d+)\\.(\\d+).*$", "$1.$2");
        List<String> carried = SchemaRegistry.versions(); // newest first
        if (carried.isEmpty() || carried.contains(wanted)) {
            skiff.put("k8s", wanted);
            return;
        }
        String chosen = carried.get(0);
        if (wanted.matches("\\d+\\.\\d+") && minor(wanted) < minor(carried.get(carried.size() - 1))) {
            chosen = carried.get(carried.size() - 1); // older than all: the oldest carried is the nearest
        }
        skiff.put("k8s", chosen);
        problems.add(Diagnostic.warning(Code.E0202, null, "`kcl.mod` depends on `k8s = \"" + pinned + "\"` (Kubernetes "
                + wanted + "), whose schemas this Skiff does not carry; using Kubernetes " + chosen + " (carried: "
                + String.join(", ", carried) + ")").withHint("set `k8s = \"" + chosen + "\"` under `[skiff]` in "
                + "`kcl.mod` to choose the version and silence this warning"));
    }

    private static int minor(String version) {
        String[] p = version.split("\\.");
        return Integer.parseInt(p[0]) * 1000 + Integer.parseInt(p[1]);
    }
}
