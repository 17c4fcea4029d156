package dev.skiff.k8sgen;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Each Kubernetes kind's group and version, read from fabric8 kubernetes-model's {@code @Group}/{@code @Version}
 * (and {@code @Kind} where present) annotations; client-java's flat model package does not carry them.
 */
final class Fabric8Kinds {
    /**
     * One kind: {@code group} is empty for the legacy core group; {@code fields} are the JSON names fabric8 gives
     * the kind's own properties (empty when the witness is not fabric8).
     */
    record Gvk(String group, String version, String kind, String fabric8Class, List<String> fields) {
        String apiVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }
    }

    private Fabric8Kinds() {
    }

    static List<Gvk> read(List<Path> fabric8Jars, List<Path> supportJars) throws IOException {
        List<Path> all = new ArrayList<>(fabric8Jars);
        all.addAll(supportJars);
        List<Gvk> out = new ArrayList<>();
        try (URLClassLoader loader = Jars.loader(null, all)) {
            for (Path p : fabric8Jars) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String n = entries.nextElement().getName();
                        if (!n.endsWith(".class") || n.contains("$") || !n.startsWith("io/fabric8/kubernetes/api/model/")
                                || n.endsWith("Builder.class") || n.endsWith("Fluent.class")) {
                            continue;
                        }
                        Class<?> c;
                        try {
                            c = Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), false, loader);
                        } catch (ReflectiveOperationException | LinkageError e) {
                            continue;
                        }
                        String group = value(c, "io.fabric8.kubernetes.model.annotation.Group");
                        String version = value(c, "io.fabric8.kubernetes.model.annotation.Version");
                        if (group == null || version == null) {
                            continue;
                        }
                        String kind = value(c, "io.fabric8.kubernetes.model.annotation.Kind");
                        out.add(new Gvk(group, version, kind == null ? c.getSimpleName() : kind, c.getName(),
                                propertyOrder(c)));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> propertyOrder(Class<?> c) {
        for (Annotation a : c.getAnnotations()) {
            if (a.annotationType().getName().equals("com.fasterxml.jackson.annotation.JsonPropertyOrder")) {
                try {
                    return List.of((String[]) a.annotationType().getMethod("value").invoke(a));
                } catch (ReflectiveOperationException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }

    private static String value(Class<?> c, String annotation) {
        for (Annotation a : c.getAnnotations()) {
            if (a.annotationType().getName().equals(annotation)) {
                try {
                    return (String) a.annotationType().getMethod("value").invoke(a);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
