package dev.skiff.k8sgen;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * Build step: writes {@code <out>/<k8s version>.json.gz} for each client-java-api jar given, plus
 * {@code versions.txt} (newest first). Arguments: {@code OUT SUPPORT_DIR FABRIC8_DIR VERSION=JAR_DIR...}.
 * A resource holds {@code definitions} (description, required, properties with type, format, enum,
 * description), {@code gvk} ({@code group/version/Kind} → definition, {@code v1/Kind} for the core group) and
 * {@code modules} (module path → short name → definition).
 */
public final class SchemaGenerator {
    private SchemaGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        List<Path> support = Jars.in(Path.of(args[1]));
        List<Path> fabric8 = Jars.in(Path.of(args[2]));
        Files.createDirectories(out);
        if (upToDate(out, args)) {
            System.out.println("skiff k8s schemas are up to date");
            return;
        }
        long t0 = System.nanoTime();
        List<Fabric8Kinds.Gvk> gvks = Fabric8Kinds.read(fabric8, support);
        List<String> versions = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            Path clientJar = Jars.in(Path.of(kv[1])).get(0);
            versions.add(kv[0]);
            Path target = out.resolve(kv[0] + ".json.gz");
            Map<String, Object> doc = generate(kv[0], clientJar, support, gvks);
            try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(target));
                 Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
                w.write(new JsonOut().value(doc).toString());
            }
            System.out.printf("skiff k8s schema %s: %d definitions, %d kinds, %d bytes%n", kv[0],
                    ((Map<?, ?>) doc.get("definitions")).size(), ((Map<?, ?>) doc.get("gvk")).size(), Files.size(target));
        }
        Files.writeString(out.resolve("versions.txt"), String.join("\n", versions) + "\n");
        Files.writeString(out.resolve("inputs.stamp"), inputStamp(args));
        System.out.printf("skiff k8s schemas generated in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * True when every output exists and was made from exactly the inputs given now: the stamp names each input
     * jar and generator class with its size and time, so an added, removed or replaced input triggers a rebuild.
     */
    private static boolean upToDate(Path out, String[] args) throws IOException {
        String stamp = inputStamp(args);
        Path stampFile = out.resolve("inputs.stamp");
        if (!Files.exists(stampFile) || !Files.readString(stampFile).equals(stamp)) {
            return false;
        }
        for (int i = 3; i < args.length; i++) {
            if (!Files.exists(out.resolve(args[i].split("=", 2)[0] + ".json.gz"))) {
                return false;
            }
        }
        return true;
    }

    private static String inputStamp(String[] args) throws IOException {
        List<Path> inputs = new ArrayList<>(Jars.in(Path.of(args[1])));
        inputs.addAll(Jars.in(Path.of(args[2])));
        for (int i = 3; i < args.length; i++) {
            inputs.addAll(Jars.in(Path.of(args[i].split("=", 2)[1])));
        }
        try (var classes = Files.list(Path.of(SchemaGenerator.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath()).resolve("dev/skiff/k8sgen"))) {
            classes.sorted().forEach(inputs::add);
        }
        StringBuilder sb = new StringBuilder(String.join(" ", args)).append('\n');
        for (Path p : inputs) {
            sb.append(p.getFileName()).append(' ').append(Files.size(p)).append(' ')
                    .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
        }
        return sb.toString();
    }

    static Map<String, Object> generate(String version, Path clientJar, List<Path> support,
                                        List<Fabric8Kinds.Gvk> gvks) throws IOException {
        Map<String, Definition> defs = ClientModelReader.read(clientJar, support);
        Map<String, Fabric8Kinds.Gvk> kinds = new HashMap<>();
        Map<String, String> gvkIndex = new TreeMap<>();
        for (Fabric8Kinds.Gvk g : gvks) {
            String def = definitionFor(g, defs);
            if (def != null) {
                kinds.putIfAbsent(def, g);
                gvkIndex.put(g.apiVersion() + "/" + g.kind(), def);
            }
        }
        int sameFields = 0;
        for (Map.Entry<String, Fabric8Kinds.Gvk> e : kinds.entrySet()) {
            Set<String> fabric8 = new TreeSet<>(e.getValue().fields());
            Set<String> client = new TreeSet<>(defs.get(e.getKey()).properties.keySet());
            if (fabric8.isEmpty() || fabric8.equals(client)) {
                sameFields += fabric8.isEmpty() ? 0 : 1;
            } else {
                System.out.printf("warning: %s: fabric8 fields %s, client-java fields %s%n", e.getKey(), fabric8, client);
            }
        }
        System.out.printf("skiff k8s schema %s: fabric8 and client-java name the same fields on %d kinds%n", version,
                sameFields);
        int agreed = 0;
        for (Map.Entry<String, Fabric8Kinds.Gvk> e : ClientApiKinds.read(clientJar, defs).entrySet()) {
            Fabric8Kinds.Gvk g = e.getValue();
            Fabric8Kinds.Gvk fabric8 = kinds.get(e.getKey());
            if (fabric8 != null) {
                if (fabric8.apiVersion().equals(g.apiVersion()) && fabric8.kind().equals(g.kind())) {
                    agreed++;
                } else {
                    System.out.printf("warning: %s: fabric8 says %s %s, client-java's API says %s %s%n", e.getKey(),
                            fabric8.apiVersion(), fabric8.kind(), g.apiVersion(), g.kind());
                }
                continue;
            }
            if (gvkIndex.putIfAbsent(g.apiVersion() + "/" + g.kind(), e.getKey()) == null) {
                kinds.put(e.getKey(), g);
                String list = e.getKey() + "List";
                if (defs.containsKey(list)) {
                    gvkIndex.putIfAbsent(g.apiVersion() + "/" + g.kind() + "List", list);
                }
            }
        }
        System.out.printf("skiff k8s schema %s: client-java's API classes agree with fabric8 on %d kinds%n", version,
                agreed);
        Map<String, Object> definitions = new LinkedHashMap<>();
        for (Definition d : defs.values()) {
            Map<String, Object> props = new LinkedHashMap<>();
            for (Definition.Property p : d.properties.values()) {
                Map<String, Object> pm = new LinkedHashMap<>();
                pm.put("type", p.type());
                if (!p.format().isEmpty()) {
                    pm.put("format", p.format());
                }
                if (!p.enumValues().isEmpty()) {
                    pm.put("enum", new TreeSet<>(p.enumValues()));
                }
                if (!p.description().isEmpty()) {
                    pm.put("description", p.description());
                }
                props.put(p.jsonName(), pm);
            }
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("description", d.description);
            if (!d.required.isEmpty()) {
                dm.put("required", d.required);
            }
            dm.put("properties", props);
            definitions.put(d.name, dm);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", version);
        doc.put("source", clientJar.getFileName().toString());
        doc.put("definitions", definitions);
        doc.put("gvk", gvkIndex);
        doc.put("modules", Modules.assign(defs, kinds));
        return doc;
    }

    /** client-java names a kind {@code V1Deployment}, or {@code CoreV1Event} where two groups share a kind. */
    private static String definitionFor(Fabric8Kinds.Gvk g, Map<String, Definition> defs) {
        String v = Character.toUpperCase(g.version().charAt(0)) + g.version().substring(1);
        String label = g.group().isEmpty() ? "core" : g.group().split("\\.")[0];
        String prefixed = Character.toUpperCase(label.charAt(0)) + label.substring(1) + v + g.kind();
        for (String candidate : List.of(prefixed, v + g.kind())) {
            Definition d = defs.get(candidate);
            if (d != null && d.properties.containsKey("kind") && d.properties.containsKey("apiVersion")) {
                return candidate;
            }
        }
        return null;
    }
}
