package dev.skiff.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared benchmark workload ({@code ../shared/bench/workloads}): N services, each rendered as a
 * Deployment, a Service and a ConfigMap. The data is generated here exactly as {@code gen.py} does, so
 * benchmarks need nothing outside the repository.
 */
final class Workload {
    private Workload() {
    }

    static List<Map<String, Object>> services(int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        String[] levels = {"debug", "info", "warn"};
        String[] tiers = {"frontend", "backend", "worker"};
        for (int i = 0; i < n; i++) {
            String name = String.format("svc-%04d", i);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", name);
            s.put("image", String.format("registry.example.com/team%d/%s:1.%d.%d", i % 7, name, i % 10, i % 3));
            s.put("port", 8000 + (i % 100));
            s.put("replicas", 1 + i % 5);
            Map<String, Object> env = new LinkedHashMap<>();
            env.put("LOG_LEVEL", levels[i % 3]);
            env.put("REGION", "eu-" + (i % 4));
            env.put("FEATURE_X", i % 2 == 1 ? "on" : "off");
            s.put("env", env);
            s.put("cpu", (100 + 50 * (i % 8)) + "m");
            s.put("memory", (128 * (1 + i % 4)) + "Mi");
            s.put("tier", tiers[i % 3]);
            out.add(s);
        }
        return out;
    }

    /** {@code services.k}: the data as a Skiff list literal. */
    static String servicesSource(int n) {
        StringBuilder sb = new StringBuilder("services = [\n");
        for (Map<String, Object> s : services(n)) {
            sb.append("    ").append(literal(s)).append(",\n");
        }
        return sb.append("]\n").toString();
    }

    private static String literal(Object o) {
        if (o instanceof String s) {
            return '"' + s + '"';
        }
        if (o instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(first ? "" : ", ").append('"').append(e.getKey()).append("\": ").append(literal(e.getValue()));
                first = false;
            }
            return sb.append('}').toString();
        }
        return String.valueOf(o);
    }

    /** The program {@code manifests-plain.k}, kept as a resource beside this class. */
    static String program() throws IOException {
        return program("plain");
    }

    /** The program {@code manifests-<variant>.k} ({@code plain} or {@code typed}), kept beside this class. */
    static String program(String variant) throws IOException {
        try (InputStream in = Workload.class.getResourceAsStream("manifests-" + variant + ".k")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes {@code services.k} and both programs ({@code manifests-plain.k}, {@code manifests-typed.k}). */
    static Path writeTo(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("services.k"), servicesSource(n));
        Files.writeString(dir.resolve("manifests-plain.k"), program("plain"));
        Files.writeString(dir.resolve("manifests-typed.k"), program("typed"));
        return dir;
    }
}
