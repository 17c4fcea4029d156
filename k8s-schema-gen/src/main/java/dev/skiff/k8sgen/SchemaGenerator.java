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
        System.out.printf("skiff k8s schemas generated in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    /** True when every output exists and is newer than every input jar and than the generator itself. */
    private static boolean upToDate(Path out, String[] args) throws IOException {
        List<String> versions = new ArrayList<>();
        List<Path> inputs = new ArrayList<>(Jars.in(Path.of(args[1])));
        inputs.addAll(Jars.in(Path.of(args[2])));
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            versions.add(kv[0]);
            inputs.addAll(Jars.in(Path.of(kv[1])));
        }
        Path listing = out.resolve("versions.txt");
        if (!Files.exists(listing) || !Files.readAllLines(listing).equals(versions)) {
            return false;
        }
        long newestInput = 0;
        try (var classes = Files.list(Path.of(SchemaGenerator.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath()).resolve("dev/skiff/k8sgen"))) {
            for (Path p : (Iterable<Path>) classes::iterator) {
                newestInput = Math.max(newestInput, Files.getLastModifiedTime(p).toMillis());
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        for (Path p : inputs) {
            newestInput = Math.max(newestInput, Files.getLastModifiedTime(p).toMillis());
        }
        for (String v : versions) {
            Path target = out.resolve(v + ".json.gz");
            if (!Files.exists(target) || Files.getLastModifiedTime(target).toMillis() <= newestInput) {
                return false;
            }
        }
        return true;
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
