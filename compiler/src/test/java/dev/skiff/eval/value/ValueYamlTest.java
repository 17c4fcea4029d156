package dev.skiff.eval.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skiff.emit.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Writing values straight to YAML gives, byte for byte, what writing their plain Java data gave (the path
 * {@code Compilation.yaml()} used to take): with private keys left out or kept, for single documents and streams,
 * over nested dicts, sparse instance entries, lists, every scalar, and what the data leaves out (Undefined,
 * functions, types) — including collections left with nothing to write.
 */
class ValueYamlTest {
    @Property(tries = 2_000)
    void writesWhatTheJavaDataWrites(@ForAll("values") Value v) {
        assertThat(ValueYaml.write(v, false)).isEqualTo(YamlWriter.write(v.toJava()));
        assertThat(ValueYaml.write(v, true)).isEqualTo(YamlWriter.write(Value.toJavaWithPrivate(v)));
    }

    @Property(tries = 500)
    void writesStreamsAsTheJavaDataDid(@ForAll @Size(max = 4) List<@net.jqwik.api.From("values") Value> docs) {
        List<Object> data = new ArrayList<>();
        docs.forEach(d -> data.add(Value.toJavaWithPrivate(d)));
        assertThat(ValueYaml.writeStream(docs, true)).isEqualTo(YamlWriter.writeStream(data));
    }

    @Property(tries = 500)
    void sparseEntriesReadAsTheFullMap(@ForAll("flat") Map<String, Value> set, @ForAll @Size(max = 6) List<@net.jqwik.api.From("keys") String> declaredNames) {
        Map<String, Object> declared = new LinkedHashMap<>();
        declaredNames.forEach(k -> declared.put(k, k));
        set.keySet().forEach(k -> declared.put(k, k));
        Map<String, Value> full = new LinkedHashMap<>(set);
        declared.keySet().forEach(k -> full.putIfAbsent(k, Value.Undefined.UNDEFINED));
        Map<String, Value> sparse = Values.sparseEntries(new LinkedHashMap<>(set), declared);
        assertThat(new ArrayList<>(sparse.entrySet())).containsExactlyElementsOf(full.entrySet());
        assertThat(sparse).isEqualTo(full).hasSameHashCodeAs(full);
        for (String k : declared.keySet()) {
            assertThat(sparse.get(k)).isEqualTo(full.get(k));
            assertThat(sparse.containsKey(k)).isTrue();
        }
        assertThat(sparse.get("not declared")).isNull();
    }

    @Provide
    Arbitrary<Value> values() {
        return value(3);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of("a", "b", "_p", "name", "on", "1", "x: y", "", "kind", "_");
    }

    @Provide
    Arbitrary<Map<String, Value>> flat() {
        return Arbitraries.maps(keys(), scalars()).ofMaxSize(4).map(LinkedHashMap::new);
    }

    private Arbitrary<Value> value(int depth) {
        if (depth == 0) {
            return scalars();
        }
        Arbitrary<Value> inner = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<Map<String, Value>> maps = Arbitraries.maps(keys(), inner).ofMaxSize(4).map(LinkedHashMap::new);
        Arbitrary<Value> dicts = maps.map(m -> new Value.DictV(m));
        Arbitrary<Value> sparse = Arbitraries.maps(keys(), inner).ofMaxSize(3).flatMap(set ->
                Arbitraries.<List<String>>of(List.of("spec", "status"), List.of(), List.of("a", "status")).map(names -> {
                    Map<String, Object> declared = new LinkedHashMap<>();
                    names.forEach(n -> declared.put(n, n));
                    set.keySet().forEach(k -> declared.put(k, k));
                    return (Value) new Value.DictV(Values.sparseEntries(new LinkedHashMap<>(set), declared));
                }));
        Arbitrary<Value> lists = inner.list().ofMaxSize(4).map(l -> new Value.ListV(l));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalars()),
                net.jqwik.api.Tuple.of(3, dicts),
                net.jqwik.api.Tuple.of(1, sparse),
                net.jqwik.api.Tuple.of(2, lists));
    }

    private Arbitrary<Value> scalars() {
        Arbitrary<Value> strings = Arbitraries.oneOf(
                Arbitraries.of("", "plain", "yes", "No", "10Gi", "1.2.3", "-x", "a: b", "a #b", "it's", "tab\there",
                        "line\nbreak", "ends\n", "two\n\n", " lead\nx", "trail \nx", "\u2028", "#x", "~", "null",
                        "quote\"d", "\u0001ctl", "k\u212Aelvin", "\n").map(s -> (Value) new Value.Str(s)),
                Arbitraries.strings().ofMaxLength(6).map(s -> (Value) new Value.Str(s)));
        return Arbitraries.oneOf(
                strings,
                Arbitraries.longs().map(l -> (Value) new Value.Int(l)),
                Arbitraries.of(0.5, -0.0, 1e21, 1.0e-7, 3.0, Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY).map(d -> (Value) new Value.Float(d)),
                Arbitraries.of(Value.Bool.TRUE, Value.Bool.FALSE, Value.None.NONE, Value.Undefined.UNDEFINED,
                        new Value.Func("f", (ctx, args, kwargs) -> Value.None.NONE), Value.DictV.EMPTY,
                        Value.ListV.EMPTY, new Value.Int(2147483648L, "2Gi")));
    }
}
