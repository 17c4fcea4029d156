package dev.skiff.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.diag.Result;
import dev.skiff.emit.YamlWriter;
import dev.skiff.source.SourceFile;
import dev.skiff.syntax.Formatter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The law of {@code skiff import}: for any valid objects, importing their YAML and building the program
 * gives back the same objects, and the program is already in the canonical layout. The generated objects
 * stress what is easy to get wrong: quotes, backslashes, {@code ${}}, line breaks, control characters,
 * non-ASCII text, keys that are keywords or not identifiers, empty values, floats and large integers.
 */
class ImportRoundTripProperties {
    private static final Path AT = Path.of("target/import-properties/main.k").toAbsolutePath();
    private static final String TRICKY = "abcXYZ019 _-./:\"'\\${}\n\t\r#!é€漢\u0001\u007f=,[]";
    private static final List<String> KEYS = List.of("if", "for", "type", "True", "None", "all", "check", "schema",
            "a.b", "with-dash", "9lives", "plain", "import", "lambda");

    @Property(tries = 60)
    void importThenBuildGivesBackTheObjects(@ForAll("objects") List<Map<String, Object>> objects) {
        String yaml = YamlWriter.writeStream(new ArrayList<>(objects));
        Result<ManifestImporter.Imported> r = ManifestImporter.importYaml(
                List.of(SourceFile.ofString("input.yaml", yaml)), ImportGoldenTest.registry());
        assertThat(r.diagnostics()).isEmpty();
        String program = r.value().program();
        assertThat(Formatter.format(program)).isEqualTo(program);
        assertThat(SameObjects.differences(objects, r.value().objects())).as("nothing is lost on reading").isEmpty();
        assertThat(ImportGoldenTest.buildAgainst(program, AT, objects)).isEmpty();
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> objects() {
        return Arbitraries.oneOf(configMap(), deployment(), service()).list().ofMinSize(1).ofMaxSize(4)
                .uniqueElements(o -> ((Map<?, ?>) o.get("metadata")).get("name") + "/" + o.get("kind"));
    }

    private static Arbitrary<String> tricky() {
        return Arbitraries.strings().withChars(TRICKY.toCharArray()).ofMaxLength(24);
    }

    private static Arbitrary<String> dnsName() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
    }

    private static Arbitrary<Map<String, Object>> metadata() {
        Arbitrary<Map<String, String>> labels = Arbitraries.maps(
                Arbitraries.of("app", "tier", "example.com/team", "app.kubernetes.io/name"),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(10)).ofMaxSize(3);
        Arbitrary<Map<String, String>> annotations = Arbitraries.maps(
                Arbitraries.of("note", "example.com/config", "checksum/config"), tricky()).ofMaxSize(2);
        return Combinators.combine(dnsName(), labels, annotations).as((name, l, a) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            if (!l.isEmpty()) {
                m.put("labels", new LinkedHashMap<>(l));
            }
            if (!a.isEmpty()) {
                m.put("annotations", new LinkedHashMap<>(a));
            }
            return m;
        });
    }

    private static Map<String, Object> object(String apiVersion, String kind, Map<String, Object> metadata) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        o.put("metadata", metadata);
        return o;
    }

    private static Arbitrary<Map<String, Object>> configMap() {
        Arbitrary<Map<String, String>> data = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(KEYS),
                Arbitraries.strings().withChars("abz019-._".toCharArray()).ofMinLength(1).ofMaxLength(8)
                        .filter(k -> !k.startsWith("_"))), tricky())
                .ofMaxSize(5);
        return Combinators.combine(metadata(), data).as((meta, d) -> {
            Map<String, Object> o = object("v1", "ConfigMap", meta);
            o.put("data", new LinkedHashMap<>(d));
            return o;
        });
    }

    private static Arbitrary<Map<String, Object>> deployment() {
        Arbitrary<List<Map<String, Object>>> env = Combinators.combine(
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(6), tricky())
                .as((n, v) -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("name", n);
                    e.put("value", v);
                    return e;
                }).list().ofMaxSize(3);
        Arbitrary<List<String>> args = tricky().list().ofMaxSize(3);
        return Combinators.combine(metadata(), Arbitraries.longs().between(0, 1_000_000), env, args,
                Arbitraries.integers().between(1, 65535)).as((meta, replicas, e, a, port) -> {
                    Map<String, Object> labels = Map.of("app", meta.get("name"));
                    Map<String, Object> container = new LinkedHashMap<>();
                    container.put("name", "main");
                    container.put("image", "registry.example.com/" + meta.get("name") + ":1.0");
                    if (!a.isEmpty()) {
                        container.put("args", a);
                    }
                    if (!e.isEmpty()) {
                        container.put("env", e);
                    }
                    container.put("ports", List.of(Map.of("containerPort", (long) port)));
                    container.put("resources", Map.of("limits", Map.of("cpu", "500m", "memory", "1Gi")));
                    Map<String, Object> spec = new LinkedHashMap<>();
                    spec.put("replicas", replicas);
                    spec.put("selector", Map.of("matchLabels", labels));
                    spec.put("template", Map.of("metadata", Map.of("labels", labels), "spec",
                            Map.of("containers", List.of(container), "volumes", List.of(
                                    Map.of("name", "scratch", "emptyDir", Map.of())))));
                    Map<String, Object> o = object("apps/v1", "Deployment", meta);
                    o.put("spec", spec);
                    return o;
                });
    }

    private static Arbitrary<Map<String, Object>> service() {
        return Combinators.combine(metadata(), Arbitraries.of("ClusterIP", "NodePort", "LoadBalancer"),
                Arbitraries.integers().between(1, 65535).list().ofMinSize(1).ofMaxSize(3).uniqueElements())
                .as((meta, type, ports) -> {
                    List<Object> ps = new ArrayList<>();
                    for (int i = 0; i < ports.size(); i++) {
                        ps.add(Map.of("name", "p" + i, "port", (long) ports.get(i), "targetPort", (long) ports.get(i)));
                    }
                    Map<String, Object> spec = new LinkedHashMap<>();
                    spec.put("type", type);
                    spec.put("ports", ps);
                    spec.put("selector", Map.of("app", meta.get("name")));
                    Map<String, Object> o = object("v1", "Service", meta);
                    o.put("spec", spec);
                    return o;
                });
    }
}
