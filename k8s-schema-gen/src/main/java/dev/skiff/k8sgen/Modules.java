package dev.skiff.k8sgen;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Places definitions into KCL-style module paths ({@code k8s.api.apps.v1}, {@code k8s.api.core.v1},
 * {@code k8s.apimachinery.pkg.apis.meta.v1}). client-java's model package is flat, so a kind goes to its own
 * group and version, and every other definition to the module of the nearest kind that reaches it (the core
 * group winning ties). The apimachinery meta types cannot be told apart that way, since every kind reaches
 * {@code ObjectMeta}; they are the closure of the meta roots named below.
 */
final class Modules {
    static final String META = "k8s.apimachinery.pkg.apis.meta.v1";
    private static final List<String> META_ROOTS = List.of("V1ObjectMeta", "V1ListMeta", "V1LabelSelector",
            "V1Condition", "V1Status", "V1DeleteOptions", "V1APIResourceList", "V1APIGroupList", "V1APIVersions",
            "V1WatchEvent");
    private static final Pattern PREFIX = Pattern.compile("^(?:[A-Z][a-z]+)*V\\d+(?:(?:alpha|beta)\\d+)?(?=[A-Z])");

    private Modules() {
    }

    static String modulePath(String group, String version) {
        String label = group.isEmpty() ? "core" : group.split("\\.")[0];
        return "k8s.api." + label + "." + version;
    }

    /** The name a definition has inside its module: {@code V1Deployment} → {@code Deployment}. */
    static String shortName(String definition) {
        return PREFIX.matcher(definition).replaceFirst("");
    }

    /** module path → (short name → definition name). */
    static Map<String, Map<String, String>> assign(Map<String, Definition> defs, Map<String, Fabric8Kinds.Gvk> kinds) {
        Map<String, String> moduleOf = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String root : META_ROOTS) {
            if (defs.containsKey(root)) {
                moduleOf.put(root, META);
                queue.add(root);
            }
        }
        closure(defs, moduleOf, queue);
        kinds.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Fabric8Kinds.Gvk> e) -> !e.getValue().group().isEmpty())
                        .thenComparing(e -> e.getValue().group()).thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    if (moduleOf.putIfAbsent(e.getKey(), modulePath(e.getValue().group(), e.getValue().version())) == null) {
                        queue.add(e.getKey());
                    }
                });
        closure(defs, moduleOf, queue);
        Map<String, Map<String, String>> out = new TreeMap<>();
        moduleOf.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Map<String, String> members = out.computeIfAbsent(e.getValue(), k -> new LinkedHashMap<>());
            String name = shortName(e.getKey());
            members.putIfAbsent(members.containsKey(name) ? e.getKey() : name, e.getKey());
        });
        return out;
    }

    private static void closure(Map<String, Definition> defs, Map<String, String> moduleOf, Deque<String> queue) {
        while (!queue.isEmpty()) {
            String name = queue.removeFirst();
            for (Definition.Property p : defs.get(name).properties.values()) {
                String target = p.type().replaceAll("^(\\[]|\\{})*", "");
                if (defs.containsKey(target) && !moduleOf.containsKey(target)) {
                    moduleOf.put(target, moduleOf.get(name));
                    queue.addLast(target);
                }
            }
        }
    }

    static Set<String> metaRoots() {
        return Set.copyOf(META_ROOTS);
    }
}
